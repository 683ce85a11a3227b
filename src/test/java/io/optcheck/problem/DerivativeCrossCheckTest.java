package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hand-written value, gradient, Hessian and Hessian-vector product in the problem package
 * is compared against (a) its DerivativeStructure formula and (b) central finite differences, on
 * seeded random points.
 *
 * <p>Tolerances (relative to the infinity norm of the reference):
 * <ul>
 *   <li>formula (DS): {@value #DS_TOL} -- both sides are exact up to a few roundings;</li>
 *   <li>finite differences: {@value #FD_TOL} -- step h = 1e-5 max(1, |x_i|), truncation
 *       O(h^2), rounding O(eps |f| / h).</li>
 * </ul>
 */
class DerivativeCrossCheckTest {
    static final double DS_TOL = 1e-12;
    static final double FD_TOL = 1e-6;
    static final int POINTS = 6;

    /** A case: the objective, its formula twin, points to check, and whether FD Hessians apply. */
    record Case(String name, Objective hand, FormulaObjective ds, List<double[]> points, boolean fdHessian) {
        @Override
        public String toString() {
            return name;
        }
    }

    static double[] gaussian(RandomGenerator r, int d, double scale) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return v;
    }

    static double[][] gaussian(RandomGenerator r, int n, int d) {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = gaussian(r, d, 1.0);
        }
        return m;
    }

    static List<double[]> points(RandomGenerator r, int d, double scale) {
        List<double[]> p = new ArrayList<>();
        for (int k = 0; k < POINTS; k++) {
            p.add(gaussian(r, d, scale));
        }
        return p;
    }

    static <T extends Objective & HasFormula> Case of(String name, T o, List<double[]> pts, boolean fdHessian) {
        return new Case(name, o, FormulaObjective.of(o), pts, fdHessian);
    }

    static Stream<Arguments> cases() {
        RandomGenerator r = new Well19937c(20240601L);
        List<Case> cs = new ArrayList<>();
        cs.add(of("diagonal quadratic", Quadratic.diagonal(new double[] {3, 0.5, 2, 1e-3}), points(r, 4, 2.0), true));
        cs.add(of(
                "diagonal quadratic with x* and a negative eigenvalue",
                Quadratic.diagonal(new double[] {4, -1.5, 0.25}, new double[] {1, -2, 0.3}),
                points(r, 3, 2.0),
                true));
        for (int d : new int[] {1, 2, 5}) {
            double[] lam = new double[d];
            for (int i = 0; i < d; i++) {
                lam[i] = Math.pow(10, 3.0 * i / Math.max(1, d - 1)) / 10;
            }
            double[][] q = Orthogonal.fromGaussian(gaussian(r, d * d, 1.0), d);
            cs.add(of(
                    "spectral quadratic d=" + d,
                    Quadratic.fromSpectrum(lam, q, gaussian(r, d, 1.0)),
                    points(r, d, 2.0),
                    true));
        }
        double[][] a = gaussian(r, 4, 4);
        double[][] h = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                h[i][j] = a[i][j] + a[j][i];
            }
        }
        cs.add(of("general (indefinite) quadratic", Quadratic.of(h, gaussian(r, 4, 1.0)), points(r, 4, 2.0), true));
        cs.add(of(
                "least squares n>d",
                new LeastSquares(gaussian(r, 7, 3), gaussian(r, 7, 1.0)),
                points(r, 3, 2.0),
                true));
        cs.add(of(
                "least squares n<d",
                new LeastSquares(gaussian(r, 2, 5), gaussian(r, 2, 1.0)),
                points(r, 5, 2.0),
                true));
        RandomGenerator fr = new Well19937c(20261122L);
        cs.add(of(
                "finite-sum least squares n=5 d=3",
                new FiniteSumLeastSquares(gaussian(fr, 5, 3), gaussian(fr, 5, 1.0)),
                points(fr, 3, 2.0),
                true));
        cs.add(of(
                "diagonal quadratic sum n=3 d=2 with a concave component",
                new DiagonalQuadraticSum(new double[][] {{1, 0.3}, {-0.8, 0.9}, {0.5, 0}}, gaussian(fr, 3, 2)),
                points(fr, 2, 2.0),
                true));
        cs.add(of(
                "log-cosh plus quadratic sum n=2 d=2",
                new LogCoshQuadraticSum(
                        new double[][] {{0.3, 1}, {0.5, 0.2}},
                        new double[][] {{0.6, 0}, {0.4, 0.7}},
                        gaussian(fr, 2, 2),
                        gaussian(fr, 2, 2)),
                points(fr, 2, 2.0),
                true));
        double[][] lx = gaussian(r, 9, 3);
        double[] ly = new double[9];
        for (int i = 0; i < 9; i++) {
            ly[i] = r.nextBoolean() ? 1 : -1;
        }
        cs.add(of("logistic", new Logistic(lx, ly), points(r, 3, 1.0), true));
        // Large margins: |y_i x_i^T w| up to a few hundred. The Hessian is then ~exp(-|m|),
        // far below the FD rounding floor eps |grad| / h, so only the DS Hessian is compared.
        List<double[]> far = new ArrayList<>();
        for (double s : new double[] {30, 100, 300}) {
            for (double[] p : points(r, 3, 1.0)) {
                double max = 0;
                for (double[] row : lx) {
                    max = Math.max(max, Math.abs(Vectors.dot(row, p)));
                }
                double[] w = p.clone();
                for (int i = 0; i < w.length; i++) {
                    w[i] *= s / max;
                }
                far.add(w);
            }
        }
        cs.add(of("logistic, large margins", new Logistic(lx, ly), far, false));
        // The kinked slope is C^1 but not C^2 at a1 = (1 - s)/M and A: points stay 1e-2 away.
        cs.add(of(
                "kinked slope (M = 10, s = 0.4, A = 1)",
                new KinkedSlope(10, 0.4, 1),
                List.of(
                        new double[] {-0.7},
                        new double[] {0.02},
                        new double[] {0.3},
                        new double[] {0.9},
                        new double[] {1.2},
                        new double[] {3.5}),
                true));
        // Non-convex families (NonconvexProblems): rippled quadratics, separable and rotated.
        cs.add(of(
                "ripple, separable",
                Ripple.of(new double[] {2, 0, 7.5}, new double[] {1.5, 3, 0.2}, new double[] {2, 0.5, 3}, null),
                points(r, 3, 3.0),
                true));
        cs.add(of(
                "ripple, rotated",
                Ripple.of(
                        new double[] {0.3, 4, 9, 1},
                        new double[] {2.5, 0, 1, 3},
                        new double[] {1.2, 2, 0.7, 2.9},
                        Orthogonal.fromGaussian(gaussian(r, 16, 1.0), 4)),
                points(r, 4, 3.0),
                true));
        cs.add(of("sine potential a = 3", SinePotential.of(new double[] {1, 0.01, 0.37}, 3), points(r, 3, 4.0), true));
        cs.add(of("sine potential a = 9.5", SinePotential.of(new double[] {0.5, 1}, 9.5), points(r, 2, 4.0), true));
        // |x|^p away from 0, where every derivative up to order 2 is smooth.
        cs.add(of("power p = 4", PowerObjective.of(2, 4, 5), points(r, 2, 2.0), true));
        cs.add(of("power p = 2.7", PowerObjective.of(3, 2.7, 5), points(r, 3, 2.0), true));
        // Piecewise objectives: points kept away from the kinks (x = 1, 2 and |x_i| = delta_i),
        // where the second derivative jumps and finite differences straddle two pieces.
        cs.add(of(
                "Lessard-Recht-Packard, x < 1",
                new LessardFunction(),
                List.of(new double[] {-3.7}, new double[] {0.4}, new double[] {-0.05}),
                true));
        cs.add(of(
                "Lessard-Recht-Packard, 1 <= x < 2",
                new LessardFunction(),
                List.of(new double[] {1.3}, new double[] {1.75}),
                true));
        cs.add(of(
                "Lessard-Recht-Packard, x >= 2",
                new LessardFunction(),
                List.of(new double[] {2.5}, new double[] {9.1}),
                true));
        cs.add(of(
                "Huber sum",
                new HuberSum(new double[] {2, 0.5, 1e-2}, new double[] {0.3, 1.5, 1e-2}),
                List.of(new double[] {0.1, -4, 0.002}, new double[] {-2, 0.7, -3}, new double[] {0.25, 1.2, 5}),
                true));
        // Huber sums: piecewise quadratic, so FD is exact away from the kinks (the seeded
        // points are not within 1e-5 of one).
        cs.add(of(
                "centered huber sum d=1 with a quadratic",
                new CenteredHuberSum(
                        1,
                        0.3,
                        List.of(
                                new CenteredHuberSum.Term(0, 2.0, 0.5, 0.25),
                                new CenteredHuberSum.Term(0, 0.7, 3.0, -1.0))),
                points(r, 1, 2.0),
                true));
        cs.add(of(
                "centered huber sum d=3 with a dip (not convex)",
                new CenteredHuberSum(
                        3,
                        0.1,
                        List.of(
                                new CenteredHuberSum.Term(0, 1.5, 0.8, 0.1),
                                        new CenteredHuberSum.Term(0, -4.0, 0.3, 0.5),
                                new CenteredHuberSum.Term(1, 0.2, 5.0, -1.5),
                                        new CenteredHuberSum.Term(2, 3.0, 0.1, 0.0))),
                points(r, 3, 2.0),
                true));
        cs.add(of("strict saddle x^2 - y^2 + y^4/4", new StrictSaddle(2, 2), points(r, 2, 1.5), true));
        cs.add(of("strict saddle a = 0.3, b = 3.5", new StrictSaddle(0.3, 3.5), points(r, 2, 1.5), true));
        cs.add(of(
                "|x|^3",
                new PowerObjective(3, 0, 2),
                List.of(new double[] {1.3}, new double[] {-0.4}, new double[] {0.05}),
                true));
        cs.add(of(
                "|x|^2.5 + (0.7/2) x^2",
                new PowerObjective(2.5, 0.7, 2),
                List.of(new double[] {1.7}, new double[] {-0.9}, new double[] {0.2}),
                true));
        double[][] nx = gaussian(r, 7, 2);
        double[] ny = gaussian(r, 7, 1.0);
        cs.add(of(
                "two-layer tanh network",
                new TwoLayerNet(TwoLayerNet.Activation.TANH, 3, nx, ny),
                points(r, 9, 1.0),
                true));
        // ReLU: the Hessian is that of the linear piece; differences of gradients could straddle
        // a kink, so only the DS Hessian is compared (the seeded points keep every
        // pre-activation away from 0 by far more than the FD step).
        cs.add(of(
                "two-layer ReLU network",
                new TwoLayerNet(TwoLayerNet.Activation.RELU, 3, nx, ny),
                points(r, 9, 1.0),
                false));
        return cs.stream().map(Arguments::of);
    }

    static double relErr(double[] a, double[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num = Math.max(num, Math.abs(a[i] - ref[i]));
            den = Math.max(den, Math.abs(ref[i]));
        }
        return den == 0 ? num : num / den;
    }

    static double relErr(double[][] a, double[][] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                num = Math.max(num, Math.abs(a[i][j] - ref[i][j]));
                den = Math.max(den, Math.abs(ref[i][j]));
            }
        }
        return den == 0 ? num : num / den;
    }

    static double relErr(double a, double ref) {
        return ref == 0 ? Math.abs(a) : Math.abs(a - ref) / Math.abs(ref);
    }

    static double step(double xi) {
        return 1e-5 * Math.max(1.0, Math.abs(xi));
    }

    static double[] fdGradient(Objective f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = step(x[i]);
            double[] p = x.clone();
            double[] m = x.clone();
            p[i] += h;
            m[i] -= h;
            g[i] = (f.value(p) - f.value(m)) / (p[i] - m[i]);
        }
        return g;
    }

    static double[][] fdHessian(Objective f, double[] x) {
        int d = x.length;
        double[][] hm = new double[d][d];
        for (int j = 0; j < d; j++) {
            double h = step(x[j]);
            double[] p = x.clone();
            double[] m = x.clone();
            p[j] += h;
            m[j] -= h;
            double[] gp = f.gradient(p);
            double[] gm = f.gradient(m);
            for (int i = 0; i < d; i++) {
                hm[i][j] = (gp[i] - gm[i]) / (p[j] - m[j]);
            }
        }
        return hm;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueAgreesWithFormula(Case c) {
        for (double[] x : c.points()) {
            assertThat(relErr(c.hand().value(x), c.ds().value(x)))
                    .as("%s value at %s", c, Num.fmt(x))
                    .isLessThanOrEqualTo(DS_TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientAgreesWithFormulaAndFiniteDifferences(Case c) {
        for (double[] x : c.points()) {
            double[] g = c.hand().gradient(x);
            assertThat(relErr(g, c.ds().gradient(x)))
                    .as("%s gradient vs DS at %s", c, Num.fmt(x))
                    .isLessThanOrEqualTo(DS_TOL);
            assertThat(relErr(g, fdGradient(c.hand(), x)))
                    .as("%s gradient vs FD at %s", c, Num.fmt(x))
                    .isLessThanOrEqualTo(FD_TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianAgreesWithFormulaAndFiniteDifferences(Case c) {
        for (double[] x : c.points()) {
            double[][] h = c.hand().hessian(x);
            assertThat(relErr(h, c.ds().hessian(x)))
                    .as("%s Hessian vs DS at %s", c, Num.fmt(x))
                    .isLessThanOrEqualTo(DS_TOL);
            if (c.fdHessian()) {
                assertThat(relErr(h, fdHessian(c.hand(), x)))
                        .as("%s Hessian vs FD at %s", c, Num.fmt(x))
                        .isLessThanOrEqualTo(FD_TOL);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorAgreesWithFormulaHessian(Case c) {
        RandomGenerator r = new Well19937c(7L);
        for (double[] x : c.points()) {
            double[] v = gaussian(r, x.length, 1.0);
            double[] hv = new double[x.length];
            c.hand().hessianVector(x, v, hv);
            double[] ref = new double[x.length];
            c.ds().hessianVector(x, v, ref);
            assertThat(relErr(hv, ref)).as("%s Hv at %s", c, Num.fmt(x)).isLessThanOrEqualTo(DS_TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everythingIsFinite(Case c) {
        for (double[] x : c.points()) {
            assertThat(Double.isFinite(c.hand().value(x))).isTrue();
            assertThat(Vectors.allFinite(c.hand().gradient(x))).isTrue();
            for (double[] row : c.hand().hessian(x)) {
                assertThat(Vectors.allFinite(row)).isTrue();
            }
        }
    }
}
