package com.acme.opt.theory;

import io.optcheck.junit.PropertyTest;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.prop.Trial;

/**
 * The family's hand-written gradient against central finite differences of its value. For a
 * quadratic the central difference is exact up to rounding, so the tolerance is a rounding
 * bound: the error of each f evaluation (a few ulps of the sum of its terms) divided by 2 delta.
 */
class GradientCrossCheckTest {

    @PropertyTest(tries = 500)
    Property<Object[]> gradientMatchesCentralDifferences() {
        return Property.forAll(
                "shifted-diagonal gradient",
                ShiftedDiagonalQuadratic.family()
                        .flatMap(f -> Gens.doubleArrays(Gens.doubles(-10, 10), f.dimension())
                                .map(x -> new Object[] {f, x})),
                (Object[] in, Trial trial) -> {
                    ShiftedDiagonalQuadratic f = (ShiftedDiagonalQuadratic) in[0];
                    double[] x = (double[]) in[1];
                    double[] g = f.gradient(x);
                    double delta = 1e-3;
                    for (int i = 0; i < x.length; i++) {
                        double[] up = x.clone();
                        double[] down = x.clone();
                        up[i] += delta;
                        down[i] -= delta;
                        double fd = (f.value(up) - f.value(down)) / (up[i] - down[i]);
                        // f's terms are at most 10 * 21^2 / 2 each, d <= 8 of them: 32 ulps of their sum.
                        double tol = 32 * Math.ulp(8 * 10 * 21.0 * 21.0) / (up[i] - down[i]);
                        if (Math.abs(fd - g[i]) > tol) {
                            throw new AssertionError(
                                    "coordinate " + i + ": gradient " + g[i] + ", central difference " + fd);
                        }
                    }
                });
    }
}
