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
     */
    static AdaptiveState update(
            AdaptiveState s,
            double[] x,
            double[] g,
            double lr,
            AdaptiveOptions o,
            boolean amsgrad,
            boolean maxOverCorrected) {
        if (o.precision() != Precision.FLOAT64) {
            return rounded(s, x, g, lr, o, amsgrad, maxOverCorrected);
        }
        int d = x.length;
        int t = s.t() + 1; // Kingma & Ba: t starts at 1 for the first update
        double[] m = s.m();
        double[] v = s.v();
        double[] vhat = s.vhat();
        double lrT = o.lrAt(lr, t);
        double bc1 = o.correction(o.b1(), t);
        double bc2 = o.correction(o.b2(), t);
        double[] next = new double[d];
        for (int i = 0; i < d; i++) {
            double gi = g[i];
            if (o.weightDecay() > 0 && !o.decoupled()) {
                gi = gi + o.weightDecay() * x[i]; // coupled L2: the decay enters the moments
            }
            m[i] = o.b1() * m[i] + (1 - o.b1()) * gi;
            v[i] = o.b2() * v[i] + (1 - o.b2()) * gi * gi;
            double second = v[i];
            double vh;
            if (amsgrad && maxOverCorrected) {
                vhat[i] = Math.max(vhat[i], v[i] / bc2);
                vh = vhat[i];
            } else {
                if (amsgrad) {
                    vhat[i] = Math.max(vhat[i], v[i]);
                    second = vhat[i];
                }
                vh = second / bc2;
            }
            double mh = m[i] / bc1;
            double den = o.denominator(vh);
            // 0/0 (zero gradient so far, eps = 0) is no move: the update direction is undefined
            // and every library treats m = 0 as a zero update.
            double upd = mh == 0 ? 0 : lrT * mh / den;
            double xi = x[i] - upd;
            if (o.weightDecay() > 0 && o.decoupled()) {
                // Loshchilov & Hutter 2019, Algorithm 2 line 12: decay applied to x_{t-1}, not inside g.
                xi -= (o.decayTimesLr() ? lrT * o.weightDecay() : o.weightDecay()) * x[i];
            }
            next[i] = o.project(xi);
        }
        return new AdaptiveState(next, t, m, v, vhat, lrT);
    }

    /**
     * The same update computed in {@code o.precision()}: the hyperparameters, the gradient and both
     * moments are stored in the format, and every operation is rounded to it in the order of
     * {@link #update} (a product or quotient of two values, then the sum, as a training loop in that
     * format evaluates it).
     */
    private static AdaptiveState rounded(
            AdaptiveState s,
            double[] x,
            double[] g,
            double lr,
            AdaptiveOptions o,
            boolean amsgrad,
            boolean maxOverCorrected) {
        Precision p = o.precision();
        int d = x.length;
        int t = s.t() + 1;
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
                gi = p.round(gi + p.round(wd * x[i]));
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
            double upd = mh == 0 ? 0 : p.round(p.round(lrT * mh) / den);
            double xi = p.round(x[i] - upd);
            if (wd > 0 && o.decoupled()) {
                xi = p.round(xi - p.round((o.decayTimesLr() ? p.round(lrT * wd) : wd) * x[i]));
            }
            next[i] = o.project(xi);
        }
        return new AdaptiveState(next, t, m, v, vhat, lrT);
    }
}
