package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.MethodState;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Theorems about a method kind run on any provider of that kind: the reference provider gives
 * exactly the built-in results, a wrong GD is caught, a correct GD written here (not optcheck's
 * class) passes, and a provider that rejects a hyperparameter gives an error result naming it.
 */
class RetargetTest {

    /**
     * Smoke depth: regimes expected to hold (or with no guarantee) at 20 tries, breaking regimes at
     * their CI tries (the search stops at its first find, so a break is cheap).
     */
    private static Result smoke(Theorem<?> t, Regime r) {
        int tries = r.expected() == Expected.BREAKS ? Specs.load(t.id()).ciTries() : Math.max(20, coverageTries(t, r));
        return TheoremRunner.run(t, r, tries, RunSettings.ci());
    }

    /**
     * Tries that a regime's coverage rules need to be met at all: a rule of m% needs 100 / m tries
     * for a single labelled one. (At 20 tries a 1% rule on "dimension >= 10", one value in ten,
     * missed with probability 0.9^18 = 15%, whatever the generator.)
     */
    private static int coverageTries(Theorem<?> t, Regime r) {
        return t.coverage(r).stream()
                .mapToInt(c -> (int) Math.ceil(100 / c.minPercent()))
                .max()
                .orElse(0);
    }

    /** Everything a result says except the wall time and the declared conventions (the built-in binding declares none). */
    private static Result comparable(Result r) {
        return r.toBuilder().durationMs(0).conventions(Map.of()).build();
    }

