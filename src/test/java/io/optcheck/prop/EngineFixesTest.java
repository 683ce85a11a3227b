package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Regression tests for two engine bugs: edge values that overflowed, and JIT-dependent failure identity. */
class EngineFixesTest {

    @Test
    void edgeValuesOfASingleValueRangeStayInTheRange() {
        for (long v : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0}) {
            List<Long> seen = new ArrayList<>();
            PropertyResult<Long> r = Property.forAll("single", Gens.longs(v, v), (x, t) -> {
                        seen.add(x);
                    })
                    .tries(200)
                    .run();
            assertThat(r.passed()).isTrue();
            assertThat(seen).isNotEmpty().containsOnly(v);
        }
        assertThat(Source.edgeLongs(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE))
                .containsOnly(Long.MAX_VALUE);
        assertThat(Source.edgeLongs(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE))
                .containsOnly(Long.MIN_VALUE);
        assertThat(Source.edgeLongs(Long.MAX_VALUE - 1, Long.MAX_VALUE, 0))
                .containsOnly(Long.MAX_VALUE - 1, Long.MAX_VALUE, 0L);
    }

    @Test
    void aFailureAtTheTopOfTheLongRangeReplaysAsAFailure() {
        Property<Long> p = Property.forAll("x < max", Gens.longs(Long.MAX_VALUE - 1, Long.MAX_VALUE), (x, t) -> {
            if (x == Long.MAX_VALUE) {
                throw new AssertionError("max");
            }
        });
        PropertyResult<Long> r = p.run();
        assertThat(r.failed()).isTrue();
        assertThat(r.shrunkValue()).isEqualTo(Long.MAX_VALUE);
        PropertyResult<Long> again = p.replay(r.replayToken());
        assertThat(again.failed()).as(again.message()).isTrue();
        assertThat(again.shrunkValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void failureKeyOfAFastThrowExceptionIgnoresTheMissingTrace() {
        ArithmeticException full = new ArithmeticException("/ by zero");
        ArithmeticException omitted = new ArithmeticException();
        omitted.setStackTrace(new StackTraceElement[0]); // what -XX:+OmitStackTraceInFastThrow throws
        assertThat(key(omitted)).isEqualTo(key(full));
        // other exceptions keep their origin: same type, other place, other failure
        IllegalStateException here = new IllegalStateException("x");
        IllegalStateException elsewhere = new IllegalStateException("x");
        elsewhere.setStackTrace(new StackTraceElement[] {new StackTraceElement("Other", "m", "Other.java", 1)});
        assertThat(key(here)).isNotEqualTo(key(elsewhere));
    }

    private static String key(Throwable t) {
        return new TryResult<>(
                        ChoiceSequence.empty(), null, TryResult.Kind.FAILED, t, null, List.of(), List.of(), Double.NaN)
                .failureKey();
    }

    @Test
    void shrinkingSurvivesTracesThatDisappearAfterWarmUp() {
        // The first failure carries a stack trace; every later one arrives without, as HotSpot
        // throws a built-in exception once the throwing code is compiled. Shrinking must still
        // reach the smallest failing index.
        AtomicInteger failures = new AtomicInteger();
        PropertyResult<Integer> r = Property.forAll("index < 1000", Gens.integers(0, 1_000_000), (x, t) -> {
                    try {
                        int[] a = new int[1000];
                        a[x] = 1;
                    } catch (ArrayIndexOutOfBoundsException e) {
                        if (failures.getAndIncrement() > 0) {
                            ArrayIndexOutOfBoundsException bare = new ArrayIndexOutOfBoundsException();
                            bare.setStackTrace(new StackTraceElement[0]);
                            throw bare;
                        }
                        throw e;
                    }
                })
                .edgeCases(false)
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.shrinkSteps()).isPositive();
        assertThat(r.shrunkValue()).isEqualTo(1000);
    }

    static int divide(int a, int b) {
        return a / b;
    }

    @Test
    void warmJvmThrowingBuiltInExceptionsShrinksTheSameEveryTime() {
        // Throw the JVM's own ArithmeticException from one site a few hundred thousand times, so that
        // the JIT compiles it (and may start omitting its stack trace), then shrink a failure thrown
        // from that same site, repeatedly: every run reaches the same ideal case.
        int caught = 0;
        for (int i = 0; i < 300_000; i++) {
            try {
                divide(i, 0);
            } catch (ArithmeticException e) {
                caught++;
            }
        }
        assertThat(caught).isEqualTo(300_000);
        for (int run = 0; run < 20; run++) {
            PropertyResult<List<Integer>> r = Property.forAll(
                            "no zero divisor after 3", Gens.lists(Gens.integers(-1000, 1000), 0, 30), (xs, t) -> {
                                for (int i = 3; i < xs.size(); i++) {
                                    divide(1, xs.get(i));
                                }
                            })
                    .seed(run)
                    .run();
            assertThat(r.failed()).isTrue();
            assertThat(r.failure()).isInstanceOf(ArithmeticException.class);
            assertThat(r.shrunkValue()).as("run %d", run).containsExactly(0, 0, 0, 0);
        }
    }
}
