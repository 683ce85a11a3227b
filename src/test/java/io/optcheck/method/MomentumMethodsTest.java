package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Quadratic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heavy ball and both Nesterov methods against independent references: a closed form (heavy
 * ball at the repeated root) and literal transcriptions of the catalog's indexing (y_1 = x_0,
 * lambda_1 = 1, momentum (t-1)/(t+2), x_{-1} = x_0). Each reference comparison is paired with a
 * parameter off by one part in a million, which must be caught.
 */
class MomentumMethodsTest {
    static final double[] LAMBDA = {2, 0.5, 0.01};
    static final double[] X0 = {1, -2, 3};
    static final double L = 2;
    static final int T = 30;

    static double relDev(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num = Math.max(num, Math.abs(a[i] - b[i]));
            den = Math.max(den, Math.abs(b[i]));
        }
        return num / den;
    }

    static double[] grad(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = LAMBDA[i] * x[i];
        }
        return g;
    }

    /** Heavy ball with the quadratic tuning on (L/2) x^2: x_t = (1 + (1 + rho) t)(-rho)^t x_0. */
    static double heavyBallDeviation(double aFactor) {
        double l = 25;
        double mu = 1;
        double rho = (Math.sqrt(l) - Math.sqrt(mu)) / (Math.sqrt(l) + Math.sqrt(mu));
        double a = 4 / Math.pow(Math.sqrt(l) + Math.sqrt(mu), 2) * aFactor;
        Trajectory tr = Runner.run(
                new HeavyBall(a, rho * rho),
                new ExactOracle(Quadratic.diagonal(new double[] {l})),
                new double[] {1.5},
                T);
        double worst = 0;
        for (int t = 0; t <= T; t++) {
            double expected = (1 + (1 + rho) * t) * Math.pow(-rho, t) * 1.5;
            worst = Math.max(worst, Math.abs(tr.x(t)[0] - expected) / Math.abs(expected));
        }
        return worst;
    }

    @Test
    void heavyBallMatchesTheRepeatedRootClosedForm() {
        assertThat(heavyBallDeviation(1)).isLessThanOrEqualTo(1e-12);
        assertThat(heavyBallDeviation(1 + 1e-6)).isGreaterThan(1e-12);
    }

    /** The lambda form exactly as the theorem sheet writes it, with arrays indexed from 1. */
    static double[][] nesterovLambdaReference(double eta) {
        double[] lambda = new double[T + 2];
        lambda[1] = 1;
        for (int t = 1; t <= T; t++) {
            lambda[t + 1] = (1 + Math.sqrt(4 * lambda[t] * lambda[t] + 1)) / 2;
        }
        double[][] x = new double[T + 1][];
        x[0] = X0.clone();
        double[] y = X0.clone(); // y_1 = x_0
        for (int t = 1; t <= T; t++) {
            double[] g = grad(y);
            x[t] = new double[3];
            for (int i = 0; i < 3; i++) {
                x[t][i] = y[i] - eta * g[i];
            }
            double m = (lambda[t] - 1) / lambda[t + 1];
            y = new double[3];
            for (int i = 0; i < 3; i++) {
                y[i] = x[t][i] + m * (x[t][i] - x[t - 1][i]);
            }
        }
        return x;
    }

    /** The simplified form: y_t = x_t + ((t-1)/(t+2))(x_t - x_{t-1}), t = 1.., and y_0 = x_0. */
    static double[][] nesterovSimplifiedReference(double eta) {
        double[][] x = new double[T + 1][];
        x[0] = X0.clone();
        double[] y = X0.clone();
        for (int t = 1; t <= T; t++) {
            double[] g = grad(y);
            x[t] = new double[3];
            for (int i = 0; i < 3; i++) {
                x[t][i] = y[i] - eta * g[i];
            }
            double m = (t - 1.0) / (t + 2.0);
            y = new double[3];
            for (int i = 0; i < 3; i++) {
                y[i] = x[t][i] + m * (x[t][i] - x[t - 1][i]);
            }
        }
        return x;
    }

    static double deviation(Method<MomentumState> m, double[][] ref) {
        Trajectory tr = Runner.run(m, new ExactOracle(Quadratic.diagonal(LAMBDA)), X0, T);
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        double worst = 0;
        for (int t = 0; t <= T; t++) {
            worst = Math.max(worst, relDev(tr.x(t), ref[t]));
        }
        return worst;
    }

    @Test
    void nesterovLambdaFormMatchesTheSheetsIndexing() {
        double[][] ref = nesterovLambdaReference(1 / L);
        assertThat(deviation(new NesterovAcceleratedGradient(1 / L, NesterovAcceleratedGradient.Form.LAMBDA), ref))
                .isLessThanOrEqualTo(1e-12);
        assertThat(deviation(
                        new NesterovAcceleratedGradient(1 / L * (1 + 1e-6), NesterovAcceleratedGradient.Form.LAMBDA),
                        ref))
                .isGreaterThan(1e-12);
        // The simplified form differs from the lambda form from t = 3 on (momentum 1/4 vs 0.2818).
        assertThat(deviation(new NesterovAcceleratedGradient(1 / L, NesterovAcceleratedGradient.Form.SIMPLIFIED), ref))
                .isGreaterThan(1e-6);
    }

    @Test
    void nesterovSimplifiedFormMatchesTheSheetsIndexing() {
        double[][] ref = nesterovSimplifiedReference(1 / L);
        assertThat(deviation(new NesterovAcceleratedGradient(1 / L, NesterovAcceleratedGradient.Form.SIMPLIFIED), ref))
                .isLessThanOrEqualTo(1e-12);
        assertThat(deviation(
                        new NesterovAcceleratedGradient(
                                1 / L * (1 + 1e-6), NesterovAcceleratedGradient.Form.SIMPLIFIED),
                        ref))
                .isGreaterThan(1e-12);
    }

    @Test
    void firstTwoStepsOfBothFormsAreGradientSteps() {
        // SIMPLIFIED_T_FROM_1 has momentum 1/4 in step 2 (NewAdaptiveKindsTest)
        for (NesterovAcceleratedGradient.Form form :
                List.of(NesterovAcceleratedGradient.Form.LAMBDA, NesterovAcceleratedGradient.Form.SIMPLIFIED)) {
            Trajectory tr = Runner.run(
                    new NesterovAcceleratedGradient(1 / L, form), new ExactOracle(Quadratic.diagonal(LAMBDA)), X0, 2);
            for (int t = 1; t <= 2; t++) {
                double[] prev = tr.x(t - 1);
                double[] g = grad(prev);
                for (int i = 0; i < 3; i++) {
                    assertThat(tr.x(t)[i]).as("%s x_%d[%d]", form, t, i).isEqualTo(prev[i] - g[i] / L);
                }
            }
        }
    }

    @Test
    void constantMomentumNesterovMatchesALiteralLoop() {
        double mu = 0.01;
        double beta = (Math.sqrt(L) - Math.sqrt(mu)) / (Math.sqrt(L) + Math.sqrt(mu));
        double[][] ref = new double[T + 1][];
        ref[0] = X0.clone();
        double[] xPrev = X0.clone();
        for (int t = 0; t < T; t++) {
            double[] y = new double[3];
            for (int i = 0; i < 3; i++) {
                y[i] = ref[t][i] + beta * (ref[t][i] - xPrev[i]);
            }
            double[] g = grad(y);
            ref[t + 1] = new double[3];
            for (int i = 0; i < 3; i++) {
                ref[t + 1][i] = y[i] - g[i] / L;
            }
            xPrev = ref[t];
        }
        assertThat(deviation(NesterovConstantMomentum.tuned(L, mu), ref)).isLessThanOrEqualTo(1e-12);
        assertThat(deviation(new NesterovConstantMomentum(1 / L * (1 + 1e-6), beta), ref))
                .isGreaterThan(1e-12);
    }

    @Test
    void resumingFromACheckpointGivesTheSameIterates() {
        ExactOracle oracle = new ExactOracle(Quadratic.diagonal(LAMBDA));
        for (Method<MomentumState> m : List.<Method<MomentumState>>of(
                new HeavyBall(0.3, 0.5),
                new NesterovAcceleratedGradient(0.5, NesterovAcceleratedGradient.Form.LAMBDA),
                new NesterovAcceleratedGradient(0.5, NesterovAcceleratedGradient.Form.SIMPLIFIED),
                NesterovConstantMomentum.tuned(2, 0.01))) {
            Trajectory whole = Runner.run(m, oracle, X0, 20);
            Trajectory first = Runner.run(m, oracle, X0, 8);
            Trajectory rest = Runner.resume(m, oracle, (MomentumState) first.finalState(), 12, StopCondition.NEVER);
            assertThat(rest.x(12)).as(m.toString()).containsExactly(whole.x(20));
        }
    }

    @Test
    void rejectsInvalidParameters() {
        for (double v : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new HeavyBall(v, 0.5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new NesterovAcceleratedGradient(v, NesterovAcceleratedGradient.Form.LAMBDA))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new NesterovConstantMomentum(v, 0.5)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new HeavyBall(0.1, -0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NesterovConstantMomentum.tuned(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
