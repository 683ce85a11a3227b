package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's engine example, verbatim, so the README cannot rot. */
class ReadmeExampleTest {

    @Test
    void readmeExampleShrinksToTwoPointZeroZeroZeroOne() {
        Gen<Double> h = Gens.doubles(0, 4).knob("h"); // a search knob for targeted search
        Property<Double> p = Property.forAll("gd step", h, (hv, trial) -> {
                    trial.label(hv > 2 ? "eta L > 2" : "eta L <= 2"); // statistics and coverage labels
                    trial.target(hv); // a score to maximise
                    if (Math.abs(1 - hv) > 1) throw new AssertionError("|1 - eta L| > 1");
                })
                .tries(1000)
                .seed(42)
                .cover("eta L > 2", 10);
        PropertyResult<Double> r = p.run(); // r.shrunkValue() == 2.0001
        assertThat(r.failed()).isTrue();
        assertThat(r.shrunkValue()).isEqualTo(2.0001);
    }
}
