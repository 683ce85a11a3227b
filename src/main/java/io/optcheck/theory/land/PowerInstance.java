package io.optcheck.theory.land;

import io.optcheck.problem.Num;
import io.optcheck.problem.PowerObjective;
import io.optcheck.theory.Described;
import io.optcheck.theory.StepSize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GD on |x|^p + (mu/2) x^2: the objective (L certified on |x| &lt;= |x0|), the start, the step as
 * a fraction h of 1/L, and the strong-convexity constant the linear-rate bound is given
 * ({@code muClaimed}; equal to the objective's mu except where strong convexity is dropped).
 */
public record PowerInstance(PowerObjective f, double x0, double h, double muClaimed) implements Described {

    public double l() {
        return f.certificate().L().orElseThrow();
    }

    public double eta() {
        return StepSize.fractionOf(h, l());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", f.describe());
        m.put("p", f.p());
        m.put("x0", x0);
        m.put("L on |x| <= |x0|", l());
        m.put("eta", eta());
        m.put("eta L", h);
        if (muClaimed != f.mu() || muClaimed > 0) {
            m.put("mu used by the bound", Num.fmt(muClaimed));
        }
        return m;
    }
}
