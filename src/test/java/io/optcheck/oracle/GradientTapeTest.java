package io.optcheck.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.problem.Quadratic;
import org.junit.jupiter.api.Test;

class GradientTapeTest {

    @Test
    void playsBackTheRecordedGradientsWhateverThePoint() {
        GradientTape tape = new GradientTape(new ExactOracle(Quadratic.diagonal(new double[] {2})));
        GradientOracle rec = tape.recorder();
        double[] g = new double[1];
        rec.gradient(new double[] {1}, g);
        rec.gradient(new double[] {3}, g);
        assertThat(tape.pending()).isEqualTo(2);
        GradientOracle play = tape.player();
        play.gradient(new double[] {100}, g);
        assertThat(g[0]).isEqualTo(2.0);
        play.gradient(new double[] {-7}, g);
        assertThat(g[0]).isEqualTo(6.0);
        assertThat(tape.pending()).isZero();
        // Values come from the live oracle, at the point asked.
        assertThat(play.value(new double[] {1})).isEqualTo(1.0);
        assertThatThrownBy(() -> play.gradient(new double[] {0}, new double[1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gradient call 3");
    }

    @Test
    void aRecordedArrayIsACopy() {
        GradientTape tape = new GradientTape(new ExactOracle(Quadratic.diagonal(new double[] {1})));
        double[] g = new double[1];
        tape.recorder().gradient(new double[] {5}, g);
        g[0] = -1; // the method modifies its own array afterwards
        double[] out = new double[1];
        tape.player().gradient(new double[] {0}, out);
        assertThat(out[0]).isEqualTo(5.0);
    }
}
