package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random draws are biased toward small, repeated and boundary values and still cover the whole
 * range. Counts over a fixed seed stream; each bound is far from the rate the design gives (in
 * brackets), so the assertions hold for any seed stream, not only this one.
 */
class GenerationBiasTest {

    static final int N = 20_000;

    @Test
    void integersMixSmallRepeatedAndBoundaryValuesIntoTheFullRange() {
        int equal = 0;
        int near = 0;
        int small = 0;
        int max = 0;
        int high = 0;
        int low = 0;
        Gen<Integer> ints = Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
        for (int i = 0; i < N; i++) {
            Source s = Source.random(i);
            int x = s.draw(ints);
            int y = s.draw(ints);
            equal += x == y ? 1 : 0;
            near += x != y && Math.abs((long) x - y) <= 2 ? 1 : 0;
            small += Math.abs((long) y) < 1 << 16 ? 1 : 0;
            max += y == Integer.MAX_VALUE ? 1 : 0;
            high += y > 1 << 30 ? 1 : 0;
            low += y < -(1 << 30) ? 1 : 0;
        }
        assertThat(equal).as("y repeats x [1/16 * 1/2 = 3.1%%]").isGreaterThan(N / 50);
        assertThat(near).as("y within 2 of x [1/16 * 1/2 = 3.1%%]").isGreaterThan(N / 100);
        assertThat(small).as("|y| < 2^16 [about 1/4]").isGreaterThan(N / 8);
        assertThat(max).as("y = max [1/32 * 1/5]").isGreaterThan(N / 400);
        assertThat(high).as("y > 2^30 [about 1/4 * 0.7]").isGreaterThan(N / 10);
        assertThat(low).as("y < -2^30 [about 1/4 * 0.7]").isGreaterThan(N / 10);
    }

    @Test
    void doublesMixShortAndBoundaryValuesIntoTheFullRange() {
        DoubleGen d = Gens.doubles(-1e6, 1e6);
        int shortValues = 0;
        int ends = 0;
        int repeats = 0;
        int far = 0;
        for (int i = 0; i < N; i++) {
            Source s = Source.random(i);
            double x = d.draw(s);
            double y = d.draw(s);
            repeats += x == y ? 1 : 0;
            shortValues += y == Math.rint(y / 1e4) * 1e4 ? 1 : 0;
            ends += Math.abs(y) == 1e6 ? 1 : 0;
            far += Math.abs(y) > 9e5 ? 1 : 0;
            assertThat(y).isBetween(-1e6, 1e6);
        }
        assertThat(repeats).as("y repeats x [1/16]").isGreaterThan(N / 40);
        assertThat(shortValues)
                .as("two significant digits [1/16, more with the edges]")
                .isGreaterThan(N / 40);
        assertThat(ends).as("an end of the range [1/32 * 2/3]").isGreaterThan(N / 100);
        assertThat(far).as("beyond 9e5 [about 0.1 * 7/8]").isGreaterThan(N / 20);
    }

    @Test
    void narrowRangesStayUniformApartFromEdgesAndRepeats() {
        // [1, 20], a dimension: no small-value bias (the whole range is small), so each value keeps
        // at least 3/4 of its uniform share of 5%.
        int[] counts = new int[21];
        for (int i = 0; i < N; i++) {
            counts[Source.random(i).draw(Gens.integers(1, 20))]++;
        }
        for (int v = 1; v <= 20; v++) {
            assertThat(counts[v]).as("value %d", v).isGreaterThan(N / 20 * 3 / 4);
        }
    }

    @Test
    void aFailureNeedingEqualValuesIsFoundWithoutEdgeCases() {
        Gen<List<Long>> pairs = Gens.combineAll(
                List.of(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE), Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE)));
        PropertyResult<List<Long>> r = Property.forAll("x != y", pairs, (xy, t) -> {
                    if (xy.get(0).equals(xy.get(1)) && xy.get(0) > 10) {
                        throw new AssertionError("equal");
                    }
                })
                .edgeCases(false)
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.foundBy()).isEqualTo(Phase.RANDOM);
        assertThat(r.shrunkValue()).containsExactly(11L, 11L);
    }
}
