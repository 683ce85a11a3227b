package io.optcheck.theory.gd;

import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.FieldFormula;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Property;
import io.optcheck.theory.Check;
import io.optcheck.theory.Tolerance;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.dfp.Dfp;

/** Helpers shared by the line-search theorems: rounding scales, vectors, labels. */
final class LineSearchChecks {

    private LineSearchChecks() {}

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
        double gn = Vectors.norm(g);
        if (gn < Wolfe.FLOOR) {
            return stationary(t);
        }
        double[] delta = Vectors.minus(cur, prev);
        double dn = Vectors.norm(delta);
        double xn = Vectors.norm(prev);
        double cn = Vectors.norm(cur);
        double slope0 = Math.abs(Vectors.dot(g, delta)); // a |phi'(0)|
        double[] g1 = f.gradient(cur);
        double slope1 = Math.abs(Vectors.dot(g1, delta)); // a |phi'(a)|
        double aBound = c1 * slope0 * (1 + tighten);
        double aScale =
                f.valueScale(prev) + f.valueScale(cur) + aBound + Vectors.norm(g1) * (xn + dn) + c1 * gn * (xn + cn);
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
        if (f instanceof Quadratic q) {
            armijo = armijo.withExact(AT_STEP, () -> exactWolfe(q, prev, cur, c1, c2, tighten, true));
            curvature = curvature.withExact(AT_STEP, () -> exactWolfe(q, prev, cur, c1, c2, tighten, false));
        } else if (f instanceof FieldFormula.Source src) {
            FieldFormula ff = src.fieldFormula();
            armijo = armijo.withExact(AT_STEP_DFP, () -> dfpWolfe(ff, prev, cur, c1, c2, tighten, true));
            curvature = curvature.withExact(AT_STEP_DFP, () -> dfpWolfe(ff, prev, cur, c1, c2, tighten, false));
        }
        return worstOf(armijo, curvature);
    }

    /** How the line-search rechecks evaluate, for the report. */
    static final String AT_STEP = HighPrecision.DECIMAL
            + " at the recorded x_t-1 and x_t (the conditions are about the step the search accepted)";

    /** How the line-search rechecks of a non-quadratic objective evaluate, for the report. */
    static final String AT_STEP_DFP = HighPrecision.DFP_DESCRIPTION
            + " at the recorded x_t-1 and x_t (the conditions are about the step the search accepted)";

    /** One strong Wolfe condition at the recorded step, in Dfp (an objective's field formula). */
    static boolean dfpWolfe(
            FieldFormula f, double[] prev, double[] cur, double c1, double c2, double tighten, boolean sufficient) {
        Dfp[] x = HighPrecision.dfp(prev);
        Dfp[] y = HighPrecision.dfp(cur);
        Dfp[] delta = new Dfp[x.length];
        for (int i = 0; i < x.length; i++) {
            delta[i] = y[i].subtract(x[i]);
        }
        Dfp slope0 = HighPrecision.dot(HighPrecision.gradient(f, x), delta).abs();
        Dfp eps = HighPrecision.dfp(tighten);
        if (sufficient) {
            Dfp drop = HighPrecision.value(f, x).subtract(HighPrecision.value(f, y));
            return !drop.lessThan(HighPrecision.dfp(c1).multiply(slope0).multiply(eps.add(1)));
        }
        Dfp slope1 = HighPrecision.dot(HighPrecision.gradient(f, y), delta).abs();
        Dfp one = HighPrecision.DFP.getOne();
        return !slope1.greaterThan(HighPrecision.dfp(c2).multiply(slope0).multiply(one.subtract(eps)));
    }

    /** One strong Wolfe condition at the recorded step, exactly (a quadratic's value and gradient). */
    static boolean exactWolfe(
            Quadratic q, double[] prev, double[] cur, double c1, double c2, double tighten, boolean sufficient) {
        BigDecimal[] x = HighPrecision.big(prev);
        BigDecimal[] y = HighPrecision.big(cur);
        BigDecimal[] delta = HighPrecision.axpy(y, BigDecimal.ONE, x);
        BigDecimal slope0 =
                HighPrecision.dot(ExactQuadratic.gradient(q, x), delta).abs();
        BigDecimal eps = new BigDecimal(tighten);
        if (sufficient) {
            BigDecimal drop = ExactQuadratic.value(q, x).subtract(ExactQuadratic.value(q, y));
            return drop.compareTo(new BigDecimal(c1).multiply(slope0).multiply(BigDecimal.ONE.add(eps))) >= 0;
        }
        BigDecimal slope1 =
                HighPrecision.dot(ExactQuadratic.gradient(q, y), delta).abs();
        return slope1.compareTo(new BigDecimal(c2).multiply(slope0).multiply(BigDecimal.ONE.subtract(eps))) <= 0;
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
