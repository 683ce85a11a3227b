package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.KinkedSlope;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** The line-search methods: their steps, and their refusals instead of NaN steps or endless loops. */
class LineSearchMethodsTest {

    static LineSearchState step(Method<LineSearchState> m, Objective f, double... x0) {
        return m.step(m.init(x0), new ExactOracle(f));
    }

    @Test
    void wolfeGivesUpOnTheKinkedSlopeAndNamesTheConditionAndTheBracket() {
        // THEOREMS.md gd.wolfe: no strong Wolfe step for c1 = 0.5, c2 = 0.3, s = 0.4, M = 10, A = 1.
        KinkedSlope f = new KinkedSlope(10, 0.4, 1);
        WolfeLineSearch w = new WolfeLineSearch(0.1, 0.5, 0.3);
        assertThatThrownBy(() -> step(w, f, 0.0))
                .isInstanceOf(MethodRefusal.class)
                .hasMessageContaining("no strong Wolfe step")
                .hasMessageContaining("condition failed")
                .hasMessageContaining("bracket [");
    }

    @Test
    void wolfeReturnsAStrongWolfeStepWhenOneExists() {
        Quadratic q = Quadratic.diagonal(new double[] {1, 30});
        double c1 = 1e-4;
        double c2 = 0.1;
        double[] x = {3, -2};
        LineSearchState s = step(new WolfeLineSearch(1.0, c1, c2), q, x);
        double[] g = q.gradient(x);
        double[] y = s.x();
        double[] gy = q.gradient(y);
        double slope0 = 0;
        double slope1 = 0;
        for (int i = 0; i < 2; i++) {
            slope0 += g[i] * (y[i] - x[i]);
            slope1 += gy[i] * (y[i] - x[i]);
        }
        assertThat(slope0).isNegative();
        assertThat(q.value(y)).isLessThanOrEqualTo(q.value(x) + c1 * slope0);
        assertThat(Math.abs(slope1)).isLessThanOrEqualTo(c2 * Math.abs(slope0));
    }

    @Test
    void wolfeRefusesOnARayWhereFIsUnboundedBelow() {
        Quadratic q = Quadratic.diagonal(new double[] {-1});
        assertThatThrownBy(() -> step(new WolfeLineSearch(1.0, 1e-4, 0.9), q, 1.0))
                .isInstanceOf(MethodRefusal.class)
                .hasMessageContaining("unbounded below");
    }

    @Test
    void armijoWithCAboveOneRefusesInsteadOfLooping() {
        Quadratic q = Quadratic.diagonal(new double[] {1});
        assertThatThrownBy(() -> step(new ArmijoBacktracking(1.0, 0.5, 1.5), q, 1.0))
                .isInstanceOf(MethodRefusal.class)
                .hasMessageContaining("Armijo");
    }

    @Test
    void armijoRefusesAnAscentDirection() {
        Quadratic q = Quadratic.diagonal(new double[] {1, 2});
        ArmijoBacktracking a = new ArmijoBacktracking(1.0, 0.5, 1e-4)
                .withDirection(DirectionRule.perturbedSteepest(2, new double[] {1, 2}));
        // At x = (1, 1): g = (1, 2), p = -g + 2 ||g|| g/||g|| = g: uphill.
        assertThatThrownBy(() -> step(a, q, 1.0, 1.0))
                .isInstanceOf(MethodRefusal.class)
                .hasMessageContaining("direction not descent");
    }

    @Test
    void armijoAcceptsTheFirstStepThatSatisfiesArmijo() {
        Quadratic q = Quadratic.diagonal(new double[] {4});
        // f = 2 x^2 at x = 1, g = 4: Armijo (c = 1/2) needs a <= 2 (1 - c)/4 = 0.25; from 1 with beta 1/2
        // the trials are 1, 0.5, 0.25: the third is accepted after two shrinks.
        LineSearchState s = step(new ArmijoBacktracking(1.0, 0.5, 0.5), q, 1.0);
        assertThat(s.stepSize()).hasValue(0.25);
        assertThat(s.trials()).isEqualTo(3);
        assertThat(s.x()).containsExactly(0.0);
    }

