package io.optcheck.method.exact;

import io.optcheck.problem.HighPrecision;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The real-number reference updates of the Adam-type kinds with b1 = 0 (Adam, AMSGrad, RMSProp),
 * in 300-digit decimals ({@link HighPrecision}), for the higher-precision recheck of the adaptive
 * theorems (THEOREMS.md, Numerics, "Recheck"): the theorems are statements about the real-number
 * algorithm, so a marginal check is re-evaluated on the real-number trajectory from the same start,
 * with the same hyperparameters (their double values, exactly) and the same gradients.
 *
 * <p>With b1 = 0 the first moment is the gradient (m_t = g_t, and 1 - b1^t = 1), so per coordinate
 * v_t = b2 v_t-1 + (1 - b2) g_t^2 from v_0, then the quantity under the root: v_t (Adam, RMSProp),
 * max(vhat, v_t) (AMSGrad over the raw v) or max(vhat, v_t/(1 - b2^t)) (over the corrected v),
 * divided by 1 - b2^t where bias correction applies after the max; the denominator sqrt(q) + eps
 * or sqrt(q + eps); the step lr_t g_t / den_t with lr_t = lr or lr/sqrt(t), a zero g_t no move,
 * and the projection onto [lo, hi]. The reordered form ({@code eps = eps-hat}, Kingma &amp; Ba
 * Sec. 2) divides by sqrt(q) + eps with q the raw v (or its max) and lr_t = lr sqrt(1 - b2^t).
 * Each quantity is rounded to 300 digits; sums and products of doubles are exact there.
 */
public final class ExactAdaptive {

    private ExactAdaptive() {}

    /** How the quantity under the root is formed from v_t. */
    public enum Max {
        /** v_t itself (Adam, RMSProp). */
        NONE,
        /** max(vhat, v_t), the raw v (Reddi et al. Alg. 2; PyTorch's amsgrad = True). */
        RAW,
        /** max(vhat, v_t/(1 - b2^t)), the corrected v. */
        CORRECTED
    }

