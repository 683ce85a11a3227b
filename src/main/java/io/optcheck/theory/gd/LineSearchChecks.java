package io.optcheck.theory.gd;

import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Property;
import io.optcheck.theory.Check;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.Vec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the line-search theorems: rounding scales, vectors, labels. */
final class LineSearchChecks {

    private LineSearchChecks() {}

    static double[] along(double[] x, double a, double[] p) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + a * p[i];
        }
        return y;
    }

    static double[] neg(double[] g) {
        double[] p = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            p[i] = -g[i];
        }
        return p;
    }

    static boolean zero(double[] v) {
        for (double c : v) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /** A held check with no ratio, for a step at an exactly stationary point. */
    static Check stationary(int t) {
        return Check.atMost("grad f = 0 exactly: nothing to check", t, 0, 0, 0);
    }

    /** The first violated check, else the one with the largest defined ratio, else the first. */
    static Check worstOf(Check... cs) {
        Check best = null;
        for (Check c : cs) {
            if (c == null) {
                continue;
            }
            if (!c.ok()) {
                return c;
            }
            double r = c.ratio();
            if (best == null || (!Double.isNaN(r) && (Double.isNaN(best.ratio()) || r > best.ratio()))) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Strong Wolfe at the step from prev to cur along p = (cur - prev)/a, read from the iterates
     * and recomputed by the checker: sufficient decrease f(prev) - f(cur) &gt;= c1 a |phi'(0)| and
     * curvature a |phi'(a)| &lt;= c2 a |phi'(0)|, with the bounds tightened by {@code tighten}
     * (teeth); the worse of the two. Held with no ratio at a stationary point (||g|| &lt; 2^-500).
     */
    static Check strongWolfe(
            Objective f, double l, double[] prev, double[] cur, double c1, double c2, double tighten, int t) {
        int d = f.dimension();
        double[] g = f.gradient(prev);
        double gn = Vec.norm(g);
        if (gn < Wolfe.FLOOR) {
            return stationary(t);
        }
        double[] delta = Vec.minus(cur, prev);
        double dn = Vec.norm(delta);
        double xn = Vec.norm(prev);
        double cn = Vec.norm(cur);
        double slope0 = Math.abs(Vec.dot(g, delta)); // a |phi'(0)|
        double[] g1 = f.gradient(cur);
        double slope1 = Math.abs(Vec.dot(g1, delta)); // a |phi'(a)|
        double aBound = c1 * slope0 * (1 + tighten);
        double aScale =
                f.valueScale(prev) + f.valueScale(cur) + aBound + Vec.norm(g1) * (xn + dn) + c1 * gn * (xn + cn);
        Check armijo = Check.atLeast(
                "sufficient decrease f(x) - f(x+) vs c1 a |phi'(0)|",
                t,
                f.value(prev) - f.value(cur),
                aBound,
                tol(aScale, d));
        double cBound = c2 * slope0 * (1 - tighten);
        double cScale = slope1 + cBound + dn * (f.gradientScale(cur) + l * (xn + cn)) + c2 * gn * (xn + cn);
        Check curvature =
                Check.atMost("curvature |phi'(a)| vs c2 |phi'(0)| (times a)", t, slope1, cBound, tol(cScale, d));
        return worstOf(armijo, curvature);
    }

    /** Tolerance shorthand. */
    static double tol(double scale, int d) {
        return Tolerance.of(scale, d);
    }

    /** Labels for a quadratic: dimension and conditioning (by |eigenvalue|). */
    static List<String> quadraticLabels(Quadratic q) {
        List<String> l = QuadraticLabels.sized(q.dimension());
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double e : q.eigenvalues()) {
            max = Math.max(max, Math.abs(e));
            min = Math.min(min, Math.abs(e));
        }
        if (min > 0 && max / min >= 1e3) {
            l.add(QuadraticLabels.KAPPA_GE_1E3);
        }
        if (!q.isDiagonal()) {
            l.add(QuadraticLabels.ROTATED);
        }
        return l;
    }

    static final List<Property.Coverage> COVERAGE = QuadraticLabels.COVERAGE;

    /** The fields every line-search instance shows first: dimension, objective, L and x0. */
    static Map<String, Object> describe(Objective f, double l, double[] x0) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", f.dimension());
        m.put("objective", f.describe());
        m.put("L", l);
        m.put("x0", Num.fmt(x0));
        return m;
    }
}
