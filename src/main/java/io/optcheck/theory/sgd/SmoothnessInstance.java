package io.optcheck.theory.sgd;

import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.Num;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of sgd.expected-smoothness: a finite sum of diagonal quadratics, a start, and the
 * step gamma = frac/(2 L_max) with L_max = max_i L_i (exact).
 */
record SmoothnessInstance(DiagonalQuadraticSum f, double[] x0, double frac) implements Described {

    double lMax() {
        double m = 0;
        for (int i = 0; i < f.n(); i++) {
            m = Math.max(m, f.componentL(i));
        }
        return m;
    }

    double gamma() {
        return frac / (2 * lMax());
    }

    double mu() {
        return f.averageMuLowerBound();
    }

    boolean componentsConvex() {
        for (int i = 0; i < f.n(); i++) {
            if (f.componentMu(i) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f", f.describe());
        m.put("n", f.n());
        m.put("dimension", x0.length);
        m.put("x0", Num.fmt(x0));
        m.put("x*", Num.fmt(f.minimizer()));
        m.put("L_max", lMax());
        m.put("mu", mu());
        m.put("gamma L_max", frac / 2);
        m.put("gamma", gamma());
        return m;
    }
}
