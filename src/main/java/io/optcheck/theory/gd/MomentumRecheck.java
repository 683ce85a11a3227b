package io.optcheck.theory.gd;

import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Quadratic;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * High-precision rechecks of momentum bounds on quadratics. A marginal violation (within a few
 * million tolerances) of a bound that is an equality in exact arithmetic is re-run from the same
 * instance (the exact doubles of H and x0) in 300-digit decimal arithmetic, with the method's
 * parameters computed to 300 digits from L and mu as the theorem defines them, and the bound
 * checked at the same step. Rounding of the parameters and of the run is then 1e-300 relative,
 * far below any violation that means something.
 */
final class MomentumRecheck {

    private MomentumRecheck() {}

    static final MathContext MC = HighPrecision.MC;

    /** How the recheck evaluates, for the report. */
    static final String PRECISION = HighPrecision.DECIMAL + " on the real-number trajectory of the theorem's tuning";

    /**
     * ||x_t - x*|| &lt;= (1 + (1 + rho) t) rho^t R (1 - tighten) for heavy ball with the quadratic
     * tuning.
     */
    static boolean heavyBallQuadraticHolds(
            Quadratic q, double[] x0, double[] xStar, double l, double mu, int steps, double tighten) {
        return new HeavyBallQuadraticRun(q, x0, xStar, l, mu).holdsAt(steps, tighten);
    }

    /**
     * The 300-digit heavy-ball run of {@link #heavyBallQuadraticHolds} kept across the steps of one
     * trajectory check: a recheck at step t continues from the last step it reached instead of
     * re-running from x0 (a tight start is marginal at every step, so re-running made a try's
     * rechecks quadratic in the steps). The iterates are the same numbers either way (the same
     * operations in the same order and MathContext); an earlier step restarts from x0. Not
     * thread-safe: one per trajectory check.
     */
    static final class HeavyBallQuadraticRun {
        private final double[][] h;
        private final double[] qb;
        private final double[] x0;
        private final double[] xStar;
        private final BigDecimal rho;
        private final BigDecimal a;
        private final BigDecimal b;
        private BigDecimal[] x;
        private BigDecimal[] xp;
        private int t;

        HeavyBallQuadraticRun(Quadratic q, double[] x0, double[] xStar, double l, double mu) {
            BigDecimal sl = new BigDecimal(l).sqrt(MC);
            BigDecimal sm = new BigDecimal(mu).sqrt(MC);
            BigDecimal sum = sl.add(sm);
            this.rho = sl.subtract(sm).divide(sum, MC);
            this.a = BigDecimal.valueOf(4).divide(sum.multiply(sum), MC);
            this.b = rho.multiply(rho, MC);
            this.h = q.h();
            this.qb = q.b();
            this.x0 = x0.clone();
            this.xStar = xStar.clone();
            restart();
        }

        private void restart() {
            x = HighPrecision.big(x0);
            xp = HighPrecision.big(x0);
            t = 0;
        }

        /** The bound at step {@code steps} (at least 0), tightened by {@code tighten}, on the exact run. */
        boolean holdsAt(int steps, double tighten) {
            if (steps < t) {
                restart();
            }
            int d = x0.length;
            for (; t < steps; t++) {
                BigDecimal[] next = new BigDecimal[d];
                for (int i = 0; i < d; i++) {
                    BigDecimal g = new BigDecimal(qb[i]).negate();
                    for (int j = 0; j < d; j++) {
                        if (h[i][j] != 0) {
                            g = g.add(new BigDecimal(h[i][j]).multiply(x[j]), MC);
                        }
                    }
                    next[i] = x[i].subtract(a.multiply(g, MC), MC).add(b.multiply(x[i].subtract(xp[i]), MC), MC);
                }
                xp = x;
                x = next;
            }
            BigDecimal e2 = BigDecimal.ZERO;
            BigDecimal r2 = BigDecimal.ZERO;
            for (int i = 0; i < d; i++) {
                BigDecimal e = x[i].subtract(new BigDecimal(xStar[i]));
                e2 = e2.add(e.multiply(e), MC);
                BigDecimal r = new BigDecimal(x0[i]).subtract(new BigDecimal(xStar[i]));
                r2 = r2.add(r.multiply(r), MC);
            }
            BigDecimal factor = BigDecimal.ONE
                    .add(BigDecimal.ONE.add(rho).multiply(BigDecimal.valueOf(steps)))
                    .multiply(rho.pow(steps, MC), MC)
                    .multiply(BigDecimal.ONE.subtract(new BigDecimal(tighten)), MC);
            BigDecimal bound2 = factor.multiply(factor, MC).multiply(r2, MC);
            // 300-digit rounding over at most 100 d^2 operations: allow 1e-250 R^2, far below any real excess.
            return e2.compareTo(bound2.add(r2.multiply(HighPrecision.SLACK), MC)) <= 0;
        }
    }
}