    @Test
    void exactLineSearchClosedFormAgreesWithBrent() {
        Quadratic q = Quadratic.diagonal(new double[] {0.5, 3, 20});
        double[] x = {1, -2, 0.5};
        double a = step(ExactLineSearchGd.onQuadratic(q), q, x).stepSize().orElseThrow();
        double b = step(ExactLineSearchGd.brent(), q, x).stepSize().orElseThrow();
        double[] g = q.gradient(x);
        double gg = 0;
        double ghg = 0;
        double[] lam = {0.5, 3, 20};
        for (int i = 0; i < 3; i++) {
            gg += g[i] * g[i];
            ghg += g[i] * lam[i] * g[i];
        }
        assertThat(a).isCloseTo(gg / ghg, Percentage.withPercentage(1e-12));
        assertThat(b).isCloseTo(gg / ghg, Percentage.withPercentage(1e-6));
    }

    @Test
    void exactLineSearchRefusesWhenTheCurvatureAlongGIsNotPositive() {
        Quadratic q = Quadratic.diagonal(new double[] {1, -4});
        assertThatThrownBy(() -> step(ExactLineSearchGd.onQuadratic(q), q, 0.1, 1.0))
                .isInstanceOf(MethodRefusal.class)
                .hasMessageContaining("no 1-D minimizer");
        assertThatThrownBy(() -> step(ExactLineSearchGd.brent(), q, 0.1, 1.0))
                .isInstanceOf(MethodRefusal.class)
                .hasMessageContaining("unbounded below");
    }

    @Test
    void exactLineSearchStaysAtAStationaryPoint() {
        Quadratic q = Quadratic.diagonal(new double[] {1, 2});
        LineSearchState s = step(ExactLineSearchGd.onQuadratic(q), q, 0.0, 0.0);
        assertThat(s.x()).containsExactly(0.0, 0.0);
        assertThat(s.t()).isEqualTo(1);
    }

    @Test
    void directionDescentWithSteepestIsGradientDescent() {
        Quadratic q = Quadratic.diagonal(new double[] {0.3, 7});
        Trajectory a = Runner.run(
                new DirectionDescent(0.1, DirectionRule.STEEPEST), new ExactOracle(q), new double[] {1.5, -0.25}, 20);
        Trajectory b = Runner.run(new GradientDescent(0.1), new ExactOracle(q), new double[] {1.5, -0.25}, 20);
        assertThat(a.iterates()).isDeepEqualTo(b.iterates());
    }

    /**
     * gd.wolfe/c1-eq-c2, quick seed 38: on the kinked slope with M = 1, s = 1e-4, A = 0.9999 from
     * x = 0 (phi = -a + a^2/2 up to the kink) and c1 = c2 = 0.999992, the strong Wolfe steps are
     * [1 - c, 2(1 - c)] = [8.3e-6, 1.7e-5]. The interpolant's minimizer, a = 1, lies beyond every
     * bracket, and clamping it to 90% of the bracket shrank the bracket by 0.9 per trial: 104 trials
     * were needed and the search refused after 100. Bisecting there finds a step.
     */
    @Test
    void wolfeZoomBisectsWhenTheInterpolantIsOutsideTheBracketAndFindsANarrowWindow() {
        KinkedSlope f = new KinkedSlope(1, 1e-4, 0.9999);
        double c = 0.9999917195874833;
        LineSearchState s = step(new WolfeLineSearch(1.0, c, c), f, 0.0);
        double a = s.x()[0]; // p = -f'(0) = 1
        assertThat(a).isBetween(1 - c, 2 * (1 - c));
        assertThat(f.value(new double[] {a})).isLessThanOrEqualTo(f.value(new double[] {0}) - c * a);
        assertThat(Math.abs(f.gradient(new double[] {a})[0])).isLessThanOrEqualTo(c);
        assertThat(s.trials()).isLessThan(40);
    }

    /**
     * gd.armijo/backtracking, quick seed 96: the line-search methods stay put when every gradient
     * component is below 2^-500, and the checker must use the same rule. A gradient of norm
     * 4.8e-151 (above 2^-500 = 3.1e-151) whose components are all below 2^-500 is such a point.
     */
    @Test
    void lineSearchesStayPutWhenEveryComponentIsBelowTwoToTheMinus500() {
        double[] g = {2.9e-151, 2.9e-151, 2.9e-151};
        assertThat(Math.sqrt(3) * 2.9e-151).isGreaterThan(0x1p-500);
        assertThat(ArmijoBacktracking.staysPut(g)).isTrue();
        assertThat(ArmijoBacktracking.staysPut(new double[] {0x1p-500, 0})).isFalse();
        Quadratic q = Quadratic.diagonal(new double[] {1, 1, 1});
        double[] x = g.clone();
        LineSearchState s = step(new ArmijoBacktracking(1.0, 0.5, 1e-4), q, x);
        assertThat(s.x()).isEqualTo(x);
        assertThat(s.trials()).isZero();
    }
}
