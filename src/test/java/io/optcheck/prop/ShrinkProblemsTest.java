package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.bench.ShrinkProblems;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shrink-problem suite of {@link ShrinkProblems}: each problem must reach its ideal
 * counterexample on at least 57 of the seeds 0..59 (95%). (The bench {@code ShrinkBench} runs the
 * 1000 seeds; at the time of writing every problem reaches its ideal on all of them.) Seeds are
 * fixed, so the count is the same on every run.
 */
class ShrinkProblemsTest {

    static final int SEEDS = 60;
    static final int REQUIRED = 57;

    @TestFactory
    Stream<DynamicTest> everyProblemReachesItsIdealCounterexample() {
        return ShrinkProblems.all().stream()
                .map(p -> DynamicTest.dynamicTest(p.name(), () -> {
                    ShrinkProblems.Tally t = ShrinkProblems.run(p, SEEDS);
                    assertThat(t.found()).as("%s: failures found", p.name()).isEqualTo(SEEDS);
                    assertThat(t.idealCount())
                            .as("%s: ideal %s reached; first miss %s", p.name(), p.ideal(), t.worst())
                            .isGreaterThanOrEqualTo(REQUIRED);
                }));
    }

    @TestFactory
    Stream<DynamicTest> tokensOfShrunkCasesReplayExactly() {
        return ShrinkProblems.all().stream()
                .map(p -> DynamicTest.dynamicTest(p.name(), () -> {
                    for (long seed = 0; seed < 5; seed++) {
                        @SuppressWarnings("unchecked")
                        Property<Object> prop = (Property<Object>) p.property().apply(seed);
                        PropertyResult<Object> r = prop.run();
                        PropertyResult<Object> again = prop.replay(r.replayToken());
                        assertThat(again.failed())
                                .as("%s seed %d replays as a failure", p.name(), seed)
                                .isTrue();
                        assertThat(again.shrunkValue()).isEqualTo(r.shrunkValue());
                        assertThat(again.shrunk().sequence().raws())
                                .isEqualTo(r.shrunk().sequence().raws());
                    }
                }));
    }
}
