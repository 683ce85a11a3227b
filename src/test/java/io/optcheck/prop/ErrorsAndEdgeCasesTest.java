package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine errors, coverage requirements, and the edge-case phase. */
class ErrorsAndEdgeCasesTest {

    @Test
    void filterThatRejectsEverythingIsAnErrorNamingTheFilter() {
        PropertyResult<Integer> r = Property.forAll(
                        "never runs", Gens.integers(0, 10).filter("x above ten", x -> x > 10), (x, t) -> {
                            throw new AssertionError("the body must not run");
                        })
                .tries(100)
                .run();
        assertThat(r.status()).isEqualTo(PropertyResult.Status.ERROR);
        assertThat(r.message()).contains("x above ten").contains("could not produce inputs");
        assertThat(r.tries()).isZero();
        assertThat(FailureReport.message(r)).contains("status:          ERROR").contains("x above ten");
    }

    @Test
    void rejectingBodyIsAnErrorWithItsReason() {
        PropertyResult<Integer> r = Property.forAll(
                        "rejects", Gens.integers(0, 10), (x, t) -> t.reject("precondition x > 10"))
                .tries(50)
                .run();
        assertThat(r.status()).isEqualTo(PropertyResult.Status.ERROR);
        assertThat(r.message()).contains("precondition x > 10");
    }

    @Test
    void unmetCoverageFailsWithTheLabelTable() {
        PropertyResult<Integer> r = Property.forAll("covers", Gens.integers(0, 99), (x, t) -> {
                    t.classify(x < 5, "x < 5").classify(x >= 5, "x >= 5");
                })
                .cover("x < 5", 20)
                .tries(500)
                .run();
        assertThat(r.status()).isEqualTo(PropertyResult.Status.FAILED);
        assertThat(r.failure()).isNull();
        assertThat(r.message())
                .contains("label 'x < 5'")
                .contains("below the required 20.00%")
                .containsPattern("\\d+\\.\\d\\d%  \\(\\d+\\)  x >= 5")
                .containsPattern("\\d+\\.\\d\\d%  \\(\\d+\\)  x < 5");
        // The measured share is about 5%; the table states it.
        assertThat(r.statistics().percent("x < 5")).isBetween(3.0, 9.0);
    }

    @Test
    void metCoveragePasses() {
        PropertyResult<Integer> r = Property.forAll("covers", Gens.integers(0, 99), (x, t) -> t.classify(x < 50, "low"))
                .cover("low", 40)
                .tries(500)
                .run();
        assertThat(r.passed()).isTrue();
    }

    static <T> Property<T> failsOnlyAt(String name, Gen<T> gen, T bad) {
        return Property.forAll(name, gen, (x, t) -> {
            if (x.equals(bad)) {
                throw new AssertionError("edge value " + x);
            }
        });
    }

    @Test
    void dimensionOneIsTriedFirst() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll("dims", Gens.integers(1, 20), (d, t) -> seen.add(d))
                .tries(100)
                .run();
        assertThat(seen.get(0)).isEqualTo(1);
    }

    @Test
    void rangeEndsAreFoundByTheEdgePhase() {
        PropertyResult<Integer> top = failsOnlyAt("not 1000000", Gens.integers(0, 1_000_000), 1_000_000)
                .run();
        assertThat(top.failed()).isTrue();
        assertThat(top.foundBy()).isEqualTo(Phase.EDGE);
        assertThat(top.shrunkValue()).isEqualTo(1_000_000);

        PropertyResult<Double> end =
                failsOnlyAt("not 10.0", Gens.doubles(-3, 10), 10.0).run();
        assertThat(end.foundBy()).isEqualTo(Phase.EDGE);

        PropertyResult<Integer> noEdges = failsOnlyAt("not 1000000", Gens.integers(0, 1_000_000), 1_000_000)
                .edgeCases(false)
                .run();
        if (noEdges.failed()) {
            assertThat(noEdges.foundBy()).isEqualTo(Phase.RANDOM);
        }
        // Random tries mix boundary values in (1 draw in 32 takes an edge value of its range), so
        // with the edge phase off the end is still found, by the random phase.
        PropertyResult<Double> endNoEdges = failsOnlyAt("not 10.0", Gens.doubles(-3, 10), 10.0)
                .edgeCases(false)
                .run();
        assertThat(endNoEdges.failed()).isTrue();
        assertThat(endNoEdges.foundBy()).isEqualTo(Phase.RANDOM);
        assertThat(endNoEdges.shrunkValue()).isEqualTo(10.0);
    }

    @Test
    void declaredEdgeValuesAreFoundByTheEdgePhase() {
        // A step fraction of exactly 1 (eta = 1/L), declared as an edge value.
        DoubleGen fraction = Gens.doubles(0, 4).withEdges(1.0);
        PropertyResult<Double> r = failsOnlyAt("not exactly one", fraction, 1.0).run();
        assertThat(r.failed()).isTrue();
        assertThat(r.foundBy()).isEqualTo(Phase.EDGE);
        assertThat(r.shrunkValue()).isEqualTo(1.0);

        // Random tries mix the declared edges in too, so the random phase finds it as well.
        PropertyResult<Double> off =
                failsOnlyAt("not exactly one", fraction, 1.0).edgeCases(false).run();
        assertThat(off.failed()).isTrue();
        assertThat(off.foundBy()).isEqualTo(Phase.RANDOM);
        // Without the declaration, 1.0 is found only as a rounded random value (two significant
        // digits, 1 draw in 16), never by the edge phase: it is not a range end.
        PropertyResult<Double> undeclared =
                failsOnlyAt("not exactly one", Gens.doubles(0, 4), 1.0).run();
        assertThat(undeclared.foundBy()).isNotEqualTo(Phase.EDGE);
    }

    @Test
    void edgeValuesInsideCombinedGenerators() {
        // Fails only when both a dimension of 1 and the declared step 1.0 occur together.
        Gen<double[]> gen = Gens.combine(
                        Gens.integers(1, 20), Gens.doubles(0, 4).withEdges(1.0))
                .as((d, h) -> new double[] {d, h});
        PropertyResult<double[]> r = Property.forAll("not (d = 20 and h = 1)", gen, (v, t) -> {
                    if (v[0] == 20 && v[1] == 1.0) {
                        throw new AssertionError();
                    }
                })
                .run();
        assertThat(r.foundBy()).isEqualTo(Phase.EDGE);
        assertThat(r.shrunkValue()).containsExactly(20, 1.0);
    }

    @Test
    void scoreThresholdFails() {
        PropertyResult<Double> r = Property.forAll("ratio below 0.9", Gens.doubles(0, 1), (x, t) -> t.target(x))
                .failWhenScoreAtLeast(0.9)
                .edgeCases(false)
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.failure()).isInstanceOf(Property.ScoreThresholdReached.class);
        assertThat(r.shrunkValue()).isEqualTo(0.9);
    }
}
