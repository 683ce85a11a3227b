package io.optcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.junit.OptimizerCheck;
import io.optcheck.method.plugin.SamplePlugins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The JUnit entry points hold each try to a deadline; a hung plug-in fails its regime and is not started again. */
class TimeBoxTest {

    /** Released at the end, so the hung thread (which cannot be stopped) ends with the tests. */
    private static volatile boolean release;

    @AfterAll
    static void releaseTheHungThread() {
        release = true;
    }

    @Test
    void aHungTryFailsItsRegimeNamingTheTryAndTheLaterRegimesAreNotStarted() {
        // GD that hangs from its 2nd step on, ignoring interrupts like a real hang (parked, so it burns no core).
        var hang = SamplePlugins.gdWith("hanger", 2, (s, o, lr) -> {
            while (!release) {
                LockSupport.parkNanos(10_000_000L);
            }
            throw new IllegalStateException("released");
        });
        List<String> failures = run(OptimizerCheck.of(hang)
                .theorems("conf.reference-equivalence", "conf.zero-gradient")
                .tries(5)
                .tryTimeout(Duration.ofMillis(300))
                .tests());
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0))
                .contains(
                        "FAILED on method hanger",
                        "timeout: try 1 of conf.reference-equivalence/holds did not finish within 0.3 s (the per-try limit)");
        assertThat(failures.get(1))
                .contains("not run: a try of conf.reference-equivalence/holds on method hanger timed out");
    }

    @Test
    void aWellBehavedPluginPassesUnderTheSameLimit() {
        List<String> failures = run(OptimizerCheck.of(new SamplePlugins.Gd())
                .theorems("conf.reference-equivalence", "conf.zero-gradient")
                .tries(5)
                .tryTimeout(Duration.ofSeconds(30))
                .tests());
        assertThat(failures).isEmpty();
    }

    /** Runs every dynamic test; returns the messages of those that failed (skipped ones are not failures). */
    private static List<String> run(Stream<DynamicNode> nodes) {
        List<String> failures = new ArrayList<>();
        nodes.forEach(n -> collect(n, failures));
        return failures;
    }

    private static void collect(DynamicNode n, List<String> failures) {
        if (n instanceof DynamicContainer c) {
            c.getChildren().forEach(x -> collect(x, failures));
        } else if (n instanceof DynamicTest t) {
            try {
                t.getExecutable().execute();
            } catch (TestAbortedException e) {
                // not applicable
            } catch (Throwable e) {
                failures.add(e.getMessage());
            }
        }
    }
}
