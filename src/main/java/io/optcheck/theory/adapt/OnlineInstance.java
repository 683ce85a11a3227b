package io.optcheck.theory.adapt;

import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of the regret theorems: either a gradient sequence g_1..g_T handed to the method
 * whatever its iterate (an online problem with linear losses, adversarial or Reddi's cyclic one)
 * with a comparator x*, or an objective f with its minimizer x* ({@code g} null). {@code lr},
 * {@code b2} (AMSGrad's beta2, RMSProp's rho) and {@code eps} are the method's hyperparameters.
 */
record OnlineInstance(
        double[][] g, Objective f, String family, double[] x0, double[] xStar, double lr, double b2, double eps)
        implements Described {

    int dimension() {
        return x0.length;
    }

    int steps(int objectiveSteps) {
        return g != null ? g.length : objectiveSteps;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", family);
        if (f != null) {
            m.put("f", f.describe());
        } else {
            m.put("T", g.length);
            m.put("g_1", Num.fmt(g[0]));
            if (g.length > 1) {
                m.put("g_2", Num.fmt(g[1]));
            }
        }
        m.put("dimension", x0.length);
        m.put("x0", Num.fmt(x0));
        m.put("x*", Num.fmt(xStar));
        m.put("lr", lr);
        m.put("b2 (rho)", b2);
        m.put("eps", eps);
        return m;
    }
}
