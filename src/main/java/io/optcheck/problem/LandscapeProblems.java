package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Problem families of the landscape catalog, as generators, with their certificates: strict
 * saddles, degenerate powers |x|^p, polynomials with a chosen critical point, and small two-layer
 * networks on synthetic data drawn from a teacher network.
 */
public final class LandscapeProblems {

    private LandscapeProblems() {}

    /**
     * Strict saddles (a/2) x^2 - (b/2) y^2 + (b/8) y^4 with b log-uniform in [0.5, 4] and
     * a = b r, r log-uniform in [0.1, 5] (so L = 5b on |y| &lt;= 2), with a = b = 2
     * (x^2 - y^2 + y^4/4) as a special value.
     */
    public static Gen<StrictSaddle> strictSaddles() {
        return Gens.named("strict saddles (a/2)x^2 - (b/2)y^2 + (b/8)y^4", s -> {
            double b = Gens.logDoubles(0.5, 4).withSpecials(2.0).draw(s);
            double r = Gens.logDoubles(0.1, 5).withSpecials(1.0).draw(s);
            return new StrictSaddle(b * r, b);
        });
    }

    /**
     * Polynomials with a critical point at 0 (see {@link CubicCriticalPoint}) in dimension 1..3,
     * the Hessian's eigenvalues at 0 drawn by {@code eigenvalues} (given the dimension), cubic
     * coefficients a_i in [-2, 2], a monkey-saddle coefficient c in [-1, 1] on half of the
     * instances of dimension &gt;= 2, and a random rotation on half of them.
     */
    public static Gen<CubicCriticalPoint> cubicCriticalPoints(BiFunction<Source, Integer, double[]> eigenvalues) {
        return Gens.named("cubic polynomials with a critical point at 0", s -> {
            int d = s.draw(Gens.integers(1, 3));
            double[] lambda = eigenvalues.apply(s, d);
            double[] a = new double[d];
            for (int i = 0; i < d; i++) {
                a[i] = Gens.doubles(-2, 2).draw(s);
            }
            double c = d >= 2 && s.drawBoolean(0.5) ? Gens.doubles(-1, 1).draw(s) : 0;
            double[][] q = null;
            if (d >= 2 && s.drawBoolean(0.5)) {
                q = Problems.orthogonal(s, d);
            }
            return new CubicCriticalPoint(lambda, a, c, q);
        });
    }

    /**
     * Data for a two-layer network: n inputs in R^k with standard normal entries and targets from
     * a teacher network of the same activation with {@code teacher} units and standard normal
     * weights (all drawn from the source, so a try is replayable).
     */
    public static TwoLayerNet network(Source s, TwoLayerNet.Activation act, int hidden, int k, int n, int teacher) {
        double[][] u = new double[teacher][k];
        double[] v = new double[teacher];
        for (int t = 0; t < teacher; t++) {
            for (int j = 0; j < k; j++) {
                u[t][j] = Problems.gaussian(s);
            }
            v[t] = Problems.gaussian(s);
        }
        double[][] x = new double[n][k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[i][j] = Problems.gaussian(s);
            }
            double o = 0;
            for (int t = 0; t < teacher; t++) {
                double a = 0;
                for (int j = 0; j < k; j++) {
                    a += u[t][j] * x[i][j];
                }
                o += v[t] * (act == TwoLayerNet.Activation.TANH ? Math.tanh(a) : Math.max(a, 0));
            }
            y[i] = o;
        }
        return new TwoLayerNet(act, hidden, x, y);
    }

    /**
     * Small two-layer networks: m in [2, 4] hidden units, k in [1, 3] inputs, n in [4, 12]
     * examples, targets from a teacher with 2 units.
     */
    public static Gen<TwoLayerNet> networks(TwoLayerNet.Activation act) {
        return Gens.named(
                String.format(
                        Locale.ROOT,
                        "two-layer %s networks (m 2..4, k 1..3, n 4..12)",
                        act.name().toLowerCase(Locale.ROOT)),
                s -> {
                    int m = s.draw(Gens.integers(2, 4));
                    int k = s.draw(Gens.integers(1, 3));
                    int n = s.draw(Gens.integers(4, 12));
                    return network(s, act, m, k, n, 2);
                });
    }

    /** Parameters with standard normal entries times {@code scale}. */
    public static double[] gaussianPoint(Source s, int d, double scale) {
        double[] t = new double[d];
        for (int i = 0; i < d; i++) {
            t[i] = scale * Problems.gaussian(s);
        }
        return t;
    }
}
