package io.optcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.plugin.SamplePlugins;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The JUnit entry point as a user meets it: fixture classes with one {@code @TestFactory} each,
 * run through the JUnit Platform (EngineTestKit). A correct GD passes; GD with a sign bug and GD
 * whose lr is off by 1e-6 fail exactly the tests that should catch them.
 */
class OptimizerCheckTest {

    static final String[] FILTER = {"conf.*", "gd.descent-lemma"};

    static class CorrectGd {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return OptimizerCheck.of(new SamplePlugins.Gd())
                    .theorems(FILTER)
                    .tries(30)
                    .tests();
        }
    }

    static class SignBugGd {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return OptimizerCheck.of(new SamplePlugins.Gd("sign-bug-gd", 1, -1))
                    .theorems(FILTER)
                    .tries(30)
                    .tests();
        }
    }

    static class LrOffGd {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return OptimizerCheck.of(new SamplePlugins.Gd("lr-off-gd", 1 + 1e-6, 1))
                    .theorems("conf.reference-equivalence", "conf.determinism")
                    .tests();
        }
    }

    static class NothingApplies {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            return OptimizerCheck.of(new SamplePlugins.Gd())
                    .theorems("adapt.no-such-theorem")
                    .tests();
        }
    }

    /** GD that cannot copy its state. */
    static class NoCopyGd {
        @TestFactory
        Stream<DynamicNode> optcheck() {
            PluggableOptimizer p = new PluggableOptimizer() {
                @Override
                public String id() {
                    return "no-copy-gd";
                }

                @Override
                public MethodKind kind() {
                    return MethodKind.GD;
                }

                @Override
                public Optimizer<?> create(Hyperparameters h) {
                    double lr = h.get("lr");
                    return new Optimizer<double[]>() {
                        @Override
                        public double[] init(double[] x0) {
                            return x0.clone();
                        }

                        @Override
                        public double[] step(double[] x, Oracle o) {
                            double[] g = o.gradient(x);
                            double[] n = x.clone();
                            for (int i = 0; i < n.length; i++) {
                                n[i] -= lr * g[i];
                            }
                            return n;
                        }

                        @Override
                        public double[] position(double[] x) {
                            return x.clone();
                        }
                    };
                }
            };
            return OptimizerCheck.of(p)
                    .theorems("conf.checkpoint-resume", "conf.determinism")
                    .tries(30)
                    .tests();
        }
    }

    private static Events run(Class<?> c) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(c))
                .execute()
                .testEvents();
    }

    private static List<String> names(Events e) {
        return e.stream().map(ev -> ev.getTestDescriptor().getDisplayName()).toList();
    }

    private static List<String> failedTests(Events tests) {
        return tests.failed().stream()
                .map(OptimizerCheckTest::fullName)
                .sorted()
                .toList();
    }

    private static String fullName(Event ev) {
        return ev.getTestDescriptor().getDisplayName();
    }

    private static String message(Event ev) {
        return ev.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .map(Throwable::getMessage)
                .orElse("");
    }

    @Test
    void aCorrectGdPassesEveryApplicableRegime() {
        Events tests = run(CorrectGd.class);
        assertThat(tests.failed().count())
                .as(String.valueOf(failedTests(tests)))
                .isZero();
        assertThat(tests.succeeded().count()).isGreaterThanOrEqualTo(9);
        // scale invariance's holds regime does not apply to GD: reported as aborted with the reason
        assertThat(tests.aborted().stream().map(ev -> message(ev)))
                .anyMatch(m -> m.contains("not applicable") && m.contains("does not normalize"));
        assertThat(names(tests))
                .contains(
                        "applicable theorems",
                        "conf.determinism / holds (expected holds)",
                        "conf.gradient-scale-invariance / drop:normalized-update (expected breaks)");
    }

    @Test
    void aSignBugFailsReferenceEquivalenceAndTheDescentLemma() {
        Events tests = run(SignBugGd.class);
        List<String> failed = failedTests(tests);
        assertThat(failed).anyMatch(n -> n.contains("conf.reference-equivalence"));
        assertThat(failed).anyMatch(n -> n.contains("gd.descent-lemma"));
        // determinism, zero gradient and equivariance do not see the sign: they must pass
        assertThat(failed)
                .noneMatch(n -> n.contains("conf.determinism")
                        || n.contains("conf.zero-gradient")
                        || n.contains("equivariance")
                        || n.contains("checkpoint"));
        String message = tests.failed().stream()
                .filter(ev -> fullName(ev).contains("conf.reference-equivalence"))
                .findFirst()
                .map(OptimizerCheckTest::message)
                .orElseThrow();
        assertThat(message)
                .contains(
                        "theorem:",
                        "method:",
                        "sign-bug-gd",
                        "regime:",
                        "assumptions:",
                        "expected:",
                        "outcome:",
                        "counterexample:",
                        "replay",
                        "bound",
                        "violated",
                        "seed:",
                        "shrunk:");
    }

    @Test
    void anLrOffByOnePartInAMillionIsCaught() {
        Events tests = run(LrOffGd.class);
        assertThat(failedTests(tests)).hasSize(1).allMatch(n -> n.contains("conf.reference-equivalence"));
    }

    /** The failure message's mvn line reruns exactly that case: one failure, the rest skipped. */
    @Test
    void theReplayLineOfAFailureRerunsOnlyThatCase() {
        String message = failedOf(run(LrOffGd.class));
        Matcher m = Pattern.compile("-D" + OptimizerCheck.REPLAY_PROPERTY.replace(".", "\\.") + "=(\\S+)")
                .matcher(message);
        assertThat(m.find()).as(message).isTrue();
        String old = System.getProperty(OptimizerCheck.REPLAY_PROPERTY);
        System.setProperty(OptimizerCheck.REPLAY_PROPERTY, m.group(1));
        try {
            Events again = run(LrOffGd.class);
            assertThat(failedTests(again)).hasSize(1).allMatch(n -> n.contains("conf.reference-equivalence"));
            assertThat(again.succeeded().stream().map(OptimizerCheckTest::fullName))
                    .allMatch(n -> n.equals("applicable theorems"));
        } finally {
            if (old == null) {
                System.clearProperty(OptimizerCheck.REPLAY_PROPERTY);
            } else {
                System.setProperty(OptimizerCheck.REPLAY_PROPERTY, old);
            }
        }
    }

    private static String failedOf(Events tests) {
        return tests.failed().stream()
                .findFirst()
                .map(OptimizerCheckTest::message)
                .orElseThrow();
    }

    @Test
    void zeroApplicableTheoremsIsAFailureNotAPass() {
        Events tests = run(NothingApplies.class);
        assertThat(tests.failed().count()).isEqualTo(1);
        assertThat(tests.failed().stream()
                        .findFirst()
                        .map(OptimizerCheckTest::message)
                        .orElseThrow())
                .contains("no theorem applies", "sample-gd", "kind gd");
    }

    @Test
    void checkpointResumeIsNotApplicableWithoutCopy() {
        Events tests = run(NoCopyGd.class);
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.aborted().stream().map(ev -> message(ev)))
                .containsExactly(
                        "not applicable: no-copy-gd declares supportsCopy() = false: its state cannot be copied, "
                                + "so checkpoint/resume cannot be checked");
    }
}
