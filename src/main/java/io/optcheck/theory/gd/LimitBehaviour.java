package io.optcheck.theory.gd;

import io.optcheck.method.Method;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Vectors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run goes in the long run, for counterexample reports: converged to x*, a cycle (with
 * its points), or neither within the horizon. Runs {@value #HORIZON} steps and looks for the
 * smallest period p &lt;= {@value #MAX_PERIOD} with ||x_T-k - x_T-k-p|| &lt;= 1e-9 (1 + ||x_T||)
 * for k &lt; 3p. A report, not a check: the theorem's check is the bound.
 */
record LimitBehaviour(String kind, int period, double[][] points, double distanceFromXStar, int horizon) {

    static final int HORIZON = 3000;
    static final int MAX_PERIOD = 12;

    static <S extends MethodState> LimitBehaviour of(Method<S> method, Objective f, double[] x0, double[] xStar) {
        Trajectory tr = Runner.run(method, new ExactOracle(f), x0, HORIZON);
        int n = tr.steps();
        if (n < HORIZON) {
            return new LimitBehaviour("run ended early: " + tr.ending(), 0, new double[0][], Double.NaN, n);
        }
        double[] last = tr.x(n);
        double dist = Vectors.dist(last, xStar);
        double r0 = Vectors.dist(x0, xStar);
        if (dist <= 1e-12 * (1 + r0)) {
            return new LimitBehaviour("converges to x*", 0, new double[0][], dist, n);
        }
        double tol = 1e-9 * (1 + Vectors.norm(last));
        for (int p = 1; p <= MAX_PERIOD; p++) {
            boolean periodic = true;
            for (int k = 0; k < 3 * p && periodic; k++) {
                periodic = Vectors.dist(tr.x(n - k), tr.x(n - k - p)) <= tol;
            }
            if (periodic) {
                double[][] pts = new double[p][];
                double minDist = Double.POSITIVE_INFINITY;
                for (int k = 0; k < p; k++) {
                    pts[k] = tr.x(n - p + 1 + k);
                    minDist = Math.min(minDist, Vectors.dist(pts[k], xStar));
                }
                return new LimitBehaviour("limit cycle", p, pts, minDist, n);
            }
        }
        return new LimitBehaviour("no limit found", 0, new double[0][], dist, n);
    }

    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit behaviour", kind + " (after " + horizon + " steps)");
        if (period > 0) {
            m.put("cycle period", period);
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < points.length; i++) {
                sb.append(i == 0 ? "" : ", ")
                        .append(points[i].length == 1 ? Num.fmt(points[i][0]) : Num.fmt(points[i]));
            }
            m.put("cycle points", sb.append('}').toString());
            m.put("cycle distance from x*", distanceFromXStar);
        } else if (!Double.isNaN(distanceFromXStar)) {
            m.put("final distance from x*", distanceFromXStar);
        }
        return m;
    }
}
