package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;

/**
 * Problem families beyond quadratics, as generators, with search knobs marked for targeted
 * search: the Lessard-Recht-Packard function (strongly convex, not quadratic), separable Huber
 * sums (convex, smooth, not strongly convex), and diagonal quadratics whose spectrum is a set of
 * knobs. Every objective carries its certificate (see the classes).
 */
public final class MomentumProblems {

    private MomentumProblems() {}

    /** The Lessard-Recht-Packard function (one fixed objective; starts are drawn separately). */
    public static Gen<Problem> lessard() {
        return Gens.just(new LessardFunction().problem()).named("lessard");
    }

    /**
     * Separable Huber sums in dimension 1..10: the top weight L log-uniform in [1e-3, 1e3] (it is
     * w_0, so L = max w exactly), the other weights log-uniform in [1e-3 L, L], thresholds
     * delta_i log-uniform in [1e-4, 10] (knobs "delta").
     */
    public static Gen<Problem> huberSums() {
        return Gens.named("huber sums(d 1..10)", s -> {
            int d = s.draw(Gens.integers(1, 10));
            double top = Gens.logDoubles(1e-3, 1e3).draw(s);
            double[] w = new double[d];
            double[] delta = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = i == 0 ? top : top * Gens.logDoubles(1e-3, 1).draw(s);
                delta[i] = Gens.logDoubles(1e-4, 10).knob("delta").draw(s);
            }
            return new HuberSum(w, delta).problem();
        });
    }

    /**
     * Diagonal quadratics in dimension 2..6 with lambda_0 = L exactly (L log-uniform in
     * [1e-3, 1e3]) and lambda_i = L r_i for knobs r_i log-uniform in [1e-6, 1] ("lambda/L"), so
     * that targeted search moves the spectrum directly. L and mu are exact (diagonal).
     */
    public static Gen<Problem> spectrumKnobQuadratics() {
        return Gens.named("diagonal quadratics with spectrum knobs(d 2..6)", s -> {
            int d = s.draw(Gens.integers(2, 6));
            double top = Gens.logDoubles(1e-3, 1e3).draw(s);
            double[] lambda = new double[d];
            lambda[0] = top;
            for (int i = 1; i < d; i++) {
                lambda[i] = top * Gens.logDoubles(1e-6, 1).knob("lambda/L").draw(s);
            }
            return Quadratic.diagonal(lambda).problem();
        });
    }

    /** Quadratics of a {@link Problems.QuadraticGen}, as problems. */
    public static Gen<Problem> problems(Problems.QuadraticGen quadratics) {
        return quadratics.map(Quadratic::problem);
    }

    /** Starts in [-r, r]^d whose coordinates are search knobs ("x0"); shrinks toward 0. */
    public static Gen<double[]> knobStarts(int d, double r) {
        return Gens.doubleArrays(Gens.doubles(-r, r).knob("x0"), d);
    }
}
