package io.optcheck.method;

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
}
