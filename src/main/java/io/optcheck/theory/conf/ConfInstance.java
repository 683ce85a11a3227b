package io.optcheck.theory.conf;

import io.optcheck.api.Hyperparameters;
import io.optcheck.problem.Num;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One conformance instance: a quadratic 1/2 (x - xs)^T H (x - xs) with H = B diag(lambda) B^T
 * (B = I when {@code basis} is null), a start x0, the method's hyperparameters, and what the
 * property needs besides: a vector (translation c, or gradient scale d), an orthogonal matrix
 * (rotation), a checkpoint step k, and the objective's scale.
 */
public record ConfInstance(
        double[] lambda,
        double[][] basis,
        double[] xs,
        double[] x0,
        Hyperparameters h,
        double[] vec,
        double[][] rot,
        int k)
        implements Described {

    /** The objective. */
    public Quadratic q() {
        return quadratic(basis, xs);
    }

    /** The objective in basis {@code b} with minimizer {@code min}. */
    Quadratic quadratic(double[][] b, double[] min) {
        if (b == null) {
            return Quadratic.diagonal(lambda, min);
        }
        return Quadratic.fromSpectrum(lambda, b, min);
    }

    /** The dimension. */
    public int dimension() {
        return x0.length;
    }

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", x0.length);
        m.put("lambda", Num.fmt(lambda));
        m.put("rotated basis", basis != null);
        m.put("x*", Num.fmt(xs));
        m.put("x0", Num.fmt(x0));
        h.values().forEach(m::put);
        if (vec != null) {
            m.put("vector", Num.fmt(vec));
        }
        if (rot != null) {
            m.put("rotation", "random orthogonal " + x0.length + " x " + x0.length);
        }
        if (k > 0) {
            m.put("checkpoint step", k);
        }
        return m;
    }
}
