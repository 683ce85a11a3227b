package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A declared theorem is its spec plus the code that differs; the framework refuses a spec regime
 * with no code and code for a regime the spec lacks, naming the file. The fixtures' specs are in
 * src/test/resources/specs/test.
 */
class DeclaredTheoremTest {

    /**
     * The descent lemma's eta/2 form in one dimension, f = x^2 / 2 (L = 1), one GD step from x = 1
     * with eta = h: the decrease is (1 - (1 - h)^2)/2 = h - h^2/2 against the bound h/2, which holds
     * exactly for h &lt;= 1. {@code breakingCase} names the spec's breaking regime, {@code extra} a
     * regime the spec does not have.
     */
    static final class Fixture extends KindTheorem<Double> {
        private final boolean breakingCase;
        private final boolean extra;

        Fixture(String id, boolean breakingCase, boolean extra) {
            super(id);
            this.breakingCase = breakingCase;
            this.extra = extra;
        }

        @Override
        public Gen<Double> instances(Regime r) {
            Cases<Gen<Double>> c = Cases.<Gen<Double>>on(r)
                    .when("holds", () -> Gens.doubles(0, 1).knob("h").filter("h > 0", v -> v > 0));
            if (breakingCase) {
                c = c.when("eta-gt-1-over-l", () -> Gens.doubles(1, 2).knob("h").filter("h > 1", v -> v > 1));
            }
            if (extra) {
                c = c.when("eta-gt-2-over-l", () -> Gens.doubles(2, 4).knob("h"));
            }
            return c.get();
        }

        @Override
        protected Evaluation checkOn(Double h, Regime r) {
            Quadratic q = Quadratic.diagonal(new double[] {1});
            return TrajectoryCheck.run(method(lr(h)), q, new double[] {1}, 1, (t, prev, cur, series) -> {
                double g = prev[0];
                double bound = (1 + tighten()) * h * g * g / 2;
                return Check.atLeast("decrease", t, q.value(prev) - q.value(cur), bound, Tolerance.of(1, 1));
            });
        }

        @Override
        public OptionalDouble thresholdValue(Double h, Regime r) {
            return OptionalDouble.of(h);
        }
    }

    @Test
    void theSpecDeclaresWhatTheClassDoesNotRestate() {
        Fixture t = new Fixture("test.uncoded-regime", true, false);
        t.validate();
        assertThat(t.id()).isEqualTo("test.uncoded-regime");
        assertThat(t.methodId()).isEqualTo("gd");
        assertThat(t.regimes()).extracting(Regime::id).containsExactly("holds", "eta-gt-1-over-l");
        Regime breaking = t.regime("eta-gt-1-over-l");
        assertThat(breaking.dropped()).isEqualTo("step-le-1-over-l");
        assertThat(breaking.assumptions()).containsExactly("l-smooth");
        assertThat(breaking.threshold()).isEqualTo(new Regime.ThresholdSpec("eta L", 1.0));
        assertThat(t.regime("holds").assumptions()).containsExactly("l-smooth", "step-le-1-over-l");
        assertThat(t.tightReference("eta-half-form")).hasValue(1.0);
    }

