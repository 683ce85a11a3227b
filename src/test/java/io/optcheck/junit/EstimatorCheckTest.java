package io.optcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.optcheck.method.plugin.UserEstimators;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The estimator JUnit entry point as a user meets it: fixture classes with one
 * {@code @TestFactory}, run through the JUnit Platform. A correct sampler passes and the regimes of
 * the other sampling are skipped with the reason; the off-by-one sampler fails exactly its
 * unbiasedness and variance tests, with labelled lines that state the bias; a self-random sampler
 * runs statistically.
 */
class EstimatorCheckTest {

    static class Correct {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return EstimatorCheck.of(new UserEstimators.UniformWithoutReplacement())
                    .tries(200)
                    .tests();
        }
    }

    static class OffByOne {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return EstimatorCheck.of(new UserEstimators.OffByOne()).tries(200).tests();
        }
    }

    static class SelfRandom {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return EstimatorCheck.of(new UserEstimators.SelfRandomUniform())
                    .tries(20)
                    .tests();
        }
    }

    private static Events run(Class<?> c) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(c))
                .execute()
                .testEvents();
    }

    private static List<String> names(List<Event> events) {
        return events.stream()
                .map(ev -> ev.getTestDescriptor().getDisplayName())
                .sorted()
                .toList();
    }

    @Test
    void aCorrectSamplerPassesAndTheOtherSamplingsRegimesAreSkippedWithTheReason() {
        Events e = run(Correct.class);
        assertThat(names(e.succeeded().list()))
                .containsExactly(
                        "applicable theorems",
                        "sgd.minibatch-variance / without-replacement (expected holds)",
                        "sgd.unbiased-minibatch / holds (expected holds)");
        assertThat(e.aborted().list())
                .hasSize(2)
                .allSatisfy(ev -> assertThat(ev.getPayload(TestExecutionResult.class)
                                .orElseThrow()
                                .getThrowable()
                                .orElseThrow()
                                .getMessage())
                        .contains("not applicable: declared WITHOUT_REPLACEMENT"));
        assertThat(e.failed().count()).isZero();
    }

    @Test
    void theOffByOneSamplerFailsWithLabelledLinesAndItsBias() {
        Events e = run(OffByOne.class);
        assertThat(names(e.failed().list()))
                .containsExactly(
                        "sgd.minibatch-variance / holds (expected holds)",
                        "sgd.minibatch-variance / trace-with-replacement (expected holds)",
                        "sgd.unbiased-minibatch / holds (expected holds)");
        String msg = e.failed().list().stream()
                .filter(ev -> ev.getTestDescriptor().getDisplayName().startsWith("sgd.unbiased-minibatch"))
                .map(ev -> ev.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow()
                        .getMessage())
                .findFirst()
                .orElseThrow();
        assertThat(msg)
                .contains("theorem:")
                .contains("method:")
                .contains(UserEstimators.OffByOne.class.getName())
                .contains("counterexample:")
                .contains("bias E[estimate] - grad f(x) = (")
                .contains("replay:");
    }

    @Test
    void aSelfRandomSamplerIsCheckedStatistically() {
        Events e = run(SelfRandom.class);
        assertThat(names(e.succeeded().list()))
                .containsExactly("applicable theorems", "sgd.unbiased-minibatch / holds (expected holds)");
        assertThat(e.aborted().list()).hasSize(3);
        assertThat(e.failed().count()).isZero();
    }
}
