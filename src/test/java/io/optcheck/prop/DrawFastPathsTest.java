package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * The engine's cheap ways of drawing give exactly what the plain definitions give: short doubles
 * equal BigDecimal's rounding bit for bit, edge values equal the stream pipeline that defined
 * them, names built on first use equal the formatted ones, and label counts are unchanged.
 */
class DrawFastPathsTest {

    static double exact(double v, int digits) {
        return new BigDecimal(v)
                .round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .doubleValue();
    }

    static void assertSameAsBigDecimal(double v, int digits) {
        assertThat(Double.doubleToRawLongBits(DoubleGen.roundToSignificant(v, digits)))
                .as("%s to %d significant digits", v, digits)
                .isEqualTo(Double.doubleToRawLongBits(exact(v, digits)));
    }

    @Test
    void shortDoublesRoundTheExactBinaryValueHalfToEven() {
        assertThat(DoubleGen.roundToSignificant(2.5, 1)).isEqualTo(2.0);
        assertThat(DoubleGen.roundToSignificant(3.5, 1)).isEqualTo(4.0);
        assertThat(DoubleGen.roundToSignificant(0.125, 2)).isEqualTo(0.12);
        assertThat(DoubleGen.roundToSignificant(0.375, 2)).isEqualTo(0.38);
        // 0.35 is 0.34999999999999997779... in binary: it rounds down, where "0.35" would round up
        assertThat(DoubleGen.roundToSignificant(0.35, 1)).isEqualTo(0.3);
        assertThat(DoubleGen.roundToSignificant(9.96, 2)).isEqualTo(10.0);
        assertThat(DoubleGen.roundToSignificant(-0.0254, 2)).isEqualTo(-0.025);
        assertThat(DoubleGen.roundToSignificant(123456, 2)).isEqualTo(120000.0);
        assertThat(DoubleGen.roundToSignificant(7e-300, 1)).isEqualTo(7e-300);
    }

