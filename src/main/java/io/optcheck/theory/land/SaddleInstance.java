package io.optcheck.theory.land;

import io.optcheck.problem.Num;
import io.optcheck.problem.StrictSaddle;
import io.optcheck.theory.Described;
import io.optcheck.theory.StepSize;
import java.util.LinkedHashMap;
import java.util.Map;

/** GD on a strict saddle: the function, the start, and the step as a fraction h of 1/L. */
public record SaddleInstance(StrictSaddle f, double[] x0, double h) implements Described {

    /** L on the region |y| &lt;= 2, from the certificate. */
    public double l() {
        return f.certificate().L().orElseThrow();
    }

    /** eta = h / L. */
    public double eta() {
        return StepSize.fractionOf(h, l());
    }

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", f.describe());
        m.put("L on |y| <= 2", l());
        m.put("x0", Num.fmt(x0));
        m.put("eta", eta());
        m.put("eta L", h);
        return m;
    }
}