    @Test
    void referenceProviderGivesExactlyTheBuiltInResults() {
        RunSettings s = RunSettings.ci().withTries(25);
        Catalog c = Catalog.builtIn();
        int compared = 0;
        // gd.descent-lemma and gd.quadratic-stability are left out only for time: their breaking
        // regimes shrink for seconds.
        for (String id : List.of(
                "gd.strongly-convex-rate",
                "gd.heavy-ball-strongly-convex",
                "gd.nesterov-convex",
                "gd.nesterov-strongly-convex",
                "adapt.adam-reference",
                "adapt.scale-invariance")) {
            Theorem<?> builtIn = c.get(id);
            RetargetableTheorem<?> rt = (RetargetableTheorem<?>) builtIn;
            // The built-in adam-reference runs AdamW's update (decoupled lr * wd * x) under the id adam.
            MethodProvider ref = id.equals("adapt.adam-reference")
                    ? renamed(MethodProviders.reference(MethodKind.ADAMW), "adam")
                    : MethodProviders.reference(rt.methodKind());
            Theorem<?> retargeted = rt.withMethod(ref);
            assertThat(retargeted.methodId()).isEqualTo(builtIn.methodId());
            assertThat(retargeted.conventions()).isEqualTo(ref.conventions());
            // The reference declares the default conventions; a regime about another one (Nesterov's
            // simplified form) is not run on it.
            assertThat(builtIn.regimes()).containsAll(retargeted.regimes());
            for (Regime r : retargeted.regimes()) {
                if (r.lowPrecision().isPresent()) {
                    // the built-in runs a float32 or bfloat16 regime in that format; the float64 reference does not
                    // apply
                    assertThat(retargeted.notApplicable(r))
                            .as(id + "/" + r.id())
                            .get()
                            .asString()
                            .contains("declares float64");
                    continue;
                }
                Result a = TheoremRunner.run(builtIn, r, 25, s);
                Result b = TheoremRunner.run(retargeted, r, 25, s);
                assertThat(comparable(b)).as(id + "/" + r.id()).isEqualTo(comparable(a));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(10);
    }

    @Test
    void applicableToListsTheTheoremsOfTheProvidersKindSortedById() {
        Catalog c = Catalog.builtIn();
        MethodProvider gd = plainGd("acme-gd", 1.0);
        List<Theorem<?>> gdTheorems = c.applicableTo(gd);
        List<String> ids = gdTheorems.stream().map(Theorem::id).toList();
        assertThat(ids)
                .isSorted()
                .contains("gd.descent-lemma", "gd.pl-rate", "land.strict-saddle-escape")
                .doesNotContain("gd.armijo", "gd.gradient-flow", "gd.clipping", "adapt.adam-reference");
        assertThat(gdTheorems).allSatisfy(t -> {
            assertThat(t.methodId()).isEqualTo("acme-gd");
            assertThat(t.conventions()).isEqualTo(Map.of("written-by", "test"));
        });
        // Exactly the theorems the catalog lists as about kind gd.
        List<String> byKind = c.kinds().entrySet().stream()
                .filter(e -> e.getValue() == MethodKind.GD)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(ids).isEqualTo(byKind);
        assertThat(c.kindOf("gd.armijo")).isEmpty();
        assertThat(c.kindOf("gd.descent-lemma")).contains(MethodKind.GD);
        assertThat(c.applicableTo(MethodProviders.reference(MethodKind.RMSPROP)))
                .extracting(Theorem::id)
                .containsExactly("adapt.rmsprop-step-bound");
        // the kinds with only a reference definition have no catalog theorem (conformance only)
        assertThat(c.applicableTo(MethodProviders.reference(MethodKind.NADAM))).isEmpty();
    }

    @Test
    void aNesterovProviderGetsOnlyTheRegimesOfTheFormItDeclares() {
        RetargetableTheorem<?> t = (RetargetableTheorem<?>) Catalog.builtIn().get("gd.nesterov-convex");
        assertThat(t.regimes()).extracting(Regime::id).contains("holds", "simplified");
        Theorem<?> lambda = t.withMethod(MethodProviders.reference(MethodKind.NESTEROV));
        Theorem<?> simplified =
                t.withMethod(MethodProviders.reference(MethodKind.NESTEROV, Map.of("nesterov-form", "simplified")));
        assertThat(lambda.regimes()).extracting(Regime::id).containsExactly("holds", "step-gt-1-over-l", "monotone");
        assertThat(simplified.regimes()).extracting(Regime::id).containsExactly("simplified");
        assertThat(simplified.methodId()).isEqualTo("nesterov-simplified");
        assertThat(simplified.conventions()).containsEntry("nesterov-form", "simplified");
        Result r = TheoremRunner.run(simplified, simplified.regime("simplified"), 20, RunSettings.ci());
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        // The lambda-form reference run on the simplified regime's claim would be a different method.
        assertThatThrownBy(() -> lambda.regime("simplified")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetargetedTheoremKeepsItsTeethAndItsMethod() {
        Theorem<?> t = ((RetargetableTheorem<?>) Catalog.builtIn().get("gd.descent-lemma"))
                .withMethod(plainGd("acme-gd", 1.0));
        Theorem<?> tightened = t.withTightenedBounds(1e-3);
        assertThat(tightened.methodId()).isEqualTo("acme-gd");
        Result r = TheoremRunner.run(tightened, tightened.regime("holds"), 200, RunSettings.ci());
        assertThat(r.method()).isEqualTo("acme-gd");
        assertThat(r.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(r.conventions()).isEqualTo(Map.of("written-by", "test"));
    }

    @Test
    void aProviderOfAnotherKindIsRefused() {
        RetargetableTheorem<?> t = (RetargetableTheorem<?>) Catalog.builtIn().get("gd.descent-lemma");
        assertThatThrownBy(() -> t.withMethod(MethodProviders.reference(MethodKind.HEAVY_BALL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heavy-ball")
                .hasMessageContaining("gd");
    }

    @Test
    void aRejectedHyperparameterIsAnErrorResultNamingIt() {
        MethodProvider picky = new MethodProvider() {
            @Override
            public String id() {
                return "picky-gd";
            }

            @Override
            public MethodKind kind() {
                return MethodKind.GD;
            }

            @Override
            public Method<?> create(Hyperparameters h) {
                double lr = h.get("lr");
                if (lr > 1e-3) {
                    throw new IllegalArgumentException("lr must be <= 1e-3, got " + lr);
                }
                return new PlainGd(lr, 1.0);
            }
        };
        Theorem<?> t = ((RetargetableTheorem<?>) Catalog.builtIn().get("gd.descent-lemma")).withMethod(picky);
        Result r = TheoremRunner.run(t, t.regime("holds"), 10, RunSettings.ci());
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.method()).isEqualTo("picky-gd");
        assertThat(r.error().message()).contains("picky-gd", "lr=", "lr must be <= 1e-3");
        assertThat(r.error().step()).isEqualTo(0);
    }

    @Test
    void aGdStepping1PercentTooFarIsCaught() {
        List<String> caught = brokenHoldsRegimes(plainGd("gd-lr-x1.01", 1.01));
        System.out.println("lr x 1.01 caught by " + caught);
        assertThat(caught).contains("gd.descent-lemma/general-form");
    }

    @Test
    void aGdWhoseStepIsOffByOnePartInAMillionIsCaught() {
        // The tight rates are equalities along an eigenvector, so either sign of the error shows.
        // Only the theorems asserted on, for time (the whole GD list catches it in 11 and 12 regimes).
        List<String> ids = List.of("gd.descent-lemma", "gd.quadratic-stability", "gd.strongly-convex-rate");
        List<String> longer = brokenHoldsRegimes(plainGd("gd-lr-x(1+1e-6)", 1 + 1e-6), ids);
        List<String> shorter = brokenHoldsRegimes(plainGd("gd-lr-x(1-1e-6)", 1 - 1e-6), ids);
        System.out.println("lr x (1 + 1e-6) caught by " + longer + "; lr x (1 - 1e-6) caught by " + shorter);
        assertThat(longer).contains("gd.descent-lemma/general-form", "gd.quadratic-stability/holds");
        assertThat(shorter).contains("gd.quadratic-stability/holds", "gd.strongly-convex-rate/holds");
    }

    @Test
    void aGdWithASignBugIsCaught() {
        List<String> caught = brokenHoldsRegimes(
                plainGd("gd-ascent", -1.0), List.of("gd.descent-lemma", "gd.convex-rate", "land.strict-saddle-escape"));
        System.out.println("sign bug caught by " + caught);
        assertThat(caught)
                .contains("gd.descent-lemma/holds", "gd.convex-rate/holds", "land.strict-saddle-escape/holds");
    }

    /** The holds regimes of every GD theorem that the provider breaks (or makes refuse or err). */
    private static List<String> brokenHoldsRegimes(MethodProvider p) {
        return brokenHoldsRegimes(p, null);
    }

    /** The same among the theorems with the given ids (all when null). */
    private static List<String> brokenHoldsRegimes(MethodProvider p, List<String> ids) {
        List<String> caught = new ArrayList<>();
        for (Theorem<?> t : Catalog.builtIn().applicableTo(p)) {
            if (ids != null && !ids.contains(t.id())) {
                continue;
            }
            for (Regime r : t.regimes()) {
                if (r.expected() == Expected.HOLDS && smoke(t, r).outcome() != Outcome.HELD) {
                    caught.add(t.id() + "/" + r.id());
                }
            }
        }
        return caught;
    }

    @Test
    void aCorrectGdWrittenOutsideOptcheckPassesEveryApplicableTheorem() {
        Map<String, String> verdicts = new TreeMap<>();
        for (Theorem<?> t : Catalog.builtIn().applicableTo(plainGd("acme-gd", 1.0))) {
            for (Regime r : t.regimes()) {
                Result res = smoke(t, r);
                assertThat(res.method()).isEqualTo("acme-gd");
                verdicts.put(res.id(), res.outcome() + " " + res.verdict());
                if (r.lowPrecision().isPresent()) {
                    // a float32 or bfloat16 regime runs the method in that format: a float64 plug-in is not one
                    assertThat(res.outcome()).as(res.id()).isEqualTo(Outcome.NOT_APPLICABLE);
                    assertThat((String) res.extra().get("notApplicable")).contains("declares float64");
                    continue;
                }
                assertThat(res.verdict())
                        .as(res.id() + ": " + res.outcome()
                                + (res.counterexample() == null
                                        ? ""
                                        : " " + res.counterexample().summary()))
                        .isEqualTo(r.expected() == Expected.NONE ? Verdict.INFO : Verdict.PASS);
            }
        }
        assertThat(verdicts).hasSizeGreaterThan(30);
    }

    @Test
    void aCorrectHeavyBallInVelocityFormPassesEveryApplicableTheorem() {
        MethodProvider hb = new MethodProvider() {
            @Override
            public String id() {
                return "velocity-heavy-ball";
            }

            @Override
            public MethodKind kind() {
                return MethodKind.HEAVY_BALL;
            }

            @Override
            public Method<?> create(Hyperparameters h) {
                return new VelocityHeavyBall(h.get("lr"), h.get("momentum"));
            }
        };
        List<Theorem<?>> ts = Catalog.builtIn().applicableTo(hb);
        assertThat(ts)
                .extracting(Theorem::id)
                .containsExactly("gd.heavy-ball-quadratic", "gd.heavy-ball-strongly-convex");
        for (Theorem<?> t : ts) {
            for (Regime r : t.regimes()) {
                Result res = smoke(t, r);
                assertThat(res.verdict())
                        .as(res.id() + ": " + res.outcome()
                                + (res.counterexample() == null
                                        ? ""
                                        : " " + res.counterexample().summary()))
                        .isEqualTo(Verdict.PASS);
            }
        }
    }

    /**
     * Heavy ball as users often write it, with a velocity: v+ = momentum v - lr g, x+ = x + v+
     * (the same iterates as x+ = x - lr g + momentum (x - x_prev) in exact arithmetic, other roundings).
     */
    static final class VelocityHeavyBall implements Method<VelocityHeavyBall.State> {
        private final double lr;
        private final double momentum;

        VelocityHeavyBall(double lr, double momentum) {
            this.lr = lr;
            this.momentum = momentum;
        }

        @Override
        public String id() {
            return "velocity-heavy-ball";
        }

        @Override
        public State init(double[] x0) {
            return new State(x0.clone(), new double[x0.length], 0);
        }

        @Override
        public State step(State s, GradientOracle oracle) {
            double[] x = s.xs();
            double[] g = new double[x.length];
            oracle.gradient(x, g);
            double[] v = new double[x.length];
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                v[i] = momentum * s.v()[i] - lr * g[i];
                next[i] = x[i] + v[i];
            }
            return new State(next, v, s.t() + 1);
        }

        record State(double[] xs, double[] v, int t) implements MethodState {
            @Override
            public double[] x() {
                return xs.clone();
            }
        }
    }

    /** The same methods under another id. */
    static MethodProvider renamed(MethodProvider p, String id) {
        return new MethodProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public MethodKind kind() {
                return p.kind();
            }

            @Override
            public Map<String, String> conventions() {
                return p.conventions();
            }

            @Override
            public Method<?> create(Hyperparameters h) {
                return p.create(h);
            }
        };
    }

    static MethodProvider plainGd(String id, double factor) {
        return new MethodProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public MethodKind kind() {
                return MethodKind.GD;
            }

            @Override
            public Map<String, String> conventions() {
                return Map.of("written-by", "test");
            }

            @Override
            public Method<?> create(Hyperparameters h) {
                return new PlainGd(h.get("lr"), factor);
            }
        };
    }

    /** A user's gradient descent, written independently of optcheck's: x+ = x - (factor lr) g, with a fused multiply-add. */
    static final class PlainGd implements Method<PlainGd.State> {
        private final double step;

        PlainGd(double lr, double factor) {
            this.step = lr * factor;
        }

        @Override
        public String id() {
            return "plain-gd";
        }

        @Override
        public State init(double[] x0) {
            return new State(x0.clone(), 0);
        }

        @Override
        public State step(State s, GradientOracle oracle) {
            double[] g = new double[s.xs().length];
            oracle.gradient(s.xs(), g);
            double[] next = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                next[i] = Math.fma(-step, g[i], s.xs()[i]);
            }
            return new State(next, s.t() + 1);
        }

        record State(double[] xs, int t) implements MethodState {
            @Override
            public double[] x() {
                return xs.clone();
            }
        }
    }
}
