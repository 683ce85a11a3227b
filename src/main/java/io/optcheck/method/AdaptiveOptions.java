package io.optcheck.method;

import io.optcheck.api.Precision;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Declared conventions shared by the adaptive methods. Immutable; every {@code with...} returns a
 * new value. Defaults are those of the papers (Kingma &amp; Ba 2015, Algorithm 1): b1 = 0.9,
 * b2 = 0.999, eps = 1e-8 added OUTSIDE the square root of the (bias-corrected) second moment,
 * bias correction on, no weight decay, constant learning rate, no projection.
 *
 * @param b1 first-moment decay in [0, 1)
 * @param b2 second-moment decay in [0, 1)
 * @param eps added to the denominator, {@code >= 0}
 * @param epsInsideSqrt true: denominator sqrt(v^ + eps) (some libraries); false: sqrt(v^) + eps
 * @param biasCorrection divide m by 1 - b1^t and v by 1 - b2^t
 * @param weightDecay wd {@code >= 0}
 * @param decoupled true: x -= lr_wd * wd * x separately (AdamW, Loshchilov &amp; Hutter 2019);
 *     false: coupled (L2), g += wd * x before the moments
 * @param decayTimesLr for decoupled decay: the decay step is lr * wd * x (PyTorch, the default);
 *     false: wd * x (the paper's eta_t schedule multiplier set to 1)
 * @param inverseSqrtSchedule lr_t = lr / sqrt(t) (Reddi et al. 2018) instead of a constant lr
 * @param lo lower bound of the box projection (per coordinate), -Infinity for none
 * @param hi upper bound of the box projection, +Infinity for none
 */
public record AdaptiveOptions(
        double b1,
        double b2,
        double eps,
        boolean epsInsideSqrt,
        boolean biasCorrection,
        double weightDecay,
        boolean decoupled,
        boolean decayTimesLr,
        boolean inverseSqrtSchedule,
        double lo,
        double hi,
        Precision precision) {

    public AdaptiveOptions {
        Objects.requireNonNull(precision, "precision");
        if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1)) {
            throw new IllegalArgumentException("b1, b2 must be in [0, 1), got " + b1 + ", " + b2);
        }
        if (!(eps >= 0) || !(weightDecay >= 0) || !(lo <= hi)) {
            throw new IllegalArgumentException("need eps >= 0, wd >= 0, lo <= hi");
        }
    }

    /** The defaults of Kingma &amp; Ba 2015. */
    public static AdaptiveOptions defaults() {
        return new AdaptiveOptions(
                0.9,
                0.999,
                1e-8,
                false,
                true,
                0,
                true,
                true,
                false,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                Precision.FLOAT64);
    }

    public AdaptiveOptions withBetas(double nb1, double nb2) {
        Copy c = new Copy(this);
        c.b1 = nb1;
        c.b2 = nb2;
        return c.build();
    }

    public AdaptiveOptions withEps(double e, boolean inside) {
        Copy c = new Copy(this);
        c.eps = e;
        c.epsInsideSqrt = inside;
        return c.build();
    }

    public AdaptiveOptions withBiasCorrection(boolean on) {
        Copy c = new Copy(this);
        c.biasCorrection = on;
        return c.build();
    }

    public AdaptiveOptions withWeightDecay(double wd, boolean dec, boolean timesLr) {
        Copy c = new Copy(this);
        c.weightDecay = wd;
        c.decoupled = dec;
        c.decayTimesLr = timesLr;
        return c.build();
    }

    public AdaptiveOptions withInverseSqrtSchedule(boolean on) {
        Copy c = new Copy(this);
        c.inverseSqrtSchedule = on;
        return c.build();
    }

    public AdaptiveOptions withBox(double l, double h) {
        Copy c = new Copy(this);
        c.lo = l;
        c.hi = h;
        return c.build();
    }

    /**
     * The same options, with the update computed in {@code p}: the hyperparameters, the gradient,
     * both moments and every operation of the step rounded to the format.
     */
    public AdaptiveOptions withPrecision(Precision p) {
        Copy c = new Copy(this);
        c.precision = p;
        return c.build();
    }

    /**
     * A copy of every field, changed by one with-method and then built (and checked) again: the
     * one place that lists the fields in constructor order.
     */
    private static final class Copy {
        double b1;
        double b2;
        double eps;
        boolean epsInsideSqrt;
        boolean biasCorrection;
        double weightDecay;
        boolean decoupled;
        boolean decayTimesLr;
        boolean inverseSqrtSchedule;
        double lo;
        double hi;
        Precision precision;

        Copy(AdaptiveOptions o) {
            b1 = o.b1;
            b2 = o.b2;
            eps = o.eps;
            epsInsideSqrt = o.epsInsideSqrt;
            biasCorrection = o.biasCorrection;
            weightDecay = o.weightDecay;
            decoupled = o.decoupled;
            decayTimesLr = o.decayTimesLr;
            inverseSqrtSchedule = o.inverseSqrtSchedule;
            lo = o.lo;
            hi = o.hi;
            precision = o.precision;
        }

        AdaptiveOptions build() {
            return new AdaptiveOptions(
                    b1,
                    b2,
                    eps,
                    epsInsideSqrt,
                    biasCorrection,
                    weightDecay,
                    decoupled,
                    decayTimesLr,
                    inverseSqrtSchedule,
                    lo,
                    hi,
                    precision);
        }
    }

    /** lr_t for step t >= 1. */
    double lrAt(double lr, int t) {
        return inverseSqrtSchedule ? lr / Math.sqrt(t) : lr;
    }

    /** The bias correction 1 - b^t, or 1 with bias correction off. */
    double correction(double b, int t) {
        return biasCorrection ? 1 - Math.pow(b, t) : 1;
    }

    /** The denominator of a step at the corrected second moment vh, eps where it is declared. */
    double denominator(double vh) {
        return root(vh, eps, epsInsideSqrt);
    }

    /** sqrt(v + eps) when {@code inside}, else sqrt(v) + eps. */
    static double root(double v, double eps, boolean inside) {
        return inside ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
    }

    /** Projects onto [lo, hi] (identity without a box). NaN stays NaN. */
    double project(double x) {
        return x < lo ? lo : x > hi ? hi : x;
    }

    /** The conventions, for reports. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b1", b1);
        m.put("b2", b2);
        m.put("eps", eps);
        m.put("epsPlacement", epsInsideSqrt ? "sqrt(v^ + eps)" : "sqrt(v^) + eps");
        m.put("biasCorrection", biasCorrection);
        m.put("weightDecay", weightDecay);
        m.put(
                "weightDecayMode",
                decoupled ? (decayTimesLr ? "decoupled, lr * wd * x" : "decoupled, wd * x") : "coupled, g + wd * x");
        m.put("lrSchedule", inverseSqrtSchedule ? "lr / sqrt(t)" : "constant");
        if (Double.isFinite(lo) || Double.isFinite(hi)) {
            m.put("projection", "[" + lo + ", " + hi + "]");
        }
        if (precision != Precision.FLOAT64) {
            m.put("precision", precision.id());
        }
        return m;
    }
}
