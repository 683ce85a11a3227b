package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerTest {
    static final Quadratic Q = Quadratic.diagonal(new double[] {1, 2});
    static final double[] X0 = {1, 1};
    static final double ETA = 0.25;

    /** GD that refuses, or throws, when it is asked for step number {@code at}. */
    static Method<GradientDescent.State> failingAt(int at, RuntimeException e) {
        GradientDescent gd = new GradientDescent(ETA);
        return new Method<>() {
            @Override
            public String id() {
                return "gd-failing";
            }

            @Override
            public GradientDescent.State init(double[] x0) {
                return gd.init(x0);
            }

            @Override
            public GradientDescent.State step(GradientDescent.State s, GradientOracle o) {
                if (s.t() + 1 == at) {
                    throw e;
                }
                return gd.step(s, o);
            }
        };
    }

    /** An objective whose gradient becomes NaN from its {@code nanFrom}-th gradient call on. */
    static Objective nanGradientFrom(int nanFrom) {
        return new Objective() {
            int calls;

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return Q.value(x);
            }

            @Override
            public void gradient(double[] x, double[] out) {
                Q.gradient(x, out);
                if (++calls >= nanFrom) {
                    out[1] = Double.NaN;
                }
            }

            @Override
            public double[][] hessian(double[] x) {
                return Q.hessian(x);
            }

            @Override
            public String describe() {
                return "nan after " + nanFrom;
            }
        };
    }

    static void assertPrefixOfGd(Trajectory tr, int steps) {
        Trajectory ref = Runner.run(new GradientDescent(ETA), new ExactOracle(Q), X0, steps);
        assertThat(tr.steps()).isEqualTo(steps);
        assertThat(tr.iterates()).isDeepEqualTo(ref.iterates());
    }

    @Test
    void recordsARefusalWithItsStepAndKeepsThePrefix() {
        Trajectory tr =
                Runner.run(failingAt(4, new MethodRefusal("direction not descent")), new ExactOracle(Q), X0, 10);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.REFUSED);
        assertThat(tr.ending()).isEqualTo(new Trajectory.Refused("direction not descent", 4));
        assertPrefixOfGd(tr, 3);
        assertThat(tr.gradientCalls()).isEqualTo(3);
    }

    @Test
    void recordsANanGradientAsAnErrorAtTheRightStep() {
        Trajectory tr = Runner.run(new GradientDescent(ETA), new ExactOracle(nanGradientFrom(5)), X0, 10);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.ERROR);
        Trajectory.Failed f = (Trajectory.Failed) tr.ending();
        assertThat(f.step()).isEqualTo(5);
        assertThat(f.message())
                .contains("step 5")
                .contains("gradient component 1")
                .contains("NaN");
        assertPrefixOfGd(tr, 4);
    }

    @Test
    void recordsANonFiniteObjectiveValue() {
        GradientDescent gd = new GradientDescent(ETA);
        Method<GradientDescent.State> valueAsking = new Method<>() {
            @Override
            public String id() {
                return "gd-asks-value";
            }

            @Override
            public GradientDescent.State init(double[] x0) {
                return gd.init(x0);
            }

            @Override
            public GradientDescent.State step(GradientDescent.State s, GradientOracle o) {
                o.value(s.x());
                return gd.step(s, o);
            }
        };
        Quadratic huge = Quadratic.diagonal(new double[] {1e300});
        Trajectory tr = Runner.run(valueAsking, new ExactOracle(huge), new double[] {1e10}, 3);
        assertThat(tr.ending()).isInstanceOf(Trajectory.Failed.class);
        assertThat(((Trajectory.Failed) tr.ending()).message())
                .contains("step 1")
                .contains("value is Infinity");
        assertThat(tr.steps()).isZero();
        assertThat(tr.x(0)).containsExactly(1e10);
    }

    @Test
    void overflowingDivergenceEndsWithAnErrorNamingTheStep() {
        // x1 = 1 - 1e200 = -1e200; grad at x1 = 1e200 * -1e200 = -Infinity
        Trajectory tr = Runner.run(
                new GradientDescent(1.0),
                new ExactOracle(Quadratic.diagonal(new double[] {1e200})),
                new double[] {1},
                10);
        Trajectory.Failed f = (Trajectory.Failed) tr.ending();
        assertThat(f.step()).isEqualTo(2);
        assertThat(f.message()).contains("step 2").contains("gradient").contains("-Infinity");
        assertThat(tr.x(1)).containsExactly(-1e200);
    }

    @Test
    void nonFiniteIterateIsAnError() {
        // gradient 1e308 is finite, but x - 10 * 1e308 overflows
        Trajectory tr = Runner.run(
                new GradientDescent(10),
                new ExactOracle(Quadratic.diagonal(new double[] {1e308})),
                new double[] {1},
                5);
        Trajectory.Failed f = (Trajectory.Failed) tr.ending();
        assertThat(f.step()).isEqualTo(1);
        assertThat(f.message()).contains("iterate x_1[0]").contains("Infinity");
        assertThat(tr.steps()).isZero();
    }

    @Test
    void anExceptionFromTheMethodIsAnErrorWithTypeAndMessage() {
        Trajectory tr = Runner.run(failingAt(2, new IllegalStateException("boom")), new ExactOracle(Q), X0, 10);
        Trajectory.Failed f = (Trajectory.Failed) tr.ending();
        assertThat(f.step()).isEqualTo(2);
        assertThat(f.message())
                .contains("IllegalStateException")
                .contains("boom")
                .contains("step 2");
        assertPrefixOfGd(tr, 1);
    }

    @Test
    void stopsAtTheFirstStepWhereTheStopConditionHolds() {
        // eta = 1.2 > 2/L = 1 on diag(1, 2): the second coordinate grows by |1 - 2.4| = 1.4
        Trajectory tr = Runner.run(
                new GradientDescent(1.2), new ExactOracle(Q), X0, 1000, (t, prev, cur) -> Math.abs(cur[1]) > 10);
        assertThat(tr.ending()).isEqualTo(new Trajectory.Stopped(7));
        assertThat(Math.abs(tr.x(7)[1])).isGreaterThan(10);
        assertThat(Math.abs(tr.x(6)[1])).isLessThanOrEqualTo(10);
    }

    @Test
    void stopConditionSeesCopiesOfConsecutiveIterates() {
        Trajectory tr = Runner.run(new GradientDescent(ETA), new ExactOracle(Q), X0, 5, (t, prev, cur) -> {
            prev[0] = Double.NaN;
            cur[0] = Double.NaN;
            return false;
        });
        assertPrefixOfGd(tr, 5);
    }

    @Test
    void aWrongStepCounterIsAnError() {
        GradientDescent gd = new GradientDescent(ETA);
        Method<GradientDescent.State> stuck = new Method<>() {
            @Override
            public String id() {
                return "stuck-clock";
            }

            @Override
            public GradientDescent.State init(double[] x0) {
                return gd.init(x0);
            }

            @Override
            public GradientDescent.State step(GradientDescent.State s, GradientOracle o) {
                return new GradientDescent.State(gd.step(s, o).x(), s.t(), ETA);
            }
        };
        Trajectory tr = Runner.run(stuck, new ExactOracle(Q), X0, 3);
        assertThat(((Trajectory.Failed) tr.ending()).message()).contains("t = 0, expected 1");
    }

    @Test
    void resumingFromTheFinalStateEqualsOneLongRun() {
        GradientDescent gd = new GradientDescent(ETA);
        Trajectory first = Runner.run(gd, new ExactOracle(Q), X0, 5);
        GradientDescent.State mid = (GradientDescent.State) first.finalState();
        Trajectory second = Runner.resume(gd, new ExactOracle(Q), mid, 7, StopCondition.NEVER);
        Trajectory whole = Runner.run(gd, new ExactOracle(Q), X0, 12);
        assertThat(second.startT()).isEqualTo(5);
        assertThat(second.x(7)).containsExactly(whole.x(12));
        assertThat(second.x(0)).containsExactly(whole.x(5));
    }

    @Test
    void trajectoryAccessorsReturnCopies() {
        Trajectory tr = Runner.run(new GradientDescent(ETA), new ExactOracle(Q), X0, 3);
        tr.x(1)[0] = 42;
        tr.iterates()[2][0] = 42;
        assertThat(tr.x(1)[0]).isNotEqualTo(42);
        assertThat(tr.x(2)[0]).isNotEqualTo(42);
        assertThat(tr.x(0)).containsExactly(X0);
    }

    @Test
    void zeroStepsAndBadInputs() {
        Trajectory tr = Runner.run(new GradientDescent(ETA), new ExactOracle(Q), X0, 0);
        assertThat(tr.steps()).isZero();
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        assertThatThrownBy(() -> Runner.run(new GradientDescent(ETA), new ExactOracle(Q), new double[] {1}, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> Runner.run(new GradientDescent(ETA), new ExactOracle(Q), new double[] {Double.NaN, 0}, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Runner.run(new GradientDescent(ETA), new ExactOracle(Q), X0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamedRunSeesTheSameStepsAndKeepsOnlyTheEnds() {
        Trajectory ref = Runner.run(new GradientDescent(ETA), new ExactOracle(Q), X0, 50);
        List<double[]> seen = new ArrayList<>();
        Trajectory tr = Runner.stream(new GradientDescent(ETA), new ExactOracle(Q), X0, 50, (k, prev, cur) -> {
            assertThat(prev).containsExactly(ref.x(k - 1));
            seen.add(cur);
            return false;
        });
        assertThat(seen).hasSize(50);
        for (int k = 1; k <= 50; k++) {
            assertThat(seen.get(k - 1)).containsExactly(ref.x(k));
        }
        assertThat(tr.streamed()).isTrue();
        assertThat(tr.steps()).isEqualTo(50);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        assertThat(tr.x(0)).containsExactly(X0);
        assertThat(tr.x(50)).containsExactly(ref.x(50));
        assertThat(tr.stepSize(50)).isEqualTo(ref.stepSize(50));
        assertThat(tr.gradientCalls()).isEqualTo(ref.gradientCalls());
        assertThatThrownBy(() -> tr.x(7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("streamed");
        assertThatThrownBy(tr::iterates).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStreamedRunEndsAsARecordedOneDoes() {
        Trajectory tr = Runner.stream(
                failingAt(4, new MethodRefusal("direction not descent")),
                new ExactOracle(Q),
                X0,
                10,
                StopCondition.NEVER);
        assertThat(tr.ending()).isEqualTo(new Trajectory.Refused("direction not descent", 4));
        assertThat(tr.steps()).isEqualTo(3);
        assertThat(tr.x(3))
                .containsExactly(Runner.run(new GradientDescent(ETA), new ExactOracle(Q), X0, 3)
                        .x(3));
        Trajectory stopped = Runner.stream(new GradientDescent(ETA), new ExactOracle(Q), X0, 10, (k, p, c) -> k == 6);
        assertThat(stopped.ending()).isEqualTo(new Trajectory.Stopped(6));
        assertThat(stopped.steps()).isEqualTo(6);
        Trajectory none = Runner.stream(new GradientDescent(ETA), new ExactOracle(Q), X0, 0, StopCondition.NEVER);
        assertThat(none.steps()).isZero();
        assertThat(none.x(0)).containsExactly(X0);
    }
}
