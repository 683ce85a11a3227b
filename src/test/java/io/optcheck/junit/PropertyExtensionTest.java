package io.optcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventConditions;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs {@link Fixture} through the JUnit Platform (EngineTestKit) and checks what a user of
 * {@link PropertyTest} sees: passes, labelled failure messages, overrides and replay.
 */
class PropertyExtensionTest {

    static final String FIXTURE_SWITCH = "optcheck.fixtures";

    /** Lets fixture classes run only when the testkit launches them with the switch set. */
    static final class OnlyUnderTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURE_SWITCH).isPresent()
                    ? ConditionEvaluationResult.enabled("run by PropertyExtensionTest")
                    : ConditionEvaluationResult.disabled("fixture: only run by PropertyExtensionTest");
        }
    }

    /** What the fixture bodies saw, for the override and replay checks. */
    static final List<Integer> SEEN = new ArrayList<>();

    @ExtendWith(OnlyUnderTestKit.class)
    static class Fixture {

        @PropertyTest(tries = 200)
        Property<Integer> passes() {
            return Property.forAll("abs is non-negative", Gens.integers(-1000, 1000), (x, t) -> {
                if (Math.abs(x) < 0) {
                    throw new AssertionError("negative");
                }
            });
        }

        @PropertyTest(tries = 300, seed = 5)
        Property<Integer> fails() {
            return Property.forAll("x below 500", Gens.integers(0, 10_000), (x, t) -> {
                t.label(x < 100 ? "small" : "large");
                t.note("x was " + x);
                if (x >= 500) {
                    throw new IllegalStateException("x = " + x + " is too big");
                }
            });
        }

        @PropertyTest(tries = 37, seed = 9, edgeCases = false)
        Property<Integer> records() {
            return Property.forAll("records what it sees", Gens.integers(0, 1_000_000), (x, t) -> {
                synchronized (SEEN) {
                    SEEN.add(x);
                }
            });
        }

        @PropertyTest
        Property<Integer> filterExhausted() {
            return Property.forAll(
                    "impossible filter", Gens.integers(0, 10).filter("greater than ten", x -> x > 10), (x, t) -> {});
        }

        @PropertyTest(tries = 200)
        Property<Integer> coverageUnmet() {
            return Property.forAll(
                            "covers huge",
                            Gens.integers(0, 100),
                            (x, t) -> t.classify(x > 99, "huge").classify(x <= 99, "normal"))
                    .cover("huge", 50);
        }
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    private static EngineExecutionResults run(String method, Map<String, String> params) {
        var kit = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(FIXTURE_SWITCH, "true")
                .configurationParameters(params);
        kit = method == null
                ? kit.selectors(selectClass(Fixture.class))
                : kit.selectors(selectMethod(Fixture.class, method));
        return kit.execute();
    }

    private static Throwable failureOf(EngineExecutionResults r) {
        List<Event> failed = r.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
    }

    @Test
    void fixtureIsDisabledWithoutTheSwitch() {
        EngineExecutionResults r = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Fixture.class))
                .execute();
        r.containerEvents()
                .assertThatEvents()
                .haveAtLeastOne(EventConditions.event(
                        EventConditions.container(Fixture.class),
                        EventConditions.skippedWithReason(s -> s.contains("only run by PropertyExtensionTest"))));
        assertThat(r.testEvents().started().count()).isZero();
    }

    @Test
    void passingPropertyPasses() {
        EngineExecutionResults r = run("passes", Map.of());
        r.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        // The one test under the factory is named after the property and its settings.
        assertThat(r.testEvents().succeeded().list().get(0).getTestDescriptor().getDisplayName())
                .isEqualTo("abs is non-negative (tries 200, seed 42)");
    }

    @Test
    void failingPropertyFailsWithTheLabelledReport() {
        EngineExecutionResults r = run("fails", Map.of());
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable t = failureOf(r);
        assertThat(t).isInstanceOf(AssertionFailedError.class);
        String m = t.getMessage();
        assertThat(m).startsWith("Property 'x below 500' FAILED");
        assertThat(m)
                .contains("  property:        x below 500")
                .contains("  status:          FAILED")
                .contains("  seed:            5")
                .contains("  tries:")
                .contains("(rejected 0)")
                .contains("  found by:        ")
                .contains("  original:        ")
                .contains("  shrunk:          500")
                .contains("  shrink steps:    ")
                .contains("  failure:         java.lang.IllegalStateException: x = 500 is too big")
                .contains("  notes:           x was 500")
                .contains("  statistics:")
                .contains("small")
                .contains("  replay token:    oc1-")
                .contains("  replay:          mvn test -Dtest=PropertyExtensionTest$Fixture#fails"
                        .replace("PropertyExtensionTest$Fixture", "'PropertyExtensionTest$Fixture"));
        String token = tokenOf(m);
        assertThat(m).contains("#fails' -Doptcheck.replay=" + token);
        // The cause is the shrunk case's own exception.
        assertThat(t.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("x = 500 is too big");
    }

    static String tokenOf(String message) {
        Matcher mt = Pattern.compile("replay token:\\s+(oc1-[A-Za-z0-9_-]+)").matcher(message);
        assertThat(mt.find()).as("token in message").isTrue();
        return mt.group(1);
    }

    @Test
    void overridesApply() {
        run("records", Map.of());
        List<Integer> byAnnotation = new ArrayList<>(SEEN);
        assertThat(byAnnotation).hasSize(37);

        SEEN.clear();
        EngineExecutionResults r = run("records", Map.of("optcheck.tries", "11", "optcheck.seed", "12345"));
        r.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(SEEN).hasSize(11);
        assertThat(SEEN).isNotEqualTo(byAnnotation.subList(0, 11));
        assertThat(r.testEvents().succeeded().list().get(0).getTestDescriptor().getDisplayName())
                .isEqualTo("records what it sees (tries 11, seed 12345)");

        // Same override, same values: the seed alone decides the tries.
        List<Integer> first = new ArrayList<>(SEEN);
        SEEN.clear();
        run("records", Map.of("optcheck.tries", "11", "optcheck.seed", "12345"));
        assertThat(SEEN).isEqualTo(first);
    }

    @Test
    void badOverrideFailsWithItsName() {
        EngineExecutionResults r = run("passes", Map.of("optcheck.tries", "many"));
        assertThat(r.allEvents().failed().count()).isEqualTo(1);
        Throwable t = r.allEvents()
                .failed()
                .list()
                .get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertThat(t).hasMessageContaining("-Doptcheck.tries=many is not a whole number");
    }

    @Test
    void replayRerunsTheShrunkCase() {
        String token = tokenOf(failureOf(run("fails", Map.of())).getMessage());
        // Replay with a different seed and very few tries: only the token decides the case.
        EngineExecutionResults r =
                run("fails", Map.of("optcheck.replay", token, "optcheck.seed", "999", "optcheck.tries", "1"));
        Throwable t = failureOf(r);
        assertThat(t.getMessage())
                .contains("  found by:        REPLAY")
                .contains("  shrunk:          500")
                .contains("  tries:           1 (rejected 0)");
        assertThat(t.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("x = 500 is too big");
    }

    @Test
    void replayAppliesOnlyToTheMatchingProperty() {
        String token = tokenOf(failureOf(run("fails", Map.of())).getMessage());
        SEEN.clear();
        EngineExecutionResults r = run(null, Map.of("optcheck.replay", token));
        // "fails" replays its case and fails; "records" draws from another range, so the token's
        // fingerprint does not match and it is skipped with the reason; it never ran its body
        // on random values.
        List<Event> failed = r.testEvents().failed().list();
        assertThat(failed)
                .extracting(e -> e.getTestDescriptor().getDisplayName())
                .containsExactly("x below 500 (tries 300, seed 5)");
        List<Event> aborted = r.testEvents().aborted().list();
        assertThat(aborted)
                .extracting(e -> e.getTestDescriptor().getDisplayName())
                .contains("records what it sees (tries 37, seed 9)");
        Throwable why = aborted.get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertThat(why).isInstanceOf(TestAbortedException.class).hasMessageContaining("fingerprint does not match");
        assertThat(SEEN).hasSizeLessThanOrEqualTo(1); // at most the one replay attempt
    }

    @Test
    void scopedReplayOfAMismatchedTokenFailsClearly() {
        String token = tokenOf(failureOf(run("fails", Map.of())).getMessage());
        EngineExecutionResults r =
                run("records", Map.of("optcheck.replay", token, "optcheck.replay.property", "records what it sees"));
        Throwable t = failureOf(r);
        assertThat(t)
                .hasMessageContaining("replay token does not match property 'records what it sees'")
                .hasMessageContaining("generator changed");
    }

    @Test
    void damagedTokenFailsClearly() {
        EngineExecutionResults r = run("fails", Map.of("optcheck.replay", "oc1-AAAA"));
        Throwable t = failureOf(r);
        assertThat(t).hasMessageContaining("is damaged").hasMessageContaining("copy it whole");
    }

    @Test
    void filterExhaustionIsAnErrorNamingTheFilter() {
        Throwable t = failureOf(run("filterExhausted", Map.of()));
        assertThat(t.getMessage()).contains("  status:          ERROR").contains("greater than ten");
    }

    @Test
    void unmetCoverageFailsWithTheLabelTable() {
        Throwable t = failureOf(run("coverageUnmet", Map.of()));
        assertThat(t.getMessage())
                .contains("  status:          FAILED")
                .contains("label 'huge'")
                .contains("normal")
                .containsPattern("\\d+\\.\\d\\d%  \\(\\d+\\)  huge");
    }

    @Test
    void wholeFixtureRunsBesideEachOther() {
        EngineExecutionResults r = run(null, Map.of());
        r.testEvents().assertStatistics(s -> s.started(5).succeeded(2).failed(3));
    }
}
