package io.optcheck.theory.sgd.schedules;

import io.optcheck.problem.Num;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of sgd.diminishing-step: a diagonal quadratic (L, mu exact), a start, the
 * schedule of Bottou, Curtis &amp; Nocedal eq. (4.20) eta_k = beta/(gamma + k) (k = 1 for the
 * first step), and Gaussian gradient noise with standard deviation s per coordinate
 * (E||xi||^2 = sigma^2 = d s^2). The method runs it as a = beta, b = gamma + 1, p = 1.
 *
 * @param q the objective, f* = 0 at x* = 0
 * @param x0 the start (x_1 in the source's indexing)
 * @param beta the schedule's numerator
 * @param b gamma + 1, the method's offset
 * @param s noise standard deviation per coordinate (0: exact gradients)
 */
public record DimInstance(Quadratic q, double[] x0, double beta, double b, double s) implements Described {

    public double mu() {
        return q.certificate().mu().orElseThrow();
    }

    public double l() {
        return q.certificate().L().orElseThrow();
    }

    public double gamma() {
        return b - 1;
    }

    /** sigma^2 = E||xi||^2 = d s^2. */
    public double sigmaSq() {
        return q.dimension() * s * s;
    }

    /**
     * nu = max(beta^2 L sigma^2/(2(beta mu - 1)), (gamma + 1)(f(x_1) - f*)). Where beta mu &lt;= 1
     * the first term has no meaning (the source's proof needs beta mu &gt; 1); those regimes run
     * with sigma = 0 and use the second term alone.
     */
    public double nu() {
        double f0 = q.value(x0);
        double init = b * f0;
        double c = beta * mu();
        if (c > 1 && s > 0) {
            return Math.max(beta * beta * l() * sigmaSq() / (2 * (c - 1)), init);
        }
        return init;
    }

    /** The bound at the source's k = t + 1: nu/(gamma + t + 1) = nu/(b + t). */
    public double bound(int t) {
        return nu() / (b + t);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", q.dimension());
        m.put("eigenvalues", Num.fmt(q.eigenvalues()));
        m.put("mu", mu());
        m.put("L", l());
        m.put("x0", Num.fmt(x0));
        m.put("beta", beta);
        m.put("gamma", gamma());
        m.put("beta mu", beta * mu());
        m.put("eta_1 L = beta L/(gamma + 1)", beta / b * l());
        m.put("noise", s == 0 ? "none (sigma = 0)" : "gaussian, s = " + Num.fmt(s) + " per coordinate");
        m.put("sigma^2", sigmaSq());
        m.put("nu", nu());
        m.put("schedule (method)", "eta_t = " + Num.fmt(beta) + "/(t + " + Num.fmt(b) + ")");
        return m;
    }
}
