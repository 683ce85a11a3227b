package io.optcheck.theory.sgd.schedules;

import io.optcheck.problem.Num;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of sgd.robbins-monro: a diagonal quadratic (L, mu exact, x* = 0), a start, the
 * schedule eta_t = a/(t + b)^p (p = 0: constant), and bounded noise uniform on [-s, s] per
 * coordinate (E||xi||^2 = sigma^2 = d s^2/3 exactly, ||xi|| &lt;= s sqrt(d) always).
 */
public record RmInstance(Quadratic q, double[] x0, double a, double b, double p, double s) implements Described {

    public double mu() {
        return q.certificate().mu().orElseThrow();
    }

    public double l() {
        return q.certificate().L().orElseThrow();
    }

    public int d() {
        return q.dimension();
    }

    /** sigma^2 = E||xi||^2 = d s^2/3. */
    public double sigmaSq() {
        return d() * s * s / 3;
    }

    /** eta_t = a/(t + b)^p, computed by the checker (the same formula as the schedule). */
    public double eta(int t) {
        return p == 0 ? a : a / StrictMath.pow(t + b, p);
    }

    /** R = ||x0 - x*||. */
    public double r0() {
        double s2 = 0;
        for (double v : x0) {
            s2 += v * v;
        }
        return Math.sqrt(s2);
    }

    /**
     * M = max(R, s sqrt(d)/mu): every iterate stays in the ball ||x_t - x*|| &lt;= M, pathwise, when
     * eta_t &lt;= 2/(mu + L) (||x_t+1 - x*|| &lt;= (1 - eta mu)||x_t - x*|| + eta s sqrt(d)).
     */
    public double radius() {
        return Math.max(r0(), s * Math.sqrt(d()) / mu());
    }

    /** G = L M + s sqrt(d): a bound on every stochastic gradient along every run. */
    public double gradientBound() {
        return l() * radius() + s * Math.sqrt(d());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", d());
        m.put("eigenvalues", Num.fmt(q.eigenvalues()));
        m.put("mu", mu());
        m.put("L", l());
        m.put("x0", Num.fmt(x0));
        m.put(
                "schedule",
                p == 0
                        ? "constant eta = " + Num.fmt(a)
                        : "eta_t = " + Num.fmt(a) + "/(t + " + Num.fmt(b) + ")^" + Num.fmt(p));
        m.put("p", p);
        m.put("eta_0 (mu + L)/2", eta(0) * (mu() + l()) / 2);
        m.put("noise", s == 0 ? "none" : "uniform on [-s, s] per coordinate, s = " + Num.fmt(s));
        m.put("sigma^2", sigmaSq());
        return m;
    }
}
