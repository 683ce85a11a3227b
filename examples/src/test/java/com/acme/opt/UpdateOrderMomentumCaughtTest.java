package com.acme.opt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * optcheck catches the update-order bug of {@link UpdateOrderMomentumPlugin}: running
 * {@link UpdateOrderMomentumChecks} (the user's one-class check, on the buggy optimizer) must
 * fail the reference-equivalence property and the heavy-ball rate theorem's holds regime, each
 * with a failure message that names the theorem and regime and carries the replay line.
 */
class UpdateOrderMomentumCaughtTest {

    @Test
    void referenceEquivalenceAndTheHeavyBallRateCatchTheBug() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UpdateOrderMomentumChecks.class))
                .execute()
                .allEvents()
                .filter(e -> e.getType() == EventType.FINISHED)
                .filter(e -> e.getPayload(TestExecutionResult.class)
                        .map(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                        .orElse(false))
                .collect(Collectors.toList());
        Map<String, String> messages = failed.stream()
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName(),
                        e -> e.getPayload(TestExecutionResult.class)
                                .orElseThrow()
                                .getThrowable()
                                .map(Throwable::getMessage)
                                .orElse(""),
                        (a, b) -> a));
        messages.forEach((name, msg) -> System.out.println("CAUGHT " + name + "\n" + msg));

        assertCaught(messages, "conf.reference-equivalence / holds", "conf.reference-equivalence/holds/");
        assertCaught(messages, "gd.heavy-ball-quadratic / holds", "gd.heavy-ball-quadratic/holds/");
    }

    private static void assertCaught(Map<String, String> messages, String test, String replay) {
        String msg = messages.entrySet().stream()
                .filter(e -> e.getKey().startsWith(test))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        assertTrue(msg != null, test + " should fail; failed tests: " + messages.keySet());
        assertTrue(
                msg.contains("method:") && msg.contains("acme.momentum-update-order-bug"),
                "the message names the method:\n" + msg);
        assertTrue(
                msg.contains("replay:")
                        && msg.contains("--replay " + replay + "oc1-")
                        && msg.contains("--method-class " + UpdateOrderMomentumPlugin.class.getName()),
                "the message carries the replay line, which reruns the case on this plug-in:\n" + msg);
    }
}
