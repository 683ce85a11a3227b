package io.optcheck.theory.adapt;

import io.optcheck.method.AdaptiveOptions;
import io.optcheck.problem.Num;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam on a quadratic: the problem, the start, lr, the betas, eps and the (decoupled, lr-scaled)
 * weight decay wd.
 */
public record AdamInstance(Quadratic q, double[] x0, double lr, double b1, double b2, double eps, double wd)
        implements Described {

    /** The declared conventions of the run: eps outside the sqrt, bias correction, decoupled lr * wd. */
    public AdaptiveOptions options() {
        return AdaptiveOptions.defaults().withBetas(b1, b2).withEps(eps, false).withWeightDecay(wd, true, true);
    }

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", q.dimension());
        m.put("objective", q.describe());
        m.put("x0", Num.fmt(x0));
        m.put("lr", lr);
        m.put("b1", b1);
        m.put("b2", b2);
        m.put("eps", eps);
        m.put("wd", wd);
        m.put("conventions", options().describe());
        return m;
    }
}
