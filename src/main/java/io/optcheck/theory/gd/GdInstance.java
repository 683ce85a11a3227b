package io.optcheck.theory.gd;

import io.optcheck.problem.Num;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Described;
import io.optcheck.theory.StepSize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient descent on a quadratic: the problem, the start, the step as a fraction h of 1/L,
 * and the factor by which the L given to the method differs from the true one (1 when L is
 * stated correctly, below 1 when it is understated).
 */
public record GdInstance(Quadratic q, double[] x0, double h, double lScale) implements Described {

    /** The true L = lambda_max(H), from the certificate. */
    public double trueL() {
        return q.certificate().L().orElseThrow();
    }

    /** The L the method is given. */
    public double usedL() {
        return trueL() * lScale;
    }

    /** eta = h / L_used, with eta L_used &lt;= h exactly ({@link io.optcheck.theory.StepSize}). */
    public double eta() {
        return StepSize.fractionOf(h, usedL());
    }

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", q.dimension());
        m.put("objective", q.describe());
        m.put("eigenvalues", Num.fmt(q.eigenvalues()));
        m.put("L", trueL());
        if (lScale != 1) {
            m.put("L used by the method", usedL());
        }
        m.put("x0", Num.fmt(x0));
        m.put("eta", eta());
        m.put("eta L", eta() * trueL());
        return m;
    }
}
