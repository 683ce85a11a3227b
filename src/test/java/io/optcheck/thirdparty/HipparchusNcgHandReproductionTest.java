package io.optcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus 4.0.2's NonLinearConjugateGradientOptimizer called directly (no optcheck method or
 * property engine) on f(x) = x^2/2 in one dimension, iterates recorded through the convergence
 * checker.
 */
class HipparchusNcgHandReproductionTest {

    static List<Double> run(double x0, double bracket, int iterations) {
        List<Double> xs = new ArrayList<>();
        NonLinearConjugateGradientOptimizer opt = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                (i, prev, cur) -> {
                    xs.add(cur.getPoint()[0]);
                    return xs.size() >= iterations;
                },
                1e-8,
                1e-8,
                bracket);
        opt.optimize(
                new MaxEval(100000),
                new MaxIter(iterations + 2),
                GoalType.MINIMIZE,
                new InitialGuess(new double[] {x0}),
                new ObjectiveFunction(x -> x[0] * x[0] / 2),
                new ObjectiveFunctionGradient(x -> new double[] {x[0]}));
        return xs;
    }

    /**
     * Library behaviour (not a defect: its documented stopping rule, but it means the line search
     * is not exact even on a parabola). Along d = -x0 the exact step is alpha* = 1. With
     * initialBracketingRange r = 3 - sqrt(5) = 0.7639320225 the bracket is
     * [0, r, r (1 + phi)] = [0, 0.7639, 2.0] (phi the golden ratio); Brent's first golden-section
     * trial from r is r + (2 - phi)(2 - r) = 1.2361, the mirror image of r about alpha* = 1. The
     * two values (0.02786) differ by 7e-10, below the absolute value tolerance 1e-8, so the value
     * checker stops Brent after one trial and the step is 0.7639: x1 = 0.2361 x0 instead of 0. The same geometry recurs at every step (the exact step
     * is 1 again), so the iterates shrink by 0.2361 per step where an exact line search ends in one.
     * Observed: x1 = 0.23607 (|g1 d0| = 0.2361, against 0 for an exact search).
     */
    @Test
    void goldenStraddleStopsTheLineSearchAfterOneTrial() {
        double r = 3 - Math.sqrt(5);
        List<Double> xs = run(1, r, 4);
        assertThat(xs.get(0)).isCloseTo(1 - r, within(1e-6));
        assertThat(xs.get(1)).isCloseTo((1 - r) * (1 - r), within(1e-6));
        // A bracketing range 1% away: Brent's parabolic step lands on alpha* = 1 and x1 ~ 0.
        List<Double> ok = run(1, r * 1.01, 2);
        assertThat(Math.abs(ok.get(0))).isLessThan(1e-6);
    }

    /**
     * Library behaviour, correct: on f = -x^2/2 (no 1-D minimizer along -grad f) the bracket search
     * ends with a clear MathIllegalStateException ("maximal count (500) exceeded", BracketFinder's
     * evaluation limit), not a NaN step. This is what ncg.brent-line-search's
     * drop:strictly-convex-quadratic regime reports as "refused".
     */
    @Test
    void negativeCurvatureEndsInAClearError() {
        NonLinearConjugateGradientOptimizer opt = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, (i, p, c) -> true);
        Assertions.assertThatThrownBy(() -> opt.optimize(
                        new MaxEval(100000),
                        new MaxIter(10),
                        GoalType.MINIMIZE,
                        new InitialGuess(new double[] {1}),
                        new ObjectiveFunction(x -> -x[0] * x[0] / 2),
                        new ObjectiveFunctionGradient(x -> new double[] {-x[0]})))
                .isInstanceOf(MathIllegalStateException.class)
                .hasMessageContaining("maximal count (500) exceeded");
    }
}
