package io.optcheck.theory.adapt;

import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.Num;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of adapt.signsgd-rate: a finite sum f = (1/n) sum_i f_i of diagonal quadratics
 * with positive curvatures (so f is coordinatewise smooth with L_j = (1/n) sum_i h_ij exactly in
 * exact arithmetic), a start x0 and the step delta = r ||x0 - x*||_inf.
 */
record SignInstance(DiagonalQuadraticSum f, double[] x0, double r) implements Described {

    double[] xStar() {
        return f.minimizer();
    }

    double delta() {
        double[] xs = xStar();
        double m = 0;
        for (int j = 0; j < x0.length; j++) {
            m = Math.max(m, Math.abs(x0[j] - xs[j]));
        }
        return r * m;
    }

    /** ||L||_1 with L_j the average curvature. */
    double l1() {
        double s = 0;
        for (int j = 0; j < x0.length; j++) {
            s += f.averageCurvature(j);
        }
        return s;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f", f.describe());
        m.put("n", f.n());
        m.put("dimension", x0.length);
        m.put("x0", Num.fmt(x0));
        m.put("x*", Num.fmt(xStar()));
        m.put("delta / ||x0 - x*||_inf", r);
        m.put("delta", delta());
        m.put("||L||_1", l1());
        return m;
    }
}
