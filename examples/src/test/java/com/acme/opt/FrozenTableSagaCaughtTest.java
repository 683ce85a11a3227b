package com.acme.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

/**
 * optcheck catches the frozen table of {@link FrozenTableSagaPlugin}: running
 * {@link FrozenTableSagaChecks} must fail vr.saga's holds regime (the Lyapunov contraction from a
 * reached state) with a message naming the method and carrying the replay line, while the
 * unbiasedness regime passes (a frozen table is still unbiased).
 */
class FrozenTableSagaCaughtTest {

    @Test
    void theLyapunovContractionCatchesTheFrozenTable() {
        Map<String, TestExecutionResult> finished = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FrozenTableSagaChecks.class))
                .execute()
                .allEvents()
                .filter(e -> e.getType() == EventType.FINISHED)
                .filter(e -> e.getTestDescriptor().isTest())
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName(),
                        e -> e.getPayload(TestExecutionResult.class).orElseThrow(),
                        (a, b) -> a));
        finished.forEach((name, r) -> System.out.println(name + ": " + r.getStatus()
                + r.getThrowable().map(t -> "\n" + t.getMessage()).orElse("")));
        TestExecutionResult holds = result(finished, "vr.saga / holds");
        assertEquals(TestExecutionResult.Status.FAILED, holds.getStatus());
        String msg = holds.getThrowable().orElseThrow().getMessage();
        assertTrue(msg.contains("acme.saga-frozen-table-bug"), "the message names the method:\n" + msg);
        assertTrue(
                msg.contains("--replay vr.saga/holds/")
                        && msg.contains("--finite-sum-class " + FrozenTableSagaPlugin.class.getName()),
                "the message carries the replay line:\n" + msg);
        assertEquals(
                TestExecutionResult.Status.SUCCESSFUL,
                result(finished, "vr.saga / unbiased").getStatus());
    }

    private static TestExecutionResult result(Map<String, TestExecutionResult> finished, String prefix) {
        return finished.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(prefix + " did not run; tests: " + finished.keySet()));
    }
}
