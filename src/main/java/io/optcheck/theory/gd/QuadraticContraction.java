package io.optcheck.theory.gd;

import io.optcheck.method.Method;
import io.optcheck.method.exact.ExactGd;
import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * The one check behind every "GD on a quadratic is stable" statement (gd.quadratic-stability and
 * gd.edge-of-stability): on f = 1/2 x^T H x - b^T x the error e_t = x_t - x* satisfies
 * e_t = (I - eta H) e_t-1, so ||e_t|| &lt;= max_i |1 - eta lambda_i| ||e_t-1||, and the factor
 * is below 1 iff 0 &lt; eta lambda_max(H) &lt; 2.
 *
 * <p>Checked one step at a time: that implies the t-step bound by induction, and unlike the
 * t-step form it does not let rounding accumulate over a run into a false violation.
 */
final class QuadraticContraction {

    private QuadraticContraction() {}

    /** max_i |1 - eta lambda_i|: the contraction factor of one GD step on the eigenvalues given. */
    static double factor(double eta, double[] lambda) {
        double qmax = 0;
        for (double li : lambda) {
            qmax = Math.max(qmax, Math.abs(1 - eta * li));
        }
        return qmax;
    }

    /**
     * The sharpness lambda_max(hess f) of a quadratic, computed by the checker from the Hessian
     * (not from a certificate): exactly the largest diagonal entry when H is diagonal, else
     * Hipparchus {@link EigenDecompositionSymmetric} (rounded).
     */
    static double sharpness(Quadratic q) {
        double[][] h = q.hessian(new double[q.dimension()]);
        boolean diagonal = true;
        double maxDiag = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < h.length; i++) {
            maxDiag = Math.max(maxDiag, h[i][i]);
            for (int j = 0; j < h.length; j++) {
                if (i != j && h[i][j] != 0) {
                    diagonal = false;
                }
            }
        }
        if (diagonal) {
            return maxDiag;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double e : new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(h)).getEigenvalues()) {
            m = Math.max(m, e);
        }
        return m;
    }

    /**
     * Runs {@code method} (GD with step {@code eta}) from {@code x0} for {@code steps} steps and checks
     * ||x_t - x*|| &lt;= rate ||x_t-1 - x*|| at every step, with x* from the certificate.
     *
     * @param exactRate the same rate in 300-digit arithmetic, for the recheck of a marginal step
     * @param extra adds per-step series (e.g. eta times the sharpness), may be null
     */
    static Evaluation run(
            Method<?> method,
            Quadratic q,
            double[] x0,
            double eta,
            double rate,
            Supplier<BigDecimal> exactRate,
            int steps,
            BiConsumer<double[], TrajectoryCheck.Series> extra) {
        int d = q.dimension();
        double[] xStar = q.certificate().xStar().orElseThrow();
        return TrajectoryCheck.run(method, q, x0, steps, (t, prev, cur, series) -> {
            double e0 = Vectors.dist(prev, xStar);
            double e1 = Vectors.dist(cur, xStar);
            double bound = rate * e0;
            // The iterate combines x_t-1 and eta grad f(x_t-1), so their size enters the scale.
            double scale = e1 + bound + Vectors.norm(prev) + eta * Vectors.norm(q.gradient(prev));
            series.point("||x_t - x*||", e1);
            series.point("bound", bound);
            if (extra != null) {
                extra.accept(cur, series);
            }
            return Check.atMost("||x_t - x*||", t, e1, bound, Tolerance.of(scale, d))
                    .withExact(ExactGd.STEP, () -> realStepContracts(q, prev, eta, xStar, exactRate.get()));
        });
    }

    /** The real-number GD step from {@code prev}: ||x+ - x*||^2 &lt;= rate^2 ||prev - x*||^2, exactly. */
    static boolean realStepContracts(Quadratic q, double[] prev, double eta, double[] xStar, BigDecimal rate) {
        BigDecimal[] x = HighPrecision.big(prev);
        BigDecimal[] next = HighPrecision.axpy(x, new BigDecimal(eta), ExactQuadratic.gradient(q, x));
        BigDecimal[] xs = HighPrecision.big(xStar);
        BigDecimal bound = rate.multiply(rate).multiply(HighPrecision.distSq(x, xs), HighPrecision.MC);
        return HighPrecision.holds(true, HighPrecision.distSq(next, xs), bound);
    }

    /** max_i |1 - eta lambda_i| in decimal arithmetic (exact for the stored doubles). */
    static BigDecimal exactFactor(double eta, double[] lambda) {
        BigDecimal e = new BigDecimal(eta);
        BigDecimal m = BigDecimal.ZERO;
        for (double li : lambda) {
            m = m.max(BigDecimal.ONE.subtract(e.multiply(new BigDecimal(li))).abs());
        }
        return m;
    }
}
