package io.optcheck.theory.sgd;

import static io.optcheck.theory.Assumptions.COMPONENTS_CONVEX;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.Runner;
import io.optcheck.oracle.SingleExampleOracle;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.Matrices;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredRanges;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sgd.expected-smoothness (Gower, Loizou, Qian, Sailanbayev, Shulgin &amp; Richtarik, ICML 2019,
 * Thm 3.1, uniform sampling of one index with replacement): for f = (1/n) sum f_i with each f_i
 * convex and L_i-smooth (expected smoothness L_max = max L_i), f mu-strongly convex, and
 * gamma &lt;= 1/(2 L_max): E||x_k - x*||^2 &lt;= (1 - gamma mu)^k ||x_0 - x*||^2 + 2 gamma sigma*^2/mu,
 * sigma*^2 = (1/n) sum ||grad f_i(x*)||^2.
 *
 * <p>Exact, no sampling: the kind's step with a constant step (p = 0) is memoryless, so the
 * method's one-step map under component i is read off by running it one step from fresh states at
 * x* and x* + e_j (and verified to be affine at x0): e -&gt; A_i e + r_i. The mean m and second
 * moment S of e_k = x_k - x* then follow THEOREMS.md's recursion, m' = (1/n) sum (A_i m + r_i),
 * S' = (1/n) sum [A_i S A_i^T + A_i m r_i^T + r_i m^T A_i^T + r_i r_i^T], and E||e_k||^2 = tr S_k.
 */
public final class ExpectedSmoothness extends KindTheorem<SmoothnessInstance> {

    /** The theorem as its spec declares it. */
    public ExpectedSmoothness() {
        super("sgd.expected-smoothness");
    }

    static final int STEPS = 60;

