package io.optcheck.oracle;

import io.optcheck.problem.Objective;
import java.util.Arrays;
import java.util.Objects;

/**
 * The exact gradient of an objective, transformed coordinate-wise by fixed vectors:
 * g'(x) = a * grad f(x) + b. Two uses:
 * <ul>
 *   <li>{@link #scaled}: a = d, b = 0, a rescaled gradient (adapt.scale-invariance);</li>
 *   <li>{@link #shifted}: a = 1, b = xi, one fixed noise outcome, so that an expectation over a
 *       finite noise distribution can be enumerated exactly (gd.clipping).</li>
 * </ul>
 * Values are f(x) unchanged. NaN or infinite components of a, b or the gradient propagate. Not
 * thread-safe (call counters).
 */
public final class AffineGradientOracle extends CountingOracle<Objective> {
    private final double[] scale;
    private final double[] shift;

    private AffineGradientOracle(Objective objective, double[] scale, double[] shift) {
        super(Objects.requireNonNull(objective, "objective"));
        int d = objective.dimension();
        if (scale.length != d || shift.length != d) {
            throw new IllegalArgumentException(
                    "scale and shift need length " + d + ", got " + scale.length + " and " + shift.length);
        }
        this.scale = scale.clone();
        this.shift = shift.clone();
    }

    /** d * grad f(x): the gradient multiplied coordinate-wise by {@code d} (copied). */
    public static AffineGradientOracle scaled(Objective objective, double[] d) {
        return new AffineGradientOracle(objective, d, new double[d.length]);
    }

    /** grad f(x) + xi: the gradient plus the fixed vector {@code xi} (copied). */
    public static AffineGradientOracle shifted(Objective objective, double[] xi) {
        double[] ones = new double[xi.length];
        Arrays.fill(ones, 1.0);
        return new AffineGradientOracle(objective, ones, xi);
    }

    @Override
    protected void estimate(double[] x, double[] out) {
        f.gradient(x, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = scale[i] * out[i] + shift[i];
        }
    }
}
