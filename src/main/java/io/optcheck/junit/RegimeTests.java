package io.optcheck.junit;

import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit tree shared by {@link OptimizerCheck} and {@link EstimatorCheck}: a first test that
 * lists what applies (and fails when nothing does), then one container per theorem with one
 * test per regime, each run by {@link CheckPlan#run}. A regime that does not apply is aborted
 * with its reason; a failed regime throws the labelled message of {@link OptimizerCheck#message};
 * the system property {@value OptimizerCheck#REPLAY_PROPERTY} = THEOREM/REGIME/TOKEN reruns
 * exactly one shrunk case.
 */
final class RegimeTests {

    private RegimeTests() {}

    static Stream<DynamicNode> tree(CheckPlan plan) {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("applicable theorems", () -> {
            if (plan.problem() != null) {
                throw new AssertionFailedError(plan.problem());
            }
            plan.listing().forEach(System.out::println);
        }));
        for (Theorem<?> t : plan.theorems()) {
            List<DynamicNode> regimes = new ArrayList<>();
            for (Regime r : t.regimes()) {
                regimes.add(DynamicTest.dynamicTest(
                        t.id() + " / " + r.id() + " (expected " + r.expected().json() + ")", () -> run(plan, t, r)));
            }
            nodes.add(DynamicContainer.dynamicContainer(t.id() + " on " + t.methodId(), regimes.stream()));
        }
        return nodes.stream();
    }

    private static void run(CheckPlan plan, Theorem<?> t, Regime r) {
        CheckPlan.Outcome o = plan.run(t, r);
        switch (o.kind()) {
            case NOT_APPLICABLE -> throw new TestAbortedException("not applicable: " + o.text());
            case NOT_REPLAYED, INCONCLUSIVE -> throw new TestAbortedException(o.text());
            case FAILED -> throw new AssertionFailedError(o.text());
            case PASSED -> {}
        }
    }
}
