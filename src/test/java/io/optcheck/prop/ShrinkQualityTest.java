package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each test asserts the exact minimal result the shrinker must reach. */
class ShrinkQualityTest {

    @Test
    void listWithLargeSumShrinksToOneElement1001() {
        Gen<List<Integer>> lists = Gens.lists(Gens.integers(0, 10_000), 0, 50);
        PropertyResult<List<Integer>> r = Property.forAll("sum <= 1000", lists, (xs, t) -> {
                    long sum = xs.stream().mapToLong(Integer::longValue).sum();
                    if (sum > 1000) {
                        throw new AssertionError("sum " + sum);
                    }
                })
                .run();
        assertThat(r.status()).isEqualTo(PropertyResult.Status.FAILED);
        assertThat(r.shrunkValue()).containsExactly(1001);
    }

    @Test
    void doubleAboveOnePointFiveShrinksJustPastTheThreshold() {
        PropertyResult<Double> r = Property.forAll("x <= 1.5", Gens.doubles(0, 1e6), (x, t) -> {
                    if (x > 1.5) {
                        throw new AssertionError();
                    }
                })
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.shrunkValue()).isGreaterThan(1.5).isLessThanOrEqualTo(2.0);
        // The documented rule: smallest failing value with at most 4 decimal places.
        assertThat(r.shrunkValue()).isEqualTo(1.5001);
    }

    @Test
    void simplestRuleWithTwoDigitsStopsAtTwoDigits() {
        PropertyResult<Double> r = Property.forAll(
                        "x <= 1.5", Gens.doubles(0, 1e6).shrinkDigits(2), (x, t) -> {
                            if (x > 1.5) {
                                throw new AssertionError();
                            }
                        })
                .run();
        assertThat(r.shrunkValue()).isEqualTo(1.51);
    }

    @Test
    void integerFailureShrinksToSmallestInteger() {
        PropertyResult<Double> r = Property.forAll("x < 7", Gens.doubles(0, 1000), (x, t) -> {
                    if (x >= 7) {
                        throw new AssertionError();
                    }
                })
                .run();
        assertThat(r.shrunkValue()).isEqualTo(7.0);
    }

    record Sized(int n, List<Integer> xs) {}

    @Test
    void dependentSizeAndListShrinksToOneElement101() {
        Gen<Sized> gen = Gens.integers(1, 20)
                .flatMap(n -> Gens.listsOfSize(Gens.integers(0, 1000), n).map(xs -> new Sized(n, xs)));
        PropertyResult<Sized> r = Property.forAll("all <= 100", gen, (s, t) -> {
                    if (s.xs().stream().anyMatch(x -> x > 100)) {
                        throw new AssertionError();
                    }
                })
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.shrunkValue()).isEqualTo(new Sized(1, List.of(101)));
    }

    @Test
    void shrinkingKeepsTheFailureType() {
        // Two ways to fail: an IllegalStateException for large x, an AssertionError for odd x. A
        // case that first fails with the exception must shrink to a case failing the same way.
        PropertyResult<Integer> r = Property.forAll("two failures", Gens.integers(0, 1_000_000), (x, t) -> {
                    if (x > 500_000) {
                        throw new IllegalStateException("big");
                    }
                    if (x % 2 == 1) {
                        throw new AssertionError("odd");
                    }
                })
                .seed(3)
                .edgeCases(false)
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.original().value()).isGreaterThan(500_000);
        assertThat(r.failure()).isInstanceOf(IllegalStateException.class);
        assertThat(r.shrunkValue()).isEqualTo(500_001);
    }
}
