package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.MethodKind;
import io.optcheck.theory.Assumptions;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ListExplainTest {

    @Test
    void listShowsTheoremsRegimesMethodsAndAssumptions() {
        Cli r = Cli.run("list");
        assertThat(r.exit()).isZero();
        for (Theorem<?> t : Catalog.builtIn().theorems()) {
            assertThat(r.out())
                    .contains(t.id() + "  " + Specs.load(t.id()).title() + "  (method " + t.methodId() + ")");
            for (Regime g : t.regimes()) {
                assertThat(r.out())
                        .containsPattern("(?m)^    " + Pattern.quote(g.id()) + " +expected "
                                + g.expected().json() + " +conclusion " + Pattern.quote(g.conclusion()) + "$");
            }
        }
        // the methods section lists method ids sorted; "adam" (adaptive theorems) now precedes "gd"
        assertThat(r.out()).containsPattern("(?m)^Methods\\n(  [a-z0-9-]+\\n)*  gd$");
        for (String a : Assumptions.ids()) {
            assertThat(r.out())
                    .containsPattern(
                            "(?m)^  " + Pattern.quote(a) + " +" + Pattern.quote(Assumptions.statement(a)) + "$");
        }
    }

    @Test
    void explainRendersTheSpecForATerminal() {
        Cli r = Cli.run("explain", "gd.descent-lemma");
        assertThat(r.exit()).isZero();
        Spec spec = Specs.load("gd.descent-lemma");
        assertThat(r.out()).startsWith("Descent lemma\n=============\n");
        assertThat(r.out()).contains("id:      gd.descent-lemma", "method:  gd", "source:  " + spec.source());
        for (String a : spec.assumptions()) {
            assertThat(r.out())
                    .containsPattern(
                            "(?m)^  " + Pattern.quote(a) + " +" + Pattern.quote(Assumptions.statement(a)) + "$");
        }
        for (Spec.Conclusion c : spec.conclusions()) {
            assertThat(r.out()).contains(c.id(), c.latex());
        }
        for (Regime g : Catalog.builtIn().get("gd.descent-lemma").regimes()) {
            assertThat(r.out())
                    .containsPattern("(?m)^  " + Pattern.quote(g.id()) + " +"
                            + Pattern.quote(g.conclusion()) + " +"
                            + g.expected().json() + " +"
                            + Pattern.quote(g.description()) + "$");
        }
        // Markdown headings become underlined headings; the body text is kept.
        assertThat(r.out())
                .contains(
                        "Derivation\n----------\n",
                        "What is measured\n----------------\n",
                        "L-smoothness gives the quadratic upper bound");
        assertThat(r.out()).doesNotContainPattern("(?m)^#+ ");
    }

    @Test
    void listAndExplainShowTheKindATheoremAppliesTo() {
        Cli r = Cli.run("list");
        assertThat(r.exit()).isZero();
        Catalog c = Catalog.builtIn();
        assertThat(c.kinds())
                .containsEntry("gd.descent-lemma", MethodKind.GD)
                .containsEntry("gd.heavy-ball-quadratic", MethodKind.HEAVY_BALL)
                .doesNotContainKey("gd.armijo");
        for (Theorem<?> t : c.theorems()) {
            String line = t.id() + "  " + Specs.load(t.id()).title() + "  (method " + t.methodId() + ")";
            if (c.kinds().containsKey(t.id())) {
                assertThat(r.out())
                        .contains(line + "  [applies to kind "
                                + c.kinds().get(t.id()).id() + "]");
            } else {
                assertThat(r.out()).containsPattern("(?m)^  " + Pattern.quote(line) + "$");
            }
        }
        assertThat(r.out()).containsPattern("(?m)^Method kinds .*\\n(  [a-z-]+ +\\([a-z0-9, ]*\\)  .+\\n){15}");
        assertThat(r.out())
                .containsPattern(
                        "(?m)^  heavy-ball +\\(lr, momentum\\)  gd\\.heavy-ball-quadratic, gd\\.heavy-ball-strongly-convex$");
        assertThat(r.out()).containsPattern("(?m)^  rmsprop +\\(lr, rho, eps\\)  adapt\\.rmsprop-step-bound$");
        // the kinds with only a reference definition are checked by the conformance properties alone
        assertThat(r.out()).containsPattern("(?m)^  nadam +\\(lr, b1, b2, eps\\)  no theorems$");
        assertThat(Cli.run("explain", "gd.descent-lemma").out())
                .contains("kind:    gd (applies to any method of this kind; hyperparameters lr)");
        assertThat(Cli.run("explain", "gd.armijo").out()).doesNotContain("kind:");
    }

    @Test
    void markdownHeadingsOfEveryLevel() {
        assertThat(ExplainCommand.markdownBody("# Top\ntext\n### Deep\n#not a heading"))
                .isEqualTo("Top\n===\ntext\nDeep\n----\n#not a heading\n");
    }

    @Test
    void helpAndVersion() {
        Cli help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("run", "list", "explain", "Exit codes");
        Cli runHelp = Cli.run("run", "--help");
        assertThat(runHelp.out()).contains("--fail-on-violation", "--replay", "--waivers", "--quick");
        Cli version = Cli.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("optcheck ").doesNotContain("${");
    }
}
