package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.method.GradientDescent;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Objective;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run that meets NaN, or a theorem that throws, becomes an "error" result; nothing crashes. */
class ErrorOutcomeTest {

    /** f = x^2/2, except that it returns NaN once |x| < 1 (a broken objective). */
    static final class NanBelowOne implements Objective {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double value(double[] x) {
            return Math.abs(x[0]) < 1 ? Double.NaN : 0.5 * x[0] * x[0];
        }

        @Override
        public void gradient(double[] x, double[] out) {
            out[0] = Math.abs(x[0]) < 1 ? Double.NaN : x[0];
        }

        @Override
        public double[][] hessian(double[] x) {
            return new double[][] {{1}};
        }

        @Override
        public String describe() {
            return "x^2/2, NaN for |x| < 1";
        }
    }

    /** A minimal theorem: "GD with eta = 0.5 decreases f"; its objective turns NaN. */
    static final class Toy implements Theorem<Double> {
        final boolean throwInside;

        Toy(boolean throwInside) {
            this.throwInside = throwInside;
        }

        @Override
        public String id() {
            return "toy.nan";
        }

        @Override
        public String methodId() {
            return "gd";
        }

        @Override
        public List<String> assumptions() {
            return List.of(Assumptions.L_SMOOTH);
        }

        @Override
        public List<Regime> regimes() {
            return List.of(
                    new Regime("holds", "monotone", Expected.HOLDS, List.of(Assumptions.L_SMOOTH), null, "toy", null));
        }

        @Override
        public Gen<Double> instances(Regime regime) {
            return Gens.doubles(8, 10);
        }

        @Override
        public Evaluation evaluate(Double x0, Regime regime) {
            if (throwInside) {
                throw new IllegalStateException("bug in the checker");
            }
            Evaluation.Builder b = new Evaluation.Builder();
            Trajectory tr =
                    Runner.run(new GradientDescent(0.5), new ExactOracle(new NanBelowOne()), new double[] {x0}, 30);
            Trajectory.Failed f = (Trajectory.Failed) tr.ending();
            return b.build(Evaluation.Ending.ERROR, f.message(), f.step(), Map.of());
        }

        @Override
        public Map<String, Object> describe(Double x0) {
            return Map.of("x0", x0);
        }

        @Override
        public Theorem<Double> withTightenedBounds(double eps) {
            return this;
        }
    }

    @Test
    void nanDuringARunIsAnErrorWithItsStep() {
        Toy toy = new Toy(false);
        Result r = TheoremRunner.run(toy, toy.regimes().get(0), 20, RunSettings.ci());
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.error()).isNotNull();
        assertThat(r.error().message()).contains("NaN");
        // x0 = 8 (the shrunk start) halves each step: 4, 2, 1, 0.5 -> the gradient at x_4 = 0.5 is NaN, in step 5
        assertThat(r.error().step()).isEqualTo(5);
    }

    @Test
    void aCheckerThatThrowsIsAnErrorNamingTheTheorem() {
        Toy toy = new Toy(true);
        Result r = TheoremRunner.run(toy, toy.regimes().get(0), 20, RunSettings.ci());
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error().message())
                .contains("IllegalStateException")
                .contains("bug in the checker")
                .contains("toy.nan/holds");
    }
}
