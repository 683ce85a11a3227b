package com.acme.opt.theory;

import io.optcheck.problem.Certificate;
import io.optcheck.problem.Exactness;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import java.util.Arrays;

/**
 * A user-defined problem family: f(x) = 1/2 sum_i lambda_i (x_i - c_i)^2 with every
 * lambda_i &gt;= 0, i.e. a convex, possibly singular, diagonal quadratic shifted to c.
 *
 * <p>Its constants are built in, not estimated, so the {@link Certificate} records them as
 * EXACT: the Hessian is diag(lambda), whose largest entry is the smoothness constant L (the
 * stored doubles are the true eigenvalues of f as evaluated), c is a minimizer (grad f(c) = 0
 * and f(c) = 0 = f*), and f is convex because every lambda_i &gt;= 0. When some lambda_i is 0
 * the minimizer is not unique; c is still one, which is all that Fejer monotonicity needs.
 *
 * <p>NaN and infinite arguments propagate by IEEE 754, as for every optcheck objective.
 */
public final class ShiftedDiagonalQuadratic implements Objective {

    private final double[] lambda;
    private final double[] c;

    public ShiftedDiagonalQuadratic(double[] lambda, double[] c) {
        if (lambda.length == 0 || lambda.length != c.length) {
            throw new IllegalArgumentException("need lambda and c of the same length >= 1");
        }
        for (double l : lambda) {
            if (!(l >= 0 && Double.isFinite(l))) {
                throw new IllegalArgumentException("every lambda must be finite and >= 0, got " + l);
            }
        }
        this.lambda = lambda.clone();
        this.c = c.clone();
    }

    /**
     * The family: dimension 1..8, each lambda_i in [0, 10] (0 and 1 as boundary values: singular
     * and kappa = 1 spectra), each c_i in [-10, 10]. At least one lambda_i is positive, so L &gt; 0.
     */
    public static Gen<ShiftedDiagonalQuadratic> family() {
        Gen<Integer> dim = Gens.integers(1, 8);
        return dim.flatMap(d -> Gens.combine(
                                Gens.doubleArrays(Gens.doubles(0, 10).withSpecials(0.0, 1.0), d),
                                Gens.doubleArrays(Gens.doubles(-10, 10), d))
                        .as((l, c) -> new ShiftedDiagonalQuadratic(l, c)))
                .filter("L > 0", q -> q.smoothness() > 0);
    }

    /** L = max_i lambda_i: exact, the largest eigenvalue of the Hessian diag(lambda). */
    public double smoothness() {
        return Arrays.stream(lambda).max().orElseThrow();
    }

    /** The minimizer c (a copy). */
    public double[] minimizer() {
        return c.clone();
    }

    /** What is known about this instance, and how exactly. */
    public Certificate certificate() {
        return Certificate.none()
                .withL(smoothness(), Exactness.EXACT, "max lambda_i of the diagonal Hessian")
                .withXStar(c, Exactness.EXACT, "grad f(c) = 0")
                .withFStar(0.0, Exactness.EXACT)
                .withConvex(true, "every lambda_i >= 0");
    }

    @Override
    public int dimension() {
        return lambda.length;
    }

    @Override
    public double value(double[] x) {
        check(x);
        double s = 0;
        for (int i = 0; i < lambda.length; i++) {
            double r = x[i] - c[i];
            s += lambda[i] * r * r;
        }
        return 0.5 * s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        check(x);
        check(out);
        for (int i = 0; i < lambda.length; i++) {
            out[i] = lambda[i] * (x[i] - c[i]);
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        check(x);
        double[][] h = new double[lambda.length][lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            h[i][i] = lambda[i];
        }
        return h;
    }

    @Override
    public String describe() {
        return "1/2 sum lambda_i (x_i - c_i)^2, lambda = " + Num.fmt(lambda) + ", c = " + Num.fmt(c);
    }

    private void check(double[] v) {
        if (v.length != lambda.length) {
            throw new IllegalArgumentException("expected length " + lambda.length + ", got " + v.length);
        }
    }
}
