package io.optcheck.cli;

import io.optcheck.method.GradientDescent;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Objective;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.result.Expected;
import io.optcheck.theory.Assumptions;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.Tolerance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small theorems for the command-line tests, with specs in src/test/resources/specs/test. They
 * run gradient descent on f = (L/2) x^2 in one dimension, with eta = 1/(2L).
 */
final class TestTheorems {
    private TestTheorems() {}

    /** The catalog of the run tests: a deliberately wrong check, a NaN objective and a throwing generator. */
    static Catalog failing() {
        return Catalog.of(List.of(new WrongCheck(), new NanObjective(), new Throwing()));
    }

    record Instance(double l, double x0) {}

    /** 1-D f = (L/2) x^2; value and gradient are NaN where |x| < cutoff (cutoff 0: never). */
    record Scalar(double l, double cutoff) implements Objective {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double value(double[] x) {
            return Math.abs(x[0]) < cutoff ? Double.NaN : 0.5 * l * x[0] * x[0];
        }

        @Override
        public void gradient(double[] x, double[] out) {
            out[0] = Math.abs(x[0]) < cutoff ? Double.NaN : l * x[0];
        }

        @Override
        public double[][] hessian(double[] x) {
            return new double[][] {{l}};
        }

        @Override
        public String describe() {
            return "(L/2) x^2, L = " + l;
        }
    }

    static Gen<Instance> instances() {
        return Gens.combine(Gens.oneOf(1.0, 2.0, 4.0), Gens.doubles(1, 10)).as(Instance::new);
    }

    /** Runs 10 GD steps with eta = 1/(2L) and checks decrease >= factor * eta * g^2 at each step. */
    static Evaluation descent(Instance in, double factor, double cutoff) {
        Scalar f = new Scalar(in.l(), cutoff);
        double eta = 0.5 / in.l();
        Evaluation.Builder b = new Evaluation.Builder();
        Trajectory tr =
                Runner.run(new GradientDescent(eta), new ExactOracle(f), new double[] {in.x0()}, 10, (t, prev, cur) -> {
                    double f0 = 0.5 * in.l() * prev[0] * prev[0];
                    double f1 = 0.5 * in.l() * cur[0] * cur[0];
                    double g = in.l() * prev[0];
                    double tol = Tolerance.of(Math.abs(f0) + Math.abs(f1) + eta * g * g, 1);
                    return b.add(Check.atLeast("decrease", t, f0 - f1, factor * eta * g * g, tol));
                });
        if (tr.ending() instanceof Trajectory.Failed failed) {
            return b.build(Evaluation.Ending.ERROR, failed.message(), failed.step(), Map.of());
        }
        return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
    }

    abstract static class Base implements Theorem<Instance> {
        /** Test fixtures are not in the catalog; the teeth test does not run them. */
        @Override
        public Theorem<Instance> withTightenedBounds(double eps) {
            return this;
        }

        @Override
        public String methodId() {
            return "gd";
        }

        @Override
        public List<String> assumptions() {
            return List.of(Assumptions.L_SMOOTH, Assumptions.STEP_LE_1_OVER_L);
        }

        @Override
        public Gen<Instance> instances(Regime regime) {
            return TestTheorems.instances();
        }

        @Override
        public Map<String, Object> describe(Instance in) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("L", in.l());
            m.put("x0", in.x0());
            return m;
        }
    }

    /**
     * test.wrong-check: regime "holds" checks decrease >= eta g^2, which is wrong (the descent lemma
     * gives eta/2; here the decrease is 3/4 eta g^2), so it breaks although it expects to hold.
     * Regime "right-factor" checks the true eta/2 form and passes.
     */
    static final class WrongCheck extends Base {
        @Override
        public String id() {
            return "test.wrong-check";
        }

        @Override
        public List<Regime> regimes() {
            return List.of(
                    new Regime(
                            "holds",
                            "wrong-factor",
                            Expected.HOLDS,
                            assumptions(),
                            null,
                            "deliberately wrong factor 1",
                            null),
                    new Regime(
                            "right-factor",
                            "eta-half-form",
                            Expected.HOLDS,
                            assumptions(),
                            null,
                            "the true factor 1/2",
                            null));
        }

        @Override
        public Evaluation evaluate(Instance in, Regime regime) {
            return descent(in, regime.id().equals("holds") ? 1.0 : 0.5, 0);
        }
    }

    /**
     * test.nan-objective: the objective is NaN where |x| &lt; x0/10. GD halves x at every step, so the
     * gradient at x_4 = x0/16 is NaN: the run errs at step 5, for every x0.
     */
    static final class NanObjective extends Base {
        @Override
        public String id() {
            return "test.nan-objective";
        }

        @Override
        public List<Regime> regimes() {
            return List.of(new Regime(
                    "holds", "eta-half-form", Expected.HOLDS, assumptions(), null, "NaN after 4 steps", null));
        }

        @Override
        public Evaluation evaluate(Instance in, Regime regime) {
            return descent(in, 0.5, in.x0() / 10);
        }
    }

    /** test.throws: its generator cannot even be built. */
    static final class Throwing extends Base {
        @Override
        public String id() {
            return "test.throws";
        }

        @Override
        public List<Regime> regimes() {
            return List.of(new Regime("holds", "eta-half-form", Expected.HOLDS, assumptions(), null, "throws", null));
        }

        @Override
        public Gen<Instance> instances(Regime regime) {
            throw new IllegalStateException("generator exploded");
        }

        @Override
        public Evaluation evaluate(Instance in, Regime regime) {
            throw new AssertionError("never reached");
        }
    }

    /** A theorem whose spec file (test.bad-spec or test.missing-field) is broken. */
    static final class WithSpec extends Base {
        private final String id;

        WithSpec(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Regime> regimes() {
            return List.of(new Regime("holds", "eta-half-form", Expected.HOLDS, assumptions(), null, "", null));
        }

        @Override
        public Evaluation evaluate(Instance in, Regime regime) {
            return descent(in, 0.5, 0);
        }
    }

    /** A theorem whose regimes() throws: a bug outside any one result, so an internal error. */
    static final class BrokenRegimes extends Base {
        @Override
        public String id() {
            return "test.wrong-check";
        }

        @Override
        public List<Regime> regimes() {
            throw new IllegalStateException("regimes exploded");
        }

        @Override
        public Evaluation evaluate(Instance in, Regime regime) {
            throw new AssertionError("never reached");
        }
    }
}
