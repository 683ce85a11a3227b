package io.optcheck.theory.gd;

import io.optcheck.problem.Vectors;

/**
 * How far rounding can have moved the floating-point iterate x_t from the real-number
 * trajectory, in units of the unit roundoff (the scale handed to the tolerance model). Each
 * step x_t = x_{t-1} - eta g rounds with an error of a few ulps of ||x_{t-1}|| + eta ||g||, and
 * an earlier error is carried forward by the GD map, whose Lipschitz constant on a function with
 * curvature in [c, L] is lip = max |1 - eta c| (c &lt;= L): so
 *
 * <pre>A_t = lip A_{t-1} + ||x_{t-1}|| + eta ||g(x_{t-1})||,   A_0 = 0.</pre>
 *
 * A t-step bound (f(x_t) - f* or ||x_t - x*||^2 against a bound from x0) adds ||grad f(x_t)|| A_t
 * (or 2 ||x_t - x*|| A_t) to its scale, so that rounding accumulated over a run cannot turn into
 * a false violation, while a bound that is wrong by a relative 1e-3 still is caught.
 */
final class Drift {

    private final double lip;
    private final double eta;
    private double a;

    Drift(double lip, double eta) {
        this.lip = lip;
        this.eta = eta;
    }

    /**
     * Accounts for the step from {@code prev} with gradient scale {@code gNorm} (the gradient's
     * {@link io.optcheck.problem.Objective#gradientScale}: its rounding is relative to its terms,
     * which may cancel); returns A_t.
     */
    double step(double[] prev, double gNorm) {
        a = lip * a + Vectors.norm(prev) + eta * gNorm;
        return a;
    }

    double value() {
        return a;
    }
}
