package io.optcheck.theory.adapt;

import io.optcheck.problem.Num;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rescaled-gradient run: the problem, the start, the positive factor vector d, the method
 * ("adam", "signsgd" or "gd"), lr (for gd: eta = lr / L), the betas and eps.
 */
public record ScaleInstance(
        Quadratic q, double[] x0, double[] d, String method, double lr, double b1, double b2, double eps)
        implements Described {

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", q.dimension());
        m.put("objective", q.describe());
        m.put("x0", Num.fmt(x0));
        m.put("d", Num.fmt(d));
        m.put("method", method);
        m.put(method.equals("gd") ? "eta L" : "lr", lr);
        if (method.equals("adam")) {
            m.put("b1", b1);
            m.put("b2", b2);
            m.put("eps", eps);
        }
        return m;
    }
}
