package io.optcheck.theory.sgd;

import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.Num;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Described;
import io.optcheck.theory.StepSize;
import io.optcheck.theory.stat.Seeds;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of sgd.constant-step-strongly-convex: a diagonal quadratic (so L = max lambda and
 * mu = min lambda exactly, x* = 0, f* = 0), a start, eta = h/L, and gradient noise of scale s per
 * coordinate: Gaussian (nu = 0) or Student-t with nu degrees of freedom.
 *
 * @param q the objective
 * @param x0 the start
 * @param h eta L
 * @param s the noise scale per coordinate
 * @param nu 0 for Gaussian noise, else the Student-t degrees of freedom
 */
public record ConstantStepInstance(Quadratic q, double[] x0, double h, double s, int nu) implements Described {

    public int d() {
        return q.dimension();
    }

    public double l() {
        return Arrays.stream(q.eigenvalues()).max().orElseThrow();
    }

    public double mu() {
        return Arrays.stream(q.eigenvalues()).min().orElseThrow();
    }

    /** eta = h/L, rounded so that eta L &lt;= h exactly. */
    public double eta() {
        return StepSize.fractionOf(h, l());
    }

    /**
     * The sigma^2 plugged into the bound: d s^2, which is E||xi||^2 for Gaussian noise. For
     * Student-t noise of the same nominal scale s the true E||xi||^2 is infinite (nu = 2); the
     * bound still uses d s^2, the value a user who assumed Gaussian noise of scale s would plug in.
     */
    public double sigma2() {
        return d() * s * s;
    }

    public NoisyOracle.Noise noise() {
        return nu == 0 ? NoisyOracle.gaussian(s) : NoisyOracle.studentT(nu, s);
    }

    /** The seed key of this instance (its defining numbers). */
    public long key() {
        long k = Seeds.key(q.eigenvalues());
        k = Seeds.key(k, x0);
        return Seeds.key(k, h, s, nu);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("d", d());
        m.put("eigenvalues", Num.fmt(q.eigenvalues()));
        m.put("x0", Num.fmt(x0));
        m.put("eta L", h);
        m.put("eta", eta());
        m.put("mu", mu());
        m.put("L", l());
        m.put("noise", noise().describe());
        m.put("sigma^2 used", sigma2());
        return m;
    }
}
