package io.optcheck.problem;

import org.hipparchus.CalculusFieldElement;

/**
 * A separable sum of weighted Huber functions, f(x) = sum_i w_i h_{delta_i}(x_i), with
 * h_delta(u) = u^2/2 for |u| &lt;= delta and delta |u| - delta^2/2 otherwise. Convex and smooth
 * but not strongly convex (flat curvature on the linear pieces): the kind of function on which
 * first-order methods attain their worst cases (Drori &amp; Teboulle 2014).
 * grad f(x)_i = w_i clip(x_i, -delta_i, delta_i); hess f(x) = diag(w_i [|x_i| &lt;= delta_i]).
 *
 * <p>Certificate, all EXACT: L = max w_i; mu = 0; x* = 0 (the unique minimizer); f* = f_low = 0;
 * convex. NaN/infinite arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class HuberSum implements Objective, FieldFormula.Source {
    private final double[] w;
    private final double[] delta;
    private final Certificate certificate;

    /**
     * @param weights w_i, finite and {@code > 0} (copied)
     * @param deltas delta_i, finite and {@code > 0}, same length (copied)
     * @throws IllegalArgumentException otherwise
     */
    public HuberSum(double[] weights, double[] deltas) {
        Vectors.requireFiniteNonEmpty(weights, "weights");
        Vectors.requireFiniteNonEmpty(deltas, "deltas");
        Vectors.requireLength(deltas, weights.length, "deltas");
        double l = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || !(deltas[i] > 0)) {
                throw new IllegalArgumentException("weights and deltas must be > 0, got w = " + weights[i]
                        + ", delta = " + deltas[i] + " at " + i);
            }
            l = Math.max(l, weights[i]);
        }
        this.w = weights.clone();
        this.delta = deltas.clone();
        this.certificate = Certificate.none()
                .withConvex(true)
                .withL(l, Exactness.EXACT, "max w_i")
                .withMu(0, Exactness.EXACT, "flat curvature outside |x_i| <= delta_i")
                .withXStar(new double[w.length], Exactness.EXACT)
                .withFStar(0, Exactness.EXACT)
                .withFLow(0, Exactness.EXACT);
    }

    @Override
    public int dimension() {
        return w.length;
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, w.length, "x");
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double u = Math.abs(x[i]);
            s += w[i] * (u <= delta[i] ? 0.5 * u * u : delta[i] * (u - 0.5 * delta[i]));
        }
        return s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, w.length, "x");
        Vectors.requireLength(out, w.length, "out");
        for (int i = 0; i < w.length; i++) {
            double u = x[i];
            out[i] = w[i] * (u > delta[i] ? delta[i] : u < -delta[i] ? -delta[i] : u);
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, w.length, "x");
        double[][] h = new double[w.length][w.length];
        for (int i = 0; i < w.length; i++) {
            h[i][i] = Math.abs(x[i]) <= delta[i] ? w[i] : 0;
        }
        return h;
    }

    /** A copy of the weights. */
    public double[] weights() {
        return w.clone();
    }

    /** A copy of the thresholds delta_i. */
    public double[] deltas() {
        return delta.clone();
    }

    public Certificate certificate() {
        return certificate;
    }

    /** This objective as a problem of family "huber-sum". */
    public Problem problem() {
        return new Problem("huber-sum", this, certificate);
    }

    @Override
    public FieldFormula fieldFormula() {
        return this::valueOf;
    }

    /** f in any field (derivative structures for {@link #formula()}, Dfp for the recheck). */
    private <T extends CalculusFieldElement<T>> T valueOf(T[] x) {
        T s = x[0].getField().getZero();
        for (int i = 0; i < w.length; i++) {
            T u = x[i].abs();
            T hi = u.getReal() <= delta[i]
                    ? u.multiply(u).multiply(0.5)
                    : u.subtract(0.5 * delta[i]).multiply(delta[i]);
            s = s.add(hi.multiply(w[i]));
        }
        return s;
    }

    @Override
    public String describe() {
        return "sum_i w_i huber_delta_i(x_i), w = " + Num.fmt(w) + ", delta = " + Num.fmt(delta);
    }

    @Override
    public String toString() {
        return describe();
    }
}
