package io.optcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.LineSearch;
import io.optcheck.method.MethodRefusal;
import io.optcheck.result.Outcome;
import io.optcheck.theory.Theorem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user's line search as its own kind: a correct backtracking Armijo search and a correct strong
 * Wolfe search pass gd.armijo / gd.wolfe / gd.zoutendijk with their declared constants; planted
 * wrong ones fail (an Armijo search that accepts its first step, a backtracking search that
 * claims strong Wolfe); a search that never shrinks ends as an error within the try timeout.
 */
class LineSearchCheckTest {

    static final int TRIES = 200;

    /** Backtracking from alpha0 by beta until Armijo holds (Nocedal & Wright Alg. 3.1). */
    record Backtracking(LineSearch.Condition condition, double c1, double c2, boolean shrinks, boolean firstStepOnly)
            implements LineSearch {
        static final double ALPHA0 = 1;
        static final double BETA = 0.5;

        @Override
        public String id() {
            return "test.backtracking" + (firstStepOnly ? "-first-step" : "") + (shrinks ? "" : "-never-shrinks");
        }

        @Override
        public double initialStep() {
            return ALPHA0;
        }

        @Override
        public double shrinkFactor() {
            return BETA;
        }

        @Override
        public double step(Ray ray) {
            double f0 = ray.value(0);
            double s0 = ray.slope(0);
            double a = ALPHA0;
            if (firstStepOnly) {
                return a;
            }
            while (ray.value(a) > f0 + c1 * a * s0) {
                if (f0 + c1 * a * s0 == f0) {
                    throw new MethodRefusal("no measurable Armijo step at a = " + a);
                }
                a *= shrinks ? BETA : 1;
            }
            return a;
        }
    }

    /**
     * The secant step on phi', a* = -phi'(0)/(phi'(1) - phi'(0)): the exact minimizer along the ray
     * of a quadratic, so it satisfies strong Wolfe for every c1 &lt; 1/2 and c2 &gt; 0 there.
     */
    record Secant(double c1, double c2) implements LineSearch {
        @Override
        public Condition condition() {
            return Condition.STRONG_WOLFE;
        }

        @Override
        public double step(Ray ray) {
            double s0 = ray.slope(0);
            double s1 = ray.slope(1);
            return -s0 / (s1 - s0);
        }
    }

    /** Outcome kind per theorem id. */
    static Map<String, CheckPlan.Outcome> run(LineSearchCheck check) {
        CheckPlan plan = check.plan();
        assertThat(plan.problem()).isNull();
        Map<String, CheckPlan.Outcome> m = new LinkedHashMap<>();
        for (Theorem<?> t : plan.theorems()) {
            m.put(t.id(), plan.run(t, t.regimes().get(0)));
        }
        return m;
    }

    @Test
    void aCorrectBacktrackingSearchPassesArmijoAndIsNotCheckedForWolfe() {
        Map<String, CheckPlan.Outcome> m =
                run(LineSearchCheck.of(new Backtracking(LineSearch.Condition.ARMIJO, 1e-4, Double.NaN, true, false))
                        .tries(TRIES));
        assertThat(m.get("gd.armijo").kind())
                .as(String.valueOf(m.get("gd.armijo").text()))
                .isEqualTo(CheckPlan.Kind.PASSED);
        assertThat(m.get("gd.armijo").result().conventions())
                .containsEntry("c1", "1.0E-4")
                .containsEntry("beta", "0.5");
        assertThat(m.get("gd.wolfe").kind()).isEqualTo(CheckPlan.Kind.NOT_APPLICABLE);
        assertThat(m.get("gd.wolfe").text()).contains("claims ARMIJO only");
        assertThat(m.get("gd.zoutendijk").kind()).isEqualTo(CheckPlan.Kind.NOT_APPLICABLE);
    }

    /** Planted: the search returns alpha0 = 1 without testing it. */
    @Test
    void anArmijoSearchThatAcceptsTheFirstStepFails() {
        Map<String, CheckPlan.Outcome> m =
                run(LineSearchCheck.of(new Backtracking(LineSearch.Condition.ARMIJO, 1e-4, Double.NaN, true, true))
                        .tries(TRIES));
        CheckPlan.Outcome o = m.get("gd.armijo");
        assertThat(o.kind()).isEqualTo(CheckPlan.Kind.FAILED);
        assertThat(o.result().counterexample()).isNotNull();
        assertThat(o.text()).contains("Armijo decrease");
    }

    @Test
    void aCorrectStrongWolfeSearchPassesAllThree() {
        Map<String, CheckPlan.Outcome> m =
                run(LineSearchCheck.of(new Secant(1e-4, 0.1)).tries(TRIES));
        for (String id : new String[] {"gd.armijo", "gd.wolfe", "gd.zoutendijk"}) {
            assertThat(m.get(id).kind()).as(id + ": " + m.get(id).text()).isEqualTo(CheckPlan.Kind.PASSED);
        }
    }

    /** Planted: backtracking (Armijo only) declared as a strong Wolfe search with c2 = 0.1. */
    @Test
    void backtrackingClaimingStrongWolfeFailsTheCurvatureCondition() {
        Map<String, CheckPlan.Outcome> m =
                run(LineSearchCheck.of(new Backtracking(LineSearch.Condition.STRONG_WOLFE, 1e-4, 0.1, true, false))
                        .tries(TRIES));
        assertThat(m.get("gd.armijo").kind()).isEqualTo(CheckPlan.Kind.PASSED);
        CheckPlan.Outcome o = m.get("gd.wolfe");
        assertThat(o.kind()).isEqualTo(CheckPlan.Kind.FAILED);
        assertThat(o.text()).contains("curvature");
    }

    /** A search that never shrinks its step: an error result within the time box, never a hang. */
    @Test
    void aSearchThatNeverShrinksEndsAsAnErrorWithinTheTryTimeout() {
        long start = System.nanoTime();
        Map<String, CheckPlan.Outcome> m =
                run(LineSearchCheck.of(new Backtracking(LineSearch.Condition.ARMIJO, 1e-4, Double.NaN, false, false))
                        .tries(TRIES)
                        .tryTimeout(Duration.ofSeconds(2)));
        double seconds = (System.nanoTime() - start) / 1e9;
        CheckPlan.Outcome o = m.get("gd.armijo");
        assertThat(o.kind()).isEqualTo(CheckPlan.Kind.FAILED);
        assertThat(o.result().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(o.text()).contains("timeout", "did not finish within 2");
        assertThat(seconds).isLessThan(30);
    }

    @Test
    void anUnusableDeclarationIsNamedNotRun() {
        CheckPlan plan = LineSearchCheck.of(new Backtracking(LineSearch.Condition.STRONG_WOLFE, 0.5, 0.2, true, false))
                .plan();
        assertThat(plan.problem()).contains("c2() must be in (c1, 1)", "Backtracking");
        assertThat(plan.theorems()).isEmpty();
    }
}