    @Override
    public Gen<SmoothnessInstance> instances(Regime r) {
        boolean convex = Cases.<Boolean>on(r)
                .when("holds", () -> true)
                .when("drop:" + COMPONENTS_CONVEX, () -> false)
                .get();
        // n in 2..4 components in dimension 1..3, curvatures log-uniform in [1e-2, 10] (exactly 0
        // allowed), centers in [-2, 2], x0 in [-3, 3]^d, gamma L_max = frac/2 with frac in (0, 1]
        // (edge 1). drop: each curvature negative with probability 0.3, the average kept positive.
        return Gens.named("diagonal quadratic sums", s -> {
                    int n = s.draw(Gens.integers(2, 4));
                    int d = s.draw(Gens.integers(1, 3));
                    double[][] h = new double[n][d];
                    double[][] c = new double[n][d];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < d; j++) {
                            double mag = s.draw(Gens.logDoubles(1e-2, 10)
                                    .withSpecials(0.0)
                                    .withEdges(1.0)
                                    .knob("h"));
                            h[i][j] = !convex && s.drawBoolean(0.3) ? -mag : mag;
                            c[i][j] = s.draw(Gens.doubles(-2, 2).knob("c"));
                        }
                    }
                    double[] x0 = s.draw(Problems.points(d, 3));
                    double frac = s.draw(Gens.doubles(0, 1).withEdges(1.0).knob("2 gamma L_max"));
                    return new SmoothnessInstance(new DiagonalQuadraticSum(h, c), x0, frac);
                })
                .filter(
                        "mu > 0, gamma > 0" + (convex ? "" : ", a component not convex"),
                        in -> in.mu() > 0 && in.frac() > 0 && in.componentsConvex() == convex);
    }

    /** A constant step: p = 0 (then b does not change the step). */
    private static final DeclaredRanges.Needed CONSTANT_STEP =
            DeclaredRanges.Needed.exactly("p", 0, "a constant step gamma");

    /** Every regime needs a constant step (p = 0); a method whose declared p excludes 0 is not checked. */
    @Override
    protected Optional<String> applicability(Regime r) {
        return DeclaredRanges.regimeNeeds(binding().provider(), id() + "/" + r.id(), List.of(CONSTANT_STEP));
    }

    /** b for the constant step: 1, or the declared value of b nearest to 1 (at p = 0 any b gives the step a). */
    private double constantStepB() {
        PluggableOptimizer.Range b = DeclaredRanges.of(binding().provider()).get("b");
        return b == null ? 1 : Math.min(Math.max(1, b.min()), b.max());
    }

    @Override
    protected Evaluation checkOn(SmoothnessInstance in, Regime r) {
        DiagonalQuadraticSum f = in.f();
        int n = f.n();
        int d = in.x0().length;
        double gamma = in.gamma();
        double mu = in.mu();
        double[] xs = f.minimizer();
        Hyperparameters hp =
                Hyperparameters.of("a", gamma).with("b", constantStepB()).with("p", 0);
        double[][][] a = new double[n][d][d];
        double[][] rr = new double[n][d];
        double sigma2 = 0;
        double[] gi = new double[d];
        for (int i = 0; i < n; i++) {
            f.exampleGradient(i, xs, gi);
            sigma2 += Vectors.dot(gi, gi) / n;
            double[] y0 = Runner.oneStep(method(hp), xs, new SingleExampleOracle(f, i));
            for (int j = 0; j < d; j++) {
                rr[i][j] = y0[j] - xs[j];
            }
            for (int k = 0; k < d; k++) {
                double[] xk = xs.clone();
                xk[k] += 1;
                double[] yk = Runner.oneStep(method(hp), xk, new SingleExampleOracle(f, i));
                for (int j = 0; j < d; j++) {
                    a[i][j][k] = yk[j] - y0[j];
                }
            }
            // the step must be affine: compare the identified map with a run from x0
            double[] y = Runner.oneStep(method(hp), in.x0(), new SingleExampleOracle(f, i));
            for (int j = 0; j < d; j++) {
                double pred = xs[j] + rr[i][j];
                for (int k = 0; k < d; k++) {
                    pred += a[i][j][k] * (in.x0()[k] - xs[k]);
                }
                if (!(Math.abs(pred - y[j]) <= 1e-9 * (1 + Math.abs(y[j]) + Math.abs(in.x0()[j])))) {
                    return new Evaluation.Builder()
                            .build(
                                    Evaluation.Ending.ERROR,
                                    "the method's step under component " + i
                                            + " is not the affine map of a constant-step SGD step (at x0: " + y[j]
                                            + " vs " + pred + ")",
                                    1,
                                    Map.of());
                }
            }
        }
        double[] m = new double[d];
        double[][] s = new double[d][d];
        for (int j = 0; j < d; j++) {
            m[j] = in.x0()[j] - xs[j];
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                s[j][k] = m[j] * m[k];
            }
        }
        double r0 = Matrices.trace(s);
        double floor = 2 * gamma * sigma2 / mu;
        double q = 1 - gamma * mu;
        double spread = 1 + Math.abs(xs[0]) + Math.sqrt(r0);
        Evaluation.Builder b = new Evaluation.Builder();
        TrajectoryCheck.Series series = new TrajectoryCheck.Series();
        for (int k = 1; k <= STEPS; k++) {
            double[] m2 = new double[d];
            double[][] s2 = new double[d][d];
            for (int i = 0; i < n; i++) {
                double[] am = Matrices.times(a[i], m);
                double[][] asa = Matrices.times(Matrices.times(a[i], s), Matrices.transpose(a[i]));
                for (int j = 0; j < d; j++) {
                    m2[j] += (am[j] + rr[i][j]) / n;
                    for (int l = 0; l < d; l++) {
                        s2[j][l] += (asa[j][l] + am[j] * rr[i][l] + rr[i][j] * am[l] + rr[i][j] * rr[i][l]) / n;
                    }
                }
            }
            m = m2;
            s = s2;
            double observed = Matrices.trace(s);
            double bound = (Math.pow(q, k) * r0 + floor) * (1 - tighten());
            series.point("E||x_k - x*||^2", observed);
            series.point("bound", bound);
            // scale: the two sides, and the rounding of the identified maps (about 2^-52 (1 + |x*|) per
            // entry) carried through k steps of the recursion
            double tol = Tolerance.of(observed + bound + k * spread * Math.sqrt(observed + bound), d);
            if (b.add(Check.atMost("E||x_k - x*||^2 (exact second-moment recursion)", k, observed, bound, tol))) {
                break;
            }
        }
        return b.build(Evaluation.Ending.COMPLETED, null, -1, series.toArrays());
    }
}
