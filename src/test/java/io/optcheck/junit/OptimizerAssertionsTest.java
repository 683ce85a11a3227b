package io.optcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.SamplePlugins;
import io.optcheck.method.plugin.UserEstimators;
import io.optcheck.prop.Observations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The AssertJ entry point: it runs the same checks as OptimizerCheck and EstimatorCheck and fails
 * with the same labelled message; configuration comes before the check.
 */
class OptimizerAssertionsTest {

    static final SamplePlugins.Gd SIGN_BUG = new SamplePlugins.Gd("sign-bug-gd", 1, -1);

    /** The JUnit form of the same check, for comparing the messages. */
    static class SignBugJUnit {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return OptimizerCheck.of(SIGN_BUG)
                    .theorems("conf.reference-equivalence")
                    .tries(10)
                    .tests();
        }
    }

    private static String message(Throwable t) {
        return t.getMessage();
    }

    @Test
    void aCorrectGdSatisfiesTheSelectedTheoremsAndTheyReallyRan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("obs.jsonl");
        String old = System.getProperty(Observations.PROPERTY);
        System.setProperty(Observations.PROPERTY, file.toString());
        try {
            // 30 tries: gd.descent-lemma's coverage rules need them
            OptimizerAssertions.assertThat(new SamplePlugins.Gd())
                    .withTries(30)
                    .satisfies("conf.determinism", "gd.descent-lemma");
        } finally {
            if (old == null) {
                System.clearProperty(Observations.PROPERTY);
            } else {
                System.setProperty(Observations.PROPERTY, old);
            }
        }
        // The observations show which regimes ran, and that each made its 30 tries.
        ObjectMapper json = new ObjectMapper();
        Set<String> properties = new TreeSet<>();
        int passed = 0;
        for (String line : Files.readAllLines(file)) {
            JsonNode n = json.readTree(line);
            if (n.get("type").asText().equals("test_case")) {
                properties.add(n.get("property").asText());
                passed += n.get("status").asText().equals("passed") ? 1 : 0;
            }
        }
        assertThat(properties)
                .contains("conf.determinism/holds on sample-gd", "gd.descent-lemma/holds on sample-gd")
                .allMatch(p -> p.startsWith("conf.determinism/") || p.startsWith("gd.descent-lemma/"));
        assertThat(passed).isGreaterThanOrEqualTo(30 * 2);
    }

    @Test
    void aSignBugFailsWithTheLabelledMessageOfTheJUnitCheck() {
        AssertionError e = Assertions.assertThrows(
                AssertionError.class,
                () -> OptimizerAssertions.assertThat(SIGN_BUG).withTries(10).satisfies("conf.reference-equivalence"));
        String m = message(e);
        assertThat(m)
                .startsWith(
                        "Expecting io.optcheck.method.plugin.SamplePlugins$Gd to satisfy conf.reference-equivalence, "
                                + "but 1 of 1 regimes failed:");
        assertThat(m)
                .contains(
                        "Theorem 'conf.reference-equivalence' regime 'holds' FAILED on method sign-bug-gd",
                        "  theorem:         conf.reference-equivalence",
                        "  method:          sign-bug-gd",
                        "  outcome:         broken",
                        "  replay:          ./optcheck run --method-class io.optcheck.method.plugin.SamplePlugins$Gd --classpath "
                                + "<your classes> --replay conf.reference-equivalence/holds/oc1-",
                        "  replay:          mvn test -Doptcheck.theoremReplay=conf.reference-equivalence/holds/oc1-");
        Event failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SignBugJUnit.class))
                .execute()
                .testEvents()
                .failed()
                .list()
                .get(0);
        String junit = failed.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow()
                .getMessage();
        assertThat(m).contains(junit);
    }

    @Test
    void configurationAfterTheCheckIsRefused() {
        OptimizerAssert a =
                OptimizerAssertions.assertThat(new SamplePlugins.Gd()).withTries(20);
        a.satisfies("conf.determinism");
        assertThatThrownBy(() -> a.withTries(500))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withTries(500) comes after satisfies(\"conf.determinism\")")
                .hasMessageContaining("Configure first");
    }

    @Test
    void nothingApplyingFailsAndSaysWhy() {
        assertThatThrownBy(() ->
                        OptimizerAssertions.assertThat(new SamplePlugins.Gd()).satisfies("adapt.no-such-theorem"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but nothing ran: ")
                .hasMessageContaining("no theorem applies")
                .hasMessageContaining("sample-gd");
        assertThatThrownBy(() ->
                        OptimizerAssertions.assertThat(new SamplePlugins.Gd()).satisfies(new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("satisfiesEveryApplicableTheorem()");
        assertThatThrownBy(() -> OptimizerAssertions.assertThat((PluggableOptimizer) null)
                        .satisfies("conf.*"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not to be null");
    }

    @Test
    void theDescriptionLeadsTheMessage() {
        assertThatThrownBy(() -> OptimizerAssertions.assertThat(SIGN_BUG)
                        .as("my gd")
                        .withTries(10)
                        .satisfies("conf.reference-equivalence"))
                .hasMessageStartingWith("[my gd] Expecting io.optcheck.method.plugin.SamplePlugins$Gd to satisfy");
    }

    @Test
    void estimatorsAreCheckedToo() {
        OptimizerAssertions.assertThat(new UserEstimators.UniformWithoutReplacement())
                .withTries(200)
                .satisfies("sgd.unbiased-minibatch");
        assertThatThrownBy(() -> OptimizerAssertions.assertThat(new UserEstimators.OffByOne())
                        .withTries(200)
                        .satisfies("sgd.unbiased-minibatch"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but 1 of 1 regimes failed")
                .hasMessageContaining("  theorem:         sgd.unbiased-minibatch")
                .hasMessageContaining("bias E[estimate] - grad f(x) = (")
                .hasMessageContaining("--estimator-class " + UserEstimators.OffByOne.class.getName());
        assertThatThrownBy(() -> OptimizerAssertions.assertThat(new UserEstimators.OffByOne())
                        .satisfies("gd.*"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no theorem applies to estimator");
        OptimizerAssertions.assertThat(new UserEstimators.SelfRandomUniform())
                .withTries(20)
                .satisfies("sgd.unbiased-minibatch");
    }
}
