package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each primitive and combinator: values in range and a plausible distribution. Fixed seeds make
 * every count deterministic; the bounds are about 5 standard deviations wide, so a correct
 * generator passes for any seed and a biased one (off by a few percent) fails.
 */
class GeneratorsTest {

    static <T> List<T> sample(Gen<T> gen, int n) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Source.random(Property.trySeed(2024, i)).draw(gen));
        }
        return out;
    }

    static <T> Map<T, Integer> counts(List<T> xs) {
        Map<T, Integer> c = new HashMap<>();
        xs.forEach(x -> c.merge(x, 1, Integer::sum));
        return c;
    }

    /** Binomial count check: |count - n p| <= 5 sqrt(n p (1 - p)). */
    static void binomial(long count, int n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat((double) count)
                .as("count %d of %d, expected p = %s", count, n, p)
                .isBetween(n * p - 5 * sd, n * p + 5 * sd);
    }

    @Test
    void integersAreUniformInRangeApartFromTheEdgeShare() {
        // A first draw (nothing earlier to repeat) on a narrow range: 1 in 32 takes one of the five
        // edge values (-5, -4, 0, 16, 17, each 1/5 of that), the rest is uniform over the 23 values.
        List<Integer> xs = sample(Gens.integers(-5, 17), 23_000);
        assertThat(xs).allMatch(x -> x >= -5 && x <= 17);
        Map<Integer, Integer> c = counts(xs);
        assertThat(c).hasSize(23);
        double edge = 1.0 / Source.EDGE_ODDS;
        c.forEach((v, k) -> binomial(
                k, 23_000, (1 - edge) / 23 + (List.of(-5, -4, 0, 16, 17).contains(v) ? edge / 5 : 0)));
    }

    @Test
    void longsCoverWideRanges() {
        List<Long> xs = sample(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE), 10_000);
        binomial(xs.stream().filter(x -> x < 0).count(), 10_000, 0.5);
        List<Long> wide = sample(Gens.longs(-4_000_000_000_000L, 6_000_000_000_000L), 10_000);
        assertThat(wide).allMatch(x -> x >= -4_000_000_000_000L && x <= 6_000_000_000_000L);
        binomial(wide.stream().filter(x -> x < 0).count(), 10_000, 0.4);
        assertThat(sample(Gens.longs(7, 7), 10)).containsOnly(7L);
    }

    @Test
    void doublesAreUniformInRange() {
        List<Double> xs = sample(Gens.doubles(-2, 3), 10_000);
        assertThat(xs).allMatch(x -> x >= -2 && x <= 3);
        binomial(xs.stream().filter(x -> x < 0).count(), 10_000, 0.4);
        binomial(xs.stream().filter(x -> x > 2.5).count(), 10_000, 0.1);
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isBetween(0.5 - 0.08, 0.5 + 0.08); // sd of the mean 0.0144
    }

    @Test
    void logDoublesBalanceDecades() {
        int n = 12_000;
        List<Double> xs = sample(Gens.logDoubles(1e-3, 1e3), n);
        assertThat(xs).allMatch(x -> x >= 1e-3 && x <= 1e3);
        int[] decade = new int[6];
        for (double x : xs) {
            decade[Math.min(5, (int) Math.floor(Math.log10(x) + 3))]++;
        }
        for (int k : decade) {
            binomial(k, n, 1.0 / 6);
        }
        // Uniform doubles would put 90% in the top decade.
        List<Double> uniform = sample(Gens.doubles(1e-3, 1e3), 2000);
        binomial(uniform.stream().filter(x -> x >= 100).count(), 2000, 0.9);
    }

    @Test
    void specialsAppearAtTheirRate() {
        int n = 10_000;
        List<Double> xs = sample(Gens.doubles(0, 1).withSpecials(Double.NaN, Double.POSITIVE_INFINITY), n);
        long nan = xs.stream().filter(x -> x.isNaN()).count();
        long inf = xs.stream().filter(x -> x == Double.POSITIVE_INFINITY).count();
        binomial(nan + inf, n, 0.05);
        binomial(nan, n, 0.025);
        assertThat(xs).filteredOn(Double::isFinite).allMatch(x -> x >= 0 && x <= 1);
    }

    @Test
    void booleansAreFair() {
        binomial(sample(Gens.booleans(), 10_000).stream().filter(b -> b).count(), 10_000, 0.5);
    }

    @Test
    void oneOfPicksUniformly() {
        Map<String, Integer> c = counts(sample(Gens.oneOf("a", "b", "c"), 9000));
        assertThat(c).containsOnlyKeys("a", "b", "c");
        c.values().forEach(k -> binomial(k, 9000, 1.0 / 3));
    }

    @Test
    void oneOfGensPicksEachGenerator() {
        List<Integer> xs = sample(Gens.oneOfGens(Gens.integers(0, 9), Gens.integers(100, 109)), 10_000);
        assertThat(xs).allMatch(x -> (x >= 0 && x <= 9) || (x >= 100 && x <= 109));
        binomial(xs.stream().filter(x -> x >= 100).count(), 10_000, 0.5);
    }

    @Test
    void frequencyFollowsWeights() {
        List<String> xs = sample(
                Gens.frequency(
                        Gens.weight(1, Gens.just("x")), Gens.weight(3, Gens.just("y")), Gens.weight(6, Gens.just("z"))),
                10_000);
        Map<String, Integer> c = counts(xs);
        binomial(c.get("x"), 10_000, 0.1);
        binomial(c.get("y"), 10_000, 0.3);
        binomial(c.get("z"), 10_000, 0.6);
        assertThatThrownBy(() -> Gens.weight(0, Gens.just(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsRespectSizeBounds() {
        List<List<Integer>> xs = sample(Gens.lists(Gens.integers(0, 9), 2, 6), 5000);
        assertThat(xs).allMatch(l -> l.size() >= 2 && l.size() <= 6);
        assertThat(xs).allMatch(l -> l.stream().allMatch(x -> x >= 0 && x <= 9));
        Map<Integer, Integer> sizes = counts(xs.stream().map(List::size).toList());
        assertThat(sizes).containsOnlyKeys(2, 3, 4, 5, 6);
        double mean = xs.stream().mapToInt(List::size).average().orElseThrow();
        assertThat(mean).isBetween(3.0, 5.0);
        assertThat(sample(Gens.lists(Gens.integers(0, 9), 0, 0), 100)).allMatch(List::isEmpty);
        List<List<Integer>> big = sample(Gens.lists(Gens.integers(0, 9), 0, 1000), 500);
        assertThat(big.stream().mapToInt(List::size).max().orElseThrow()).isGreaterThan(40);
        assertThat(big.stream().mapToInt(List::size).average().orElseThrow()).isBetween(12.0, 30.0);
        assertThatThrownBy(() -> Gens.lists(Gens.integers(0, 1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedSizeCollections() {
        assertThat(sample(Gens.listsOfSize(Gens.integers(0, 9), 7), 100)).allMatch(l -> l.size() == 7);
        List<double[]> arrays = sample(Gens.doubleArrays(Gens.doubles(-1, 1), 5), 1000);
        assertThat(arrays).allMatch(a -> a.length == 5);
        assertThat(arrays).allMatch(a -> Arrays.stream(a).allMatch(x -> x >= -1 && x <= 1));
        List<double[]> dependent = sample(Gens.doubleArrays(Gens.doubles(0, 1), Gens.integers(1, 4)), 1000);
        assertThat(counts(dependent.stream().map(a -> a.length).toList())).containsOnlyKeys(1, 2, 3, 4);
    }

    @Test
    void mapFlatMapFilter() {
        assertThat(sample(Gens.integers(0, 10).map(x -> 2 * x), 1000)).allMatch(x -> x % 2 == 0 && x >= 0 && x <= 20);
        List<List<Integer>> dependent =
                sample(Gens.integers(1, 5).flatMap(n -> Gens.listsOfSize(Gens.integers(n, n), n)), 2000);
        assertThat(dependent).allMatch(l -> l.stream().allMatch(x -> x == l.size()));
        assertThat(counts(dependent.stream().map(List::size).toList())).containsOnlyKeys(1, 2, 3, 4, 5);
        List<Integer> thirds = sample(Gens.integers(0, 99).filter("multiple of 3", x -> x % 3 == 0), 5000);
        assertThat(thirds).allMatch(x -> x % 3 == 0);
        assertThat(counts(thirds)).hasSize(34);
    }

    @Test
    void combineAs() {
        record P(int a, double b) {}
        List<P> ps =
                sample(Gens.combine(Gens.integers(1, 3), Gens.doubles(5, 6)).as(P::new), 2000);
        assertThat(ps).allMatch(p -> p.a() >= 1 && p.a() <= 3 && p.b() >= 5 && p.b() <= 6);
        List<Integer> sums = sample(
                Gens.combine(Gens.integers(0, 1), Gens.integers(0, 1), Gens.integers(0, 1), Gens.integers(0, 1))
                        .as((a, b, c, d) -> a + b + c + d),
                8000);
        Map<Integer, Integer> c = counts(sums);
        binomial(c.get(0), 8000, 1.0 / 16);
        binomial(c.get(2), 8000, 6.0 / 16);
        List<String> three = sample(
                Gens.combine(Gens.just("a"), Gens.oneOf("b"), Gens.just("c")).as((a, b, cc) -> a + b + cc), 10);
        assertThat(three).containsOnly("abc");
    }

    @Test
    void invalidDoubleRangesAreRefused() {
        Consumer<Runnable> refused = r -> assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class);
        refused.accept(() -> Gens.doubles(1, 0));
        refused.accept(() -> Gens.doubles(0, Double.POSITIVE_INFINITY));
        refused.accept(() -> Gens.doubles(Double.NaN, 1));
        refused.accept(() -> Gens.logDoubles(0, 1));
        refused.accept(() -> Gens.doubles(0, 1).withEdges(2.0));
        refused.accept(() -> Gens.doubles(0, 1).shrinkDigits(-1));
    }
}
