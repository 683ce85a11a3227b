package io.optcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import org.junit.jupiter.api.Test;

/** A @PropertyTest beside an ordinary @Test, run by Surefire as a normal test class. */
class PropertyTestExampleTest {

    @PropertyTest(tries = 300)
    Property<double[]> sumOfSquaresIsNonNegative() {
        return Property.forAll(
                "sum of squares is non-negative",
                Gens.doubleArrays(Gens.doubles(-1e3, 1e3), Gens.integers(1, 20)),
                (x, trial) -> {
                    trial.classify(x.length == 1, "dim 1");
                    double s = 0;
                    for (double v : x) {
                        s += v * v;
                    }
                    if (s < 0) {
                        throw new AssertionError("negative sum of squares " + s);
                    }
                });
    }

    @Test
    void ordinaryTestRunsBeside() {
        assertThat(Math.abs(-1)).isEqualTo(1);
    }
}
