package io.optcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.junit.OptimizerCheck;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.conf.PluginTheorems;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ND4J adapters checked as a user checks an optimizer (the JUnit entry point
 * {@link OptimizerCheck}), and what broke, asserted so that a later optcheck change cannot
 * silently stop finding it. The evidence for each break is reproduced by hand in
 * {@link Nd4jHandReproductionTest}.
 */
class Nd4jFindingsTest {

    static final int TRIES = 60;

    /** Every conformance property and kind theorem except GD's (the main command runs those). */
    static final String[] FILTER = {"conf.*", "adapt.*", "gd.nesterov*"};

    /** The adapters that keep every guarantee their declared kind has: one test per regime. */
    @TestFactory
    Stream<DynamicNode> adaptersThatConform() {
        return Stream.<PluggableOptimizer>of(
                        new Nd4jSgd(),
                        new Nd4jNesterovs(),
                        new Nd4jAdam(),
                        new Nd4jAmsGrad(),
                        new Nd4jRmsProp(),
                        new Nd4jAdaGrad(),
                        new Nd4jAdaDelta())
                .flatMap(p -> OptimizerCheck.of(p).theorems(FILTER).tries(TRIES).tests());
    }

    private static Result run(PluggableOptimizer p, String theorem, String regime) {
        for (Theorem<?> t : PluginTheorems.applicable(PluginProvider.of(p), Catalog.builtIn(), List.of(theorem))) {
            return TheoremRunner.run(t, t.regime(regime), TRIES, RunSettings.ci());
        }
        throw new AssertionError(theorem + " does not apply to " + p.id());
    }

    /** The same adapter under another id with other declared ranges. */
    private static PluggableOptimizer withRanges(
            PluggableOptimizer inner, String id, Map<String, PluggableOptimizer.Range> ranges) {
        return new PluggableOptimizer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public MethodKind kind() {
                return inner.kind();
            }

            @Override
            public Map<String, String> conventions() {
                return inner.conventions();
            }

            @Override
            public Map<String, Range> hyperparameterRanges() {
                return ranges;
            }

            @Override
            public Optimizer<?> create(Hyperparameters h) {
                return inner.create(h);
            }
        };
    }

    /**
     * ND4J's Nadam (defect: v is never bias-corrected, so the step is 1/sqrt(1 - b2^t) times
     * Ruder's): reference equivalence breaks; zero gradient, determinism and checkpoint/resume hold.
     */
    @Test
    void nadamBreaksReferenceEquivalenceOnly() {
        Nd4jNadam nadam = new Nd4jNadam();
        assertThat(run(nadam, "conf.reference-equivalence", "holds").outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(run(nadam, "conf.zero-gradient", "holds").outcome()).isEqualTo(Outcome.HELD);
        assertThat(run(nadam, "conf.determinism", "holds").outcome()).isEqualTo(Outcome.HELD);
        assertThat(run(nadam, "conf.checkpoint-resume", "holds").outcome()).isEqualTo(Outcome.HELD);
    }

    /**
     * ND4J's AdaMax (defect: the configured epsilon has no effect): reference equivalence breaks
     * with eps drawn from optcheck's default range, and holds when the same adapter is checked at
     * eps = 0 only, so eps is the whole difference.
     */
    @Test
    void adaMaxBreaksReferenceEquivalenceThroughItsEpsilonAlone() {
        assertThat(run(new Nd4jAdaMax(), "conf.reference-equivalence", "holds").outcome())
                .isEqualTo(Outcome.BROKEN);
        PluggableOptimizer epsZero =
                withRanges(new Nd4jAdaMax(), "nd4j.adamax-eps-zero", Map.of("eps", new PluggableOptimizer.Range(0, 0)));
        assertThat(run(epsZero, "conf.reference-equivalence", "holds").outcome())
                .isEqualTo(Outcome.HELD);
    }

    /**
     * ND4J's AdaBelief cannot be built through its documented path: every conformance property is
     * an error naming the exception (conf.checkpoint-resume too: it no longer copies the state of a
     * run that never started).
     */
    @Test
    void adaBeliefIsAnErrorNamingTheException() {
        Nd4jAdaBelief b = new Nd4jAdaBelief();
        for (String theorem : List.of(
                "conf.zero-gradient",
                "conf.reference-equivalence",
                "conf.determinism",
                "conf.robustness",
                "conf.checkpoint-resume")) {
            Result r = run(b, theorem, "holds");
            assertThat(r.outcome()).as(theorem).isEqualTo(Outcome.ERROR);
            assertThat(r.error().message())
                    .as(theorem)
                    .contains(
                            "init threw java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1");
        }
    }

    /** Adam without its declared eps &gt; 0: the zero-gradient property finds the NaN. */
    @Test
    void adamAtEpsZeroTurnsAZeroGradientIntoNaN() {
        PluggableOptimizer undeclared = withRanges(new Nd4jAdam(), "nd4j.adam-eps-undeclared", Map.of());
        Result r = run(undeclared, "conf.zero-gradient", "holds");
        assertThat(r.outcome()).isIn(Outcome.BROKEN, Outcome.ERROR);
        assertThat(r.error() != null ? r.error().message() : r.counterexample().summary())
                .contains("NaN");
        assertThat(run(new Nd4jAdam(), "conf.zero-gradient", "holds").outcome()).isEqualTo(Outcome.HELD);
    }
}
