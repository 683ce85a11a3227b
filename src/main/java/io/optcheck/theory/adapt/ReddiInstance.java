package io.optcheck.theory.adapt;

import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of Reddi, Kale &amp; Kumar's online problem: C &gt; 2, alpha = a sqrt(1 - b2) with
 * the fraction a in (0, 1), b2 = 1/(1 + C^2), and the start x0 in [-1, 1].
 */
public record ReddiInstance(double c, double alphaFraction, double x0) implements Described {

    public double b2() {
        return 1 / (1 + c * c);
    }

    public double alpha() {
        return alphaFraction * Math.sqrt(1 - b2());
    }

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("C", c);
        m.put("b2", b2());
        m.put("alpha / sqrt(1 - b2)", alphaFraction);
        m.put("alpha", alpha());
        m.put("x0", x0);
        return m;
    }
}
