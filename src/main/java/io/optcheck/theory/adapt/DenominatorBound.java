package io.optcheck.theory.adapt;

import io.optcheck.method.exact.ExactAdaptive;

/**
 * The regret bound of an Adam-type step with beta1 = 0 and a constant lr, x_t+1 = x_t - g_t/H_t
 * per coordinate with H_t = den_t/lr, written once for AMSGrad and RMSProp. The denominators are
 * recomputed from the gradients (never read from the method): v_t = b2 v_t-1 + (1 - b2) g_t^2,
 * then q_t = v_t (RMSProp), max(vhat, v_t) (AMSGrad, Reddi et al. Alg. 2), that max divided by
 * 1 - b2^t (PyTorch's bias correction after the max) or max(vhat, v_t/(1 - b2^t)) (the max over
 * the corrected v); den_t = sqrt(q_t) + eps, or sqrt(q_t + eps) with eps inside the root.
 *
 * <p>Bound after T steps: sum_i [H_T,i M_i + sum_t g_t,i^2/H_t,i]/2 (M_i = max_t (x_t,i - x*_i)^2).
 * Derived: g (x_t - x*) = (H_t/2)(D_t^2 - D_t+1^2) + g^2/(2 H_t); summing by parts,
 * sum_t (H_t/2)(D_t^2 - D_t+1^2) &lt;= (H_1 D_1^2 + sum_t&gt;=2 (H_t - H_t-1) D_t^2)/2 &lt;= H_T M/2 when
 * H is non-decreasing (the max guarantees it). This is THEOREMS.md's derived form of Reddi et al.'s
 * Thm 4 with alpha_t = alpha constant and the box width D_i^2 replaced by M_i (no projection).
 * Without a non-decreasing H the summation by parts has negative terms and the bound can fail.
 */
final class DenominatorBound implements RegretCheck.Bound {

    /** Which quantity divides the step. */
    enum Second {
        RAW_V,
        MAX_RAW,
        MAX_RAW_THEN_CORRECTED,
        MAX_CORRECTED
    }

    private final double lr;
    private final double b2;
    private final double eps;
    private final boolean epsInside;
    private final Second second;
    private final double[] v;
    private final double[] vhat;
    private final double[] inverseSum;
    private final double[] h;

    DenominatorBound(int d, double lr, double b2, double eps, boolean epsInside, Second second) {
        this.lr = lr;
        this.b2 = b2;
        this.eps = eps;
        this.epsInside = epsInside;
        this.second = second;
        v = new double[d];
        vhat = new double[d];
        inverseSum = new double[d];
        h = new double[d];
    }

    /**
     * The denominators of this bound as a real-number update (for the exact recheck): the same q_t
     * and den_t in 300-digit decimals, v_0 = 0, a constant lr.
     */
    ExactAdaptive.Update exact() {
        return new ExactAdaptive.Update(
                lr,
                b2,
                eps,
                epsInside,
                false,
                second == Second.MAX_RAW_THEN_CORRECTED || second == Second.MAX_CORRECTED,
                switch (second) {
                    case RAW_V -> ExactAdaptive.Max.NONE;
                    case MAX_RAW, MAX_RAW_THEN_CORRECTED -> ExactAdaptive.Max.RAW;
                    case MAX_CORRECTED -> ExactAdaptive.Max.CORRECTED;
                },
                0,
                false,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    @Override
    public double at(int t, double[] g, double[] sumG2, double[] maxD2, double[] d02) {
        double bc = 1 - Math.pow(b2, t);
        double s = 0;
        for (int j = 0; j < g.length; j++) {
            v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
            double q = switch (second) {
                case RAW_V -> v[j];
                case MAX_RAW -> vhat[j] = Math.max(vhat[j], v[j]);
                case MAX_RAW_THEN_CORRECTED -> (vhat[j] = Math.max(vhat[j], v[j])) / bc;
                case MAX_CORRECTED -> vhat[j] = Math.max(vhat[j], v[j] / bc);
            };
            h[j] = (epsInside ? Math.sqrt(q + eps) : Math.sqrt(q) + eps) / lr;
            if (g[j] != 0) {
                inverseSum[j] += g[j] * g[j] / h[j];
            }
            s += (h[j] * maxD2[j] + inverseSum[j]) / 2;
        }
        return s;
    }
}