    @Test
    void shortDoublesEqualBigDecimalOnRandomValuesOfEveryScale() {
        SplittableRandom rng = new SplittableRandom(20261207L);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, -40 + 80 * rng.nextDouble());
            double v = rng.nextBoolean() ? magnitude : -magnitude;
            assertSameAsBigDecimal(v, 1 + (i & 1));
        }
    }

    @Test
    void shortDoublesEqualBigDecimalAtTiesPowersOfTenAndTheirNeighbours() {
        List<Double> values = new ArrayList<>();
        for (int k = -26; k <= 26; k++) {
            for (int m = 1; m <= 999; m++) {
                // m * 10^k (powers of ten among them) and the midpoints (m + 1/2) * 10^k
                for (String s : new String[] {m + "E" + k, (10 * m + 5) + "E" + (k - 1)}) {
                    double v = Double.parseDouble(s);
                    values.add(v);
                    values.add(Math.nextUp(v));
                    values.add(Math.nextDown(v));
                }
            }
        }
        // exact binary ties: (m + 1/2) * 2^-j
        for (int j = 0; j <= 12; j++) {
            for (int m = 0; m < 2000; m++) {
                values.add((m + 0.5) / (1 << j));
            }
        }
        values.addAll(List.of(Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e22, 1e23, 1e-22, 1e-23));
        for (double v : values) {
            assertSameAsBigDecimal(v, 1);
            assertSameAsBigDecimal(v, 2);
            assertSameAsBigDecimal(-v, 1);
            assertSameAsBigDecimal(-v, 2);
        }
    }

    /** The edge values as the stream pipeline defined them before they were cached. */
    static double[] streamRangeEdges(DoubleGen g, double[] extraEdges) {
        DoubleStream base = g.isLogScale()
                ? DoubleStream.of(g.min(), g.max(), 1.0).filter(v -> v >= g.min() && v <= g.max())
                : DoubleStream.of(g.min(), g.max(), g.target());
        return DoubleStream.concat(base, Arrays.stream(extraEdges)).distinct().toArray();
    }

    static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToLongBits).toArray();
    }

    @Test
    void edgeValuesAreTheDistinctEndsTargetEdgesAndSpecialsInOrder() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        record Case(DoubleGen gen, double[] edges, double[] specials) {}
        List<Case> cases = List.of(
                new Case(Gens.doubles(-1, 1), new double[0], new double[0]),
                new Case(Gens.doubles(0, 0), new double[0], new double[0]),
                new Case(Gens.doubles(2, 5).withEdges(2, 3, 3, 5), new double[] {2, 3, 3, 5}, new double[0]),
                new Case(Gens.doubles(-1, 1).withEdges(-0.0, 0.0), new double[] {-0.0, 0.0}, new double[0]),
                new Case(Gens.logDoubles(1e-3, 1e3), new double[0], new double[0]),
                new Case(Gens.logDoubles(2, 5).withEdges(4), new double[] {4}, new double[0]),
                new Case(Gens.logDoubles(1, 1), new double[0], new double[0]),
                new Case(
                        Gens.doubles(-1, 1).withEdges(0.5).withSpecials(nan, inf, -0.0, 0.0, 1, nan, 0.5),
                        new double[] {0.5},
                        new double[] {nan, inf, -0.0, 0.0, 1, nan, 0.5}));
        for (Case c : cases) {
            double[] range = streamRangeEdges(c.gen(), c.edges());
            double[] all = DoubleStream.concat(Arrays.stream(range), Arrays.stream(c.specials()))
                    .distinct()
                    .toArray();
            assertThat(bits(c.gen().rangeEdges()))
                    .as("range edges of %s", c.gen())
                    .containsExactly(bits(range));
            assertThat(bits(c.gen().edgeValues()))
                    .as("edge values of %s", c.gen())
                    .containsExactly(bits(all));
            assertThat(c.gen().edgeValues()).as("cached").isSameAs(c.gen().edgeValues());
        }
        assertThat(Gens.logDoubles(2, 5).rangeEdges()).containsExactly(2, 5);
        assertThat(Gens.doubles(-1, 1).edgeValues()).containsExactly(-1, 1, 0);
    }

    @Test
    void namesBuiltOnFirstUseReadAsFormattedNames() {
        assertThat(Gens.integers(-3, 7).describe()).isEqualTo("integers[-3, 7]");
        assertThat(Gens.longs(0, Long.MAX_VALUE).toString()).isEqualTo("longs[0, 9223372036854775807]");
        assertThat(Gens.doubleArrays(Gens.doubles(0, 1), 3).toString()).isEqualTo("doubleArrays(3)");
        assertThat(Gens.listsOfSize(Gens.booleans(), 2).toString()).isEqualTo("listsOfSize(2)");
        assertThat(Gens.integers(1, 2).map(x -> x).describe()).isEqualTo("integers[1, 2].map");
        assertThat(Gens.integers(1, 2).flatMap(Gens::just).describe()).isEqualTo("integers[1, 2].flatMap");
        assertThat(Gens.integers(1, 2).zip(Gens.booleans(), (a, b) -> a).describe())
                .isEqualTo("integers[1, 2].zip");
        assertThat(Gens.doubles(1e-3, 1.0).describe()).isEqualTo("doubles[0.001, 1.0]");
        assertThat(Gens.logDoubles(1e-3, 1e3).toString()).isEqualTo("doubles[0.001, 1000.0] log");
    }

    @Test
    void spansAreLabelledWithTheirGeneratorsNames() {
        Gen<Object> g = Gens.combine(
                        Gens.integers(0, 9), Gens.doubles(0, 1), Gens.just("x"), Gens.lists(Gens.booleans(), 1, 1))
                .as((a, b, c, d) -> a);
        Source s = Source.random(3);
        s.draw(g);
        List<String> labels =
                s.sequence().spans().stream().map(ChoiceSequence.Span::label).toList();
        // inner spans end first; just(...) draws nothing and has no span
        assertThat(labels)
                .containsExactly("integers[0, 9]", "doubles[0.0, 1.0]", "booleans", "lists(booleans)", "combine");
        ChoiceSequence.Span span = s.sequence().spans().get(0);
        assertThat(span).isEqualTo(new ChoiceSequence.Span(0, 1, 1, "integers[0, 9]"));
        assertThat(span.toString()).isEqualTo("Span[start=0, end=1, depth=1, label=integers[0, 9]]");
    }

    @Test
    void aLabelCountsOncePerTryAndTriesWithoutLabelsCountInTheTotal() {
        int[] expected = new int[4]; // odd, big, four, tries; counted by the body itself
        PropertyResult<Integer> r = Property.forAll("labels", Gens.integers(0, 99), (x, t) -> {
                    expected[3]++;
                    if (x % 2 == 1) {
                        t.label("odd").label("odd").classify(x > 50, "big");
                        expected[0]++;
                        expected[1] += x > 50 ? 1 : 0;
                    } else if (x % 4 == 0) {
                        t.label("four");
                        expected[2]++;
                    }
                })
                .edgeCases(false) // the edge phase reruns the body on repeated cases, which do not count
                .tries(400)
                .run();
        assertThat(r.passed()).isTrue();
        assertThat(expected[3]).isEqualTo(400);
        assertThat(r.statistics().total()).isEqualTo(400);
        assertThat(r.statistics().counts())
                .isEqualTo(Map.of("odd", expected[0], "big", expected[1], "four", expected[2]));
        assertThat(expected[0] + expected[2]).as("some tries carry no label").isLessThan(400);
        assertThat(expected[1]).as("some tries carry two labels").isPositive();
    }

    @Test
    void aSourceIsSealedOnceItsSequenceIsTakenSoTheSequenceNeedNotCopy() {
        Source s = Source.random(3);
        s.draw(Gens.integers(0, 9));
        ChoiceSequence seq = s.sequence();
        assertThat(s.sequence()).isSameAs(seq);
        assertThatThrownBy(() -> s.draw(Gens.integers(0, 9)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the source's sequence was taken");
        assertThat(seq.size()).isEqualTo(1);
        assertThatThrownBy(() -> seq.choices().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(seq).isEqualTo(new ChoiceSequence(seq.choices(), seq.spans()));
        assertThat(seq.hashCode()).isEqualTo(new ChoiceSequence(seq.choices(), seq.spans()).hashCode());
    }
}
