package io.optcheck.theory;

import io.optcheck.api.Precision;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tolerance model, written once. Every inequality lhs &lt;= rhs is checked as
 * lhs &lt;= rhs + tol with
 *
 * <pre>tol = C * d * 2^-52 * scale + C * d * 2^-1022</pre>
 *
 * where d is the dimension, C = {@value #C} (so c = C d &lt;= 16 d, as the design rules require)
 * and scale is the sum of the magnitudes of the quantities the check combines (for the descent
 * lemma |f(x)| + |f(x+)| + eta ||g||^2). A bound of 0 uses the scale of the run (for example
 * |f(x0)|), so it gets an absolute tolerance. A violation whose excess is below
 * {@value #RECHECK_FACTOR} tolerances is recomputed in exact arithmetic before it is reported.
 *
 * <p><b>Representable instances</b> (THEOREMS.md, Numerics). Two rules for instances at the edge
 * of float64:
 * <ul>
 *   <li>The second term is an absolute floor at the subnormal scale, C d times the smallest normal
 *       double 2^-1022. A quantity below 2^-1022 carries an absolute rounding error of up to
 *       2^-1075 per operation, and a product of two normal numbers that lands there (g^2 for
 *       |g| near 1e-155) has lost its relative precision, so two subnormal quantities cannot be
 *       told apart by a relative tolerance. The floor is below 1e-305 for d &lt;= 20: above the
 *       subnormal range the relative term decides every check whose scale exceeds about 1e-290.</li>
 *   <li>A check whose bound or tolerance is NaN or infinite (an instance whose constants
 *       overflow, such as a radius 3 lambda / M3 with M3 = 3e-323) has no verdict on that instance:
 *       {@link Check#decidable()} is false, the evaluation stops there, and the try is rejected
 *       and counted ({@code noVerdictTries} in the result), never reported as a violation.</li>
 * </ul>
 */
public final class Tolerance {

    private Tolerance() {}

    /** The constant C in tol = C d 2^-52 scale. */
    public static final double C = 8;

    /** Violations smaller than this many tolerances are rechecked exactly. */
    public static final double RECHECK_FACTOR = 1e6;

    /**
     * The absolute floor per dimension: the subnormal scale 2^-1022 (the smallest normal double).
     * tol never falls below C d times this.
     */
    public static final double SUBNORMAL_FLOOR = Double.MIN_NORMAL;

    /**
     * The tolerance for quantities of total magnitude {@code scale} in dimension {@code d}. NaN
     * when scale is NaN, +Infinity when it is infinite: such a check has no verdict (see the class
     * comment).
     */
    public static double of(double scale, int d) {
        return of(scale, d, SCOPE.get());
    }

    /** The format of the method under check, for the evaluation running on this thread. */
    private static final ThreadLocal<Precision> SCOPE = ThreadLocal.withInitial(() -> Precision.FLOAT64);

    /**
     * Runs {@code body} with every {@link #of(double, int)} of this thread in the model of
     * {@code p}: how a theorem's checks follow the format its method computes in, without each check
     * site passing it. Nested scopes restore the outer one.
     */
    public static <T> T in(Precision p, Supplier<T> body) {
        Precision outer = SCOPE.get();
        SCOPE.set(p);
        try {
            return body.get();
        } finally {
            SCOPE.set(outer);
        }
    }

    /**
     * The tolerance for quantities computed in {@code p}: the same model with p's machine epsilon in
     * place of 2^-52 and p's smallest normal number as the floor (tol = C d eps_p scale + C d
     * minNormal_p). A check on a method that computes in float32 or bfloat16 uses this, through the
     * precision of the method it checks.
     */
    public static double of(double scale, int d, Precision p) {
        int n = Math.max(1, d);
        return C * n * p.epsilon() * Math.abs(scale) + C * n * p.minNormal();
    }

    /**
     * The scale term for a check on f at a computed iterate x_t = x_{t-1} - eta g: the iterate
     * carries rounding of relative size 2^-52 on its inputs, which moves f by up to
     * ||grad f(x_t)|| (||x_{t-1}|| + eta ||g||). Near a minimizer of a singular or rotated
     * objective this can exceed |f| itself, so checks on f add it to their scale.
     */
    public static double iterateRounding(double gradNormAtNew, double prevNorm, double stepNorm) {
        return gradNormAtNew * (prevNorm + stepNorm);
    }

    /** The model, as quoted in every report. */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formula", "tol = C * d * 2^-52 * scale + C * d * 2^-1022");
        m.put("C", C);
        m.put(
                "scale",
                "sum of the magnitudes of the quantities each check combines; for f at an "
                        + "iterate also ||grad f(x_t)|| (||x_t-1|| + eta ||g||), the effect of the iterate's own rounding");
        m.put(
                "subnormalFloor",
                "C * d * 2^-1022: quantities in the subnormal range carry absolute, not relative, "
                        + "error, so they are compared against this absolute floor at the subnormal scale");
        m.put(
                "representable",
                "a check whose bound or tolerance is NaN or infinite has no verdict on that instance: "
                        + "the try is rejected and counted (noVerdictTries), never reported as violated");
        m.put(
                "precision",
                "a method that computes in float32 or bfloat16 is checked with that format's machine epsilon "
                        + "(2^-23, 2^-7) in place of 2^-52 and its smallest normal number (2^-126) as the floor");
        m.put("zeroBound", "a bound of 0 uses the scale of the run (absolute tolerance)");
        m.put(
                "recheck",
                "violations below " + (long) RECHECK_FACTOR
                        + " tolerances are recomputed in exact rational arithmetic (BigDecimal) before they count");
        m.put(
                "methodError",
                "checks on a numerically integrated reference (gradient flow) add the "
                        + "integrator's stated error, 2 rel_tol (||grad f(x_a)|| ||x_a|| + ||grad f(x_b)|| ||x_b||), to tol");
        m.put(
                "ratios",
                "observed/bound, oriented so that > 1 is a violation; steps t >= 1 only; "
                        + "a held check counts toward the worst ratio only where tol <= 1e-6 |bound|");
        return m;
    }
}