    @Test
    void aDeclaredTheoremRunsItsRegimesAsTheSpecExpects() {
        Fixture t = new Fixture("test.uncoded-regime", true, false);
        Result holds = TheoremRunner.run(t, t.regime("holds"), 200, RunSettings.ci());
        assertThat(holds.outcome()).isEqualTo(Outcome.HELD);
        Result breaks = TheoremRunner.run(t, t.regime("eta-gt-1-over-l"), 200, RunSettings.ci());
        assertThat(breaks.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(breaks.threshold().found()).isBetween(1.0, 1.01);
    }

    @Test
    void tighteningIsACopyAndTheOriginalStaysAsStated() {
        Fixture t = new Fixture("test.uncoded-regime", true, false);
        Theorem<Double> tight = t.withTightenedBounds(1e-3);
        assertThat(TheoremRunner.run(tight, tight.regime("holds"), 200, RunSettings.ci())
                        .outcome())
                .as("the bound h/2 is an equality at h = 1: raised by 1e-3 it breaks")
                .isEqualTo(Outcome.BROKEN);
        assertThat(TheoremRunner.run(t, t.regime("holds"), 200, RunSettings.ci())
                        .outcome())
                .isEqualTo(Outcome.HELD);
    }

    @Test
    void aSpecRegimeWithNoCodeIsALoadError() {
        Fixture t = new Fixture("test.uncoded-regime", false, false);
        assertThatThrownBy(t::validate)
                .isInstanceOf(Specs.SpecException.class)
                .hasMessageContaining("specs/test/uncoded-regime.md")
                .hasMessageContaining("regime 'eta-gt-1-over-l' of the spec has no code");
        assertThatThrownBy(() -> Catalog.of(List.of(t))).isInstanceOf(Specs.SpecException.class);
    }

    @Test
    void codeForARegimeTheSpecLacksIsALoadError() {
        Fixture t = new Fixture("test.extra-case", false, true);
        assertThatThrownBy(t::validate)
                .isInstanceOf(Specs.SpecException.class)
                .hasMessageContaining("specs/test/extra-case.md")
                .hasMessageContaining("a case for regime 'eta-gt-2-over-l', which the spec does not declare");
    }

    @Test
    void aSpecWithoutKindCannotDeclareAKindTheorem() {
        assertThatThrownBy(() -> new Fixture("test.wrong-check", true, false))
                .isInstanceOf(Specs.SpecException.class)
                .hasMessageContaining("specs/test/wrong-check.md")
                .hasMessageContaining("kind");
    }

    static String spec(String kind, String regimes) {
        return "---\nid: a.b\ntitle: t\nmethod: gd\n" + kind + "assumptions: [l-smooth, step-le-1-over-l]\n"
                + "conclusions: [{id: c, latex: x}]\nregimes:\n" + regimes
                + "tries: {ci: 1, full: 2}\nsource: s\n---\n";
    }

    @Test
    void aMalformedRegimeIsAClearErrorNamingTheFileAndTheRegime() {
        String ok = "  - {id: holds, conclusion: c, expected: holds}\n";
        assertThat(Specs.parse(spec("kind: gd\n", ok), "specs/a/b.md").kind()).isEqualTo("gd");
        assertThatThrownBy(() -> Specs.parse(spec("kind: no-such\n", ok), "specs/a/b.md"))
                .hasMessageContaining("specs/a/b.md")
                .hasMessageContaining("'kind: no-such' is not a method kind");
        assertThatThrownBy(() -> Specs.parse(spec("", ok + ok), "specs/a/b.md"))
                .hasMessageContaining("regime 'holds'")
                .hasMessageContaining("two regimes have this id");
        assertThatThrownBy(() -> Specs.parse(spec("", "  - {id: x, conclusion: d, expected: holds}\n"), "specs/a/b.md"))
                .hasMessageContaining("regime 'x'")
                .hasMessageContaining("conclusion 'd' is not among the conclusions [c]");
        assertThatThrownBy(() -> Specs.parse(
                        spec("", "  - {id: x, conclusion: c, expected: breaks, drops: no-such}\n"), "specs/a/b.md"))
                .hasMessageContaining("regime 'x'")
                .hasMessageContaining("unknown assumption id 'no-such'");
        assertThatThrownBy(() -> Specs.parse(
                        spec(
                                "",
                                "  - {id: x, conclusion: c, expected: breaks, drops: l-smooth, "
                                        + "assumptions: [l-smooth]}\n"),
                        "specs/a/b.md"))
                .hasMessageContaining("drops 'l-smooth' but also lists it");
        assertThatThrownBy(() -> Specs.parse(
                        spec("", "  - {id: x, conclusion: c, expected: breaks, threshold: 2}\n"), "specs/a/b.md"))
                .hasMessageContaining("'threshold' must be '{parameter: NAME, theory: NUMBER}'");
    }
}