    /**
     * The declared conventions of one reference update, with its hyperparameters.
     *
     * @param epsHat the reordered form: eps added to sqrt of the uncorrected q, lr_t = lr sqrt(1 - b2^t)
     */
    public record Update(
            double lr,
            double b2,
            double eps,
            boolean epsInside,
            boolean epsHat,
            boolean biasCorrection,
            Max max,
            double v0,
            boolean inverseSqrtSchedule,
            double lo,
            double hi) {

        /** RMSProp (Tieleman &amp; Hinton): rho as b2, eps outside the root, no bias correction, v_0. */
        public static Update rmsProp(double lr, double rho, double eps, double v0) {
            return new Update(
                    lr,
                    rho,
                    eps,
                    false,
                    false,
                    false,
                    Max.NONE,
                    v0,
                    false,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }

        /**
         * RMSProp under resolved conventions ({@code initial-accumulator}: 0, eps or a number), as
         * {@code MethodProviders} builds it.
         */
        public static Update rmsProp(double lr, double rho, double eps, Map<String, String> conv) {
            String a = conv.getOrDefault("initial-accumulator", "0");
            return rmsProp(lr, rho, eps, a.equals("eps") ? eps : Double.parseDouble(a));
        }

        /**
         * AMSGrad with b1 = 0, a constant lr and no projection, under resolved conventions
         * ({@code eps}, {@code bias-correction}, {@code max-over}), as {@code MethodProviders} builds it.
         */
        public static Update amsGrad(double lr, double b2, double eps, Map<String, String> conv) {
            boolean hat = "eps-hat".equals(conv.get("eps"));
            return new Update(
                    lr,
                    b2,
                    eps,
                    "inside-sqrt".equals(conv.get("eps")),
                    hat,
                    !"off".equals(conv.get("bias-correction")),
                    "corrected".equals(conv.get("max-over")) ? Max.CORRECTED : Max.RAW,
                    0,
                    false,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }
    }

    /** The moments of one run, per coordinate; {@link #step} advances them by one gradient. */
    public static final class Run {
        private final Update u;
        private final BigDecimal b2;
        private final BigDecimal oneMinusB2;
        private final BigDecimal eps;
        private final BigDecimal lr;
        private final BigDecimal[] v;
        private final BigDecimal[] vhat;
        private final BigDecimal[] den;
        private BigDecimal b2PowT = BigDecimal.ONE;
        private int t;

        public Run(Update u, int d) {
            this.u = u;
            b2 = HighPrecision.big(u.b2());
            oneMinusB2 = BigDecimal.ONE.subtract(b2);
            eps = HighPrecision.big(u.eps());
            lr = HighPrecision.big(u.lr());
            v = new BigDecimal[d];
            vhat = new BigDecimal[d];
            den = new BigDecimal[d];
            for (int i = 0; i < d; i++) {
                v[i] = HighPrecision.big(u.v0());
                vhat[i] = BigDecimal.ZERO;
            }
        }

        /** The step count so far. */
        int t() {
            return t;
        }

        /** v_t of coordinate i after the last step (v_0 before the first). */
        public BigDecimal v(int i) {
            return v[i];
        }

        /** The denominator of coordinate i in the last step. */
        public BigDecimal den(int i) {
            return den[i];
        }

        /** The learning rate of the last step. */
        BigDecimal lrT() {
            BigDecimal l = u.inverseSqrtSchedule()
                    ? lr.divide(HighPrecision.sqrt(BigDecimal.valueOf(t)), HighPrecision.MC)
                    : lr;
            if (u.epsHat()) {
                l = l.multiply(HighPrecision.sqrt(BigDecimal.ONE.subtract(b2PowT)), HighPrecision.MC);
            }
            return l;
        }

        /** Advances the moments by the gradient g_t: v_t, vhat_t and den_t of every coordinate. */
        public void advance(BigDecimal[] g) {
            t++;
            b2PowT = b2PowT.multiply(b2, HighPrecision.MC);
            BigDecimal bc = u.biasCorrection() ? BigDecimal.ONE.subtract(b2PowT) : BigDecimal.ONE;
            for (int i = 0; i < g.length; i++) {
                v[i] = b2.multiply(v[i], HighPrecision.MC)
                        .add(oneMinusB2.multiply(g[i].multiply(g[i]), HighPrecision.MC), HighPrecision.MC);
                BigDecimal q;
                if (u.epsHat()) {
                    q = u.max() == Max.NONE ? v[i] : (vhat[i] = vhat[i].max(v[i]));
                    den[i] = HighPrecision.sqrt(q).add(eps);
                } else {
                    q = switch (u.max()) {
                        case NONE -> v[i].divide(bc, HighPrecision.MC);
                        case RAW -> (vhat[i] = vhat[i].max(v[i])).divide(bc, HighPrecision.MC);
                        case CORRECTED -> vhat[i] = vhat[i].max(v[i].divide(bc, HighPrecision.MC));
                    };
                    den[i] = u.epsInside()
                            ? HighPrecision.sqrt(q.add(eps))
                            : HighPrecision.sqrt(q).add(eps);
                }
            }
        }

        /** Advances the moments by g_t ({@link #advance}); returns x_t = Pi(x_t-1 - lr_t g_t/den_t). */
        public BigDecimal[] step(BigDecimal[] x, BigDecimal[] g) {
            advance(g);
            BigDecimal lrT = lrT();
            BigDecimal lo = Double.isInfinite(u.lo()) ? null : HighPrecision.big(u.lo());
            BigDecimal hi = Double.isInfinite(u.hi()) ? null : HighPrecision.big(u.hi());
            BigDecimal[] next = new BigDecimal[x.length];
            for (int i = 0; i < x.length; i++) {
                BigDecimal xi = g[i].signum() == 0
                        ? x[i]
                        : x[i].subtract(lrT.multiply(g[i]).divide(den[i], HighPrecision.MC), HighPrecision.MC);
                if (lo != null && xi.compareTo(lo) < 0) {
                    xi = lo;
                }
                if (hi != null && xi.compareTo(hi) > 0) {
                    xi = hi;
                }
                next[i] = xi;
            }
            return next;
        }
    }
}
