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
        BigDecimal sl = new BigDecimal(l).sqrt(MC);
        BigDecimal sm = new BigDecimal(mu).sqrt(MC);
        BigDecimal sum = sl.add(sm);
        BigDecimal rho = sl.subtract(sm).divide(sum, MC);
        BigDecimal a = BigDecimal.valueOf(4).divide(sum.multiply(sum), MC);
        BigDecimal b = rho.multiply(rho, MC);
        int d = x0.length;
        double[][] h = q.h();
        double[] qb = q.b();
        BigDecimal[] x = HighPrecision.big(x0);
        BigDecimal[] xp = HighPrecision.big(x0);
        for (int t = 1; t <= steps; t++) {
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
