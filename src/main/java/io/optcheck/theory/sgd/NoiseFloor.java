package io.optcheck.theory.sgd;

import io.optcheck.method.StochasticGradientDescent;
import io.optcheck.oracle.NoisyOracle;
import io.optcheck.problem.Quadratic;
import io.optcheck.theory.stat.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.random.Well512a;

/**
 * The noise-floor demonstration of sgd.constant-step-strongly-convex: constant-step SGD on a
 * diagonal quadratic with Gaussian noise of scale s plateaus at
 *
 * <pre>E[f(x_inf) - f*] = sum_i eta s^2 / (2 (2 - eta lambda_i))</pre>
 *
 * (exactly: coordinate i is the AR(1) recursion e' = (1 - eta lambda_i) e - eta xi, whose
 * stationary variance is eta^2 s^2/(1 - (1 - eta lambda_i)^2) = eta s^2/(lambda_i (2 - eta lambda_i)),
 * and f weights it by lambda_i/2). At step k from x0 = x* the exact value is the same sum times
 * 1 - (1 - eta lambda_i)^(2k). Bottou-Curtis-Nocedal's floor eta L sigma^2/(2 mu) with
 * sigma^2 = d s^2 is above it by the factor (2 - eta lambda) L/mu per coordinate: equal only at
 * d = 1 and eta = 1/L. The table shows the measured plateau (mean over seeded runs, with its
 * standard error) against both.
 */
public final class NoiseFloor {

    static final int RUNS = 4000;
    static final int K = 200;

    private NoiseFloor() {}

    /** Exact E[f(x_k) - f*] from x0 = x* on diag(lambda) with step eta and noise scale s. */
    public static double exactAt(double[] lambda, double eta, double s, int k) {
        double sum = 0;
        for (double l : lambda) {
            double r = (1 - eta * l) * (1 - eta * l);
            sum += eta * s * s / (2 * (2 - eta * l)) * (1 - Math.pow(r, k));
        }
        return sum;
    }

    /** Exact stationary E[f - f*]. */
    public static double exactStationary(double[] lambda, double eta, double s) {
        return exactAt(lambda, eta, s, Integer.MAX_VALUE);
    }

    /** The theorem's floor eta L sigma^2/(2 mu), sigma^2 = d s^2. */
    public static double formula(double[] lambda, double eta, double s) {
        double l = Double.NEGATIVE_INFINITY;
        double mu = Double.POSITIVE_INFINITY;
        for (double v : lambda) {
            l = Math.max(l, v);
            mu = Math.min(mu, v);
        }
        return eta * l * lambda.length * s * s / (2 * mu);
    }

    /** The measured plateau: mean and standard error of f(x_K) over seeded runs from x0 = x*. */
    public static double[] measured(double[] lambda, double eta, double s, int runs, int k) {
        Quadratic q = Quadratic.diagonal(lambda);
        long key = Seeds.key(Seeds.key(lambda), eta, s, k);
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < runs; r++) {
            StochasticGradientDescent sgd = StochasticGradientDescent.constant(eta);
            NoisyOracle o = new NoisyOracle(q, NoisyOracle.gaussian(s), new Well512a(Seeds.of(key, Seeds.SEARCH, r)));
            StochasticGradientDescent.State st = sgd.init(new double[lambda.length]);
            for (int t = 0; t < k; t++) {
                st = sgd.step(st, o);
            }
            double f = q.value(st.x());
            sum += f;
            sumSq += f * f;
        }
        double mean = sum / runs;
        double var = (sumSq - runs * mean * mean) / (runs - 1);
        return new double[] {mean, Math.sqrt(Math.max(var, 0) / runs)};
    }

    /** The demonstration table (s = 1, K = 200 steps, 4000 runs per row). */
    public static List<Map<String, Object>> table() {
        List<Map<String, Object>> rows = new ArrayList<>();
        double[][] spectra = {{1}, {1}, {1}, {1, 0.25}, {1, 0.25}};
        double[] hs = {0.25, 0.5, 1, 0.5, 1};
        for (int i = 0; i < hs.length; i++) {
            double[] lambda = spectra[i];
            double eta = hs[i]; // L = 1
            double[] m = measured(lambda, eta, 1, RUNS, K);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("eigenvalues", Arrays.toString(lambda));
            row.put("eta L", hs[i]);
            row.put("s", 1.0);
            row.put("k", K);
            row.put("measured", m[0]);
            row.put("standardError", m[1]);
            row.put("exactAtK", exactAt(lambda, eta, 1, K));
            row.put("exactStationary", exactStationary(lambda, eta, 1));
            row.put("formula eta L sigma^2/(2 mu)", formula(lambda, eta, 1));
            row.put(
                    "summary",
                    String.format(
                            Locale.ROOT,
                            "lambda %s, eta L %.2f: measured %.4f +- %.4f, exact %.4f, formula %.4f",
                            Arrays.toString(lambda),
                            hs[i],
                            m[0],
                            m[1],
                            exactAt(lambda, eta, 1, K),
                            formula(lambda, eta, 1)));
            rows.add(row);
        }
        return rows;
    }
}
