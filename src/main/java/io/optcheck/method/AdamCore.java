package io.optcheck.method;

import io.optcheck.api.Precision;

/** The shared step of Adam, AdamW and AMSGrad (package-private; see those classes). */
final class AdamCore {
    private AdamCore() {}

    static AdaptiveState update(
            AdaptiveState s, double[] x, double[] g, double lr, AdaptiveOptions o, boolean amsgrad) {
        return update(s, x, g, lr, o, amsgrad, false);
    }

    /**
     * @param maxOverCorrected AMSGrad only: vhat = max(vhat, v / (1 - b2^t)), the maximum over the
     *     bias-corrected second moment (vhat is then used as it is), instead of the maximum over
     *     the raw v divided by 1 - b2^t afterwards
     *
     * <p>Computed in {@code o.precision()}: the hyperparameters, the gradient and both moments are
     * numbers of the format and every operation is rounded to it, a product or quotient of two
     * values before the sum that uses it. In float64 every rounding is the identity.</p>
     */
    static AdaptiveState update(
            AdaptiveState s,
            double[] x,
            double[] g,
            double lr,
            AdaptiveOptions o,
            boolean amsgrad,
            boolean maxOverCorrected) {
        Precision p = o.precision();
        int d = x.length;
        int t = s.t() + 1; // Kingma & Ba: t starts at 1 for the first update
        double[] m = s.m();
        double[] v = s.v();
        double[] vhat = s.vhat();
        double b1 = p.round(o.b1());
        double b2 = p.round(o.b2());
        double c1 = p.round(1 - b1);
        double c2 = p.round(1 - b2);
        double eps = p.round(o.eps());
        double wd = p.round(o.weightDecay());
        double lrT = p.round(o.lrAt(p.round(lr), t));
        double bc1 = o.biasCorrection() ? p.round(1 - p.round(Math.pow(b1, t))) : 1;
        double bc2 = o.biasCorrection() ? p.round(1 - p.round(Math.pow(b2, t))) : 1;
        double[] next = new double[d];
        for (int i = 0; i < d; i++) {
            double gi = p.round(g[i]);
            if (wd > 0 && !o.decoupled()) {
                gi = p.round(gi + p.round(wd * x[i])); // coupled L2: the decay enters the moments
            }
            m[i] = p.round(p.round(b1 * m[i]) + p.round(c1 * gi));
            v[i] = p.round(p.round(b2 * v[i]) + p.round(p.round(c2 * gi) * gi));
            double second = v[i];
            double vh;
            if (amsgrad && maxOverCorrected) {
                vhat[i] = Math.max(vhat[i], p.round(v[i] / bc2));
                vh = vhat[i];
            } else {
                if (amsgrad) {
                    vhat[i] = Math.max(vhat[i], v[i]);
                    second = vhat[i];
                }
                vh = p.round(second / bc2);
            }
            double mh = p.round(m[i] / bc1);
            double den =
                    o.epsInsideSqrt() ? p.round(Math.sqrt(p.round(vh + eps))) : p.round(p.round(Math.sqrt(vh)) + eps);
            // 0/0 (zero gradient so far, eps = 0) is no move: the update direction is undefined
            // and every library treats m = 0 as a zero update.
            double upd = mh == 0 ? 0 : p.round(p.round(lrT * mh) / den);
            double xi = p.round(x[i] - upd);
            if (wd > 0 && o.decoupled()) {
                // Loshchilov & Hutter 2019, Algorithm 2 line 12: decay applied to x_{t-1}, not inside g.
                xi = p.round(xi - p.round((o.decayTimesLr() ? p.round(lrT * wd) : wd) * x[i]));
            }
            next[i] = o.project(xi);
        }
        return new AdaptiveState(next, t, m, v, vhat, lrT);
    }
}
