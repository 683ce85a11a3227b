package io.optcheck.problem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The smooth interpolant of first-order data (x_i, g_i, f_i) in the class of functions whose
 * curvature lies in [mu, L] (mu in [-L, L)): mu = -L is the L-smooth class, mu = 0 the L-smooth
 * convex class F_{0,L}, mu &gt; 0 the strongly convex class F_{mu,L} (Taylor, Hendrickx &amp;
 * Glineur, Math. Program. 161 (2017), Thm 4 for F_{mu,L}, Thm 3.10 for the smooth class via
 * f + (L/2)||x||^2).
 *
 * <p>Construction. With M = L - mu, h = f - (mu/2)||x||^2 must be in F_{0,M}; its data are
 * h_i = f_i - (mu/2)||x_i||^2 and dh_i = g_i - mu x_i. The convex conjugate of an F_{0,M}
 * function is (1/M)-strongly convex, and the largest such function through the conjugate data
 * is phi(y) = max_i [h*_i + &lt;x_i, y - dh_i&gt; + ||y - dh_i||^2/(2M)]. Its conjugate is
 *
 * <pre>h(x) = min over alpha in the simplex of (M/2) ||x - sum alpha_i c_i||^2 + sum alpha_i b_i,
 *   c_i = x_i - dh_i/M,   b_i = h_i - ||dh_i||^2/(2M),</pre>
 *
 * and f = h + (mu/2)||x||^2. Whatever the data, h is convex and M-smooth (the conjugate of a
 * (1/M)-strongly convex function), so f has curvature in [mu, L] BY CONSTRUCTION: the
 * certificate's L and mu are exact for the realised function. The data matter only for
 * interpolation: f(x_i) = f_i and grad f(x_i) = g_i hold iff the interpolation conditions
 * h_i &gt;= h_j + &lt;dh_j, x_i - x_j&gt; + ||dh_i - dh_j||^2/(2M) hold for every pair; this is
 * checked on the realised function ({@link #interpolationResidual()}).
 *
 * <p>Evaluation. The minimum over the simplex is attained on a face spanned by affinely
 * independent c_i (at most d + 1 of them); on such a face the objective is strictly convex, so
 * enumerating every support of size at most d + 1, solving its equality-constrained problem and
 * keeping the feasible minimum gives the exact minimum up to the rounding of small linear solves.
 * The gradient is M (x - sum alpha*_i c_i) + mu x.
 *
 * <p>Lower bound. For mu &lt;= 0 the infimum over x of f is min_i [b_i + (mu M/(2L)) ||c_i||^2],
 * attained at x = (M/L) c_i (for fixed alpha the infimum is concave in alpha, so a vertex is
 * optimal); for the smooth class (mu = -L) this is min_i [f_i - ||g_i||^2/(2L)].
 *
 * <p>NaN or infinite arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class SmoothInterpolant implements Objective {

    private final int d;
    private final double l;
    private final double mu;
    private final double m;
    private final double[][] xs;
    private final double[][] gs;
    private final double[] fs;
    private final double[][] c;
    private final double[] b;
    private final int[][] supports;
    private final Certificate certificate;

    /**
     * @param l the smoothness constant, finite and &gt; 0
     * @param mu the curvature lower bound, in [-l, l)
     * @param xs the points x_i (n &gt;= 1, each of length d &gt;= 1)
     * @param gs the gradients g_i
     * @param fs the values f_i
     * @throws IllegalArgumentException for mismatched lengths or constants out of range
     */
    public SmoothInterpolant(double l, double mu, double[][] xs, double[][] gs, double[] fs) {
        if (!(l > 0) || !Double.isFinite(l) || !(mu >= -l) || !(mu < l)) {
            throw new IllegalArgumentException(
                    "SmoothInterpolant needs 0 < L < infinity and -L <= mu < L; got L = " + l + ", mu = " + mu);
        }
        int n = xs.length;
        if (n == 0 || gs.length != n || fs.length != n) {
            throw new IllegalArgumentException(
                    "SmoothInterpolant needs as many points, gradients and values (>= 1); got " + xs.length + ", "
                            + gs.length + ", " + fs.length);
        }
        this.d = xs[0].length;
        this.l = l;
        this.mu = mu;
        this.m = l - mu;
        this.xs = new double[n][];
        this.gs = new double[n][];
        this.fs = fs.clone();
        this.c = new double[n][d];
        this.b = new double[n];
        for (int i = 0; i < n; i++) {
            Vectors.requireLength(xs[i], d, "x_" + i);
            Vectors.requireLength(gs[i], d, "g_" + i);
            this.xs[i] = xs[i].clone();
            this.gs[i] = gs[i].clone();
            double dh2 = 0;
            for (int k = 0; k < d; k++) {
                double dh = gs[i][k] - mu * xs[i][k];
                c[i][k] = xs[i][k] - dh / m;
                dh2 += dh * dh;
            }
            b[i] = fs[i] - 0.5 * mu * Vectors.dot(xs[i], xs[i]) - dh2 / (2 * m);
        }
        this.supports = supports(n, Math.min(n, d + 1));
        String cls = mu == -l
                ? "L-smooth"
                : mu == 0 ? "L-smooth convex" : mu > 0 ? "mu-strongly convex L-smooth" : "L-smooth, curvature >= mu";
        Certificate cert = Certificate.none()
                .withL(
                        l,
                        Exactness.EXACT,
                        "by construction: conjugate of a max of (1/(L - mu))-strongly convex "
                                + "quadratics, plus (mu/2)||x||^2 (Taylor, Hendrickx & Glineur 2017)")
                .withConvex(mu >= 0, cls);
        if (mu > 0) {
            cert = cert.withMu(mu, Exactness.EXACT, "by construction");
        } else if (mu == 0) {
            cert = cert.withMu(0, Exactness.EXACT, "by construction");
        }
        if (mu <= 0) {
            double low = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                low = Math.min(low, b[i] + mu * m / (2 * l) * Vectors.dot(c[i], c[i]));
            }
            cert = cert.withFLow(low, Exactness.ROUNDED, "inf f = min_i [b_i + (mu M/(2L)) ||c_i||^2], attained");
        }
        this.certificate = cert;
    }

    private static int[][] supports(int n, int maxSize) {
        List<int[]> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << n); mask++) {
            int k = Integer.bitCount(mask);
            if (k <= maxSize) {
                int[] s = new int[k];
                int j = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s[j++] = i;
                    }
                }
                out.add(s);
            }
        }
        return out.toArray(new int[0][]);
    }

    public Certificate certificate() {
        return certificate;
    }

    /** L. */
    public double l() {
        return l;
    }

    /** The curvature lower bound mu (-L for the smooth class). */
    public double mu() {
        return mu;
    }

    /** The number of data points. */
    public int points() {
        return xs.length;
    }

    /** A copy of x_i. */
    public double[] point(int i) {
        return xs[i].clone();
    }

    /** A copy of g_i. */
    public double[] dataGradient(int i) {
        return gs[i].clone();
    }

    /** f_i. */
    public double dataValue(int i) {
        return fs[i];
    }

    /** The point where the infimum of f is attained (mu &lt;= 0): x = (M/L) c_i for the best i. */
    public double[] lowPoint() {
        int best = 0;
        double low = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double v = b[i] + mu * m / (2 * l) * Vectors.dot(c[i], c[i]);
            if (v < low) {
                low = v;
                best = i;
            }
        }
        double[] x = new double[d];
        for (int k = 0; k < d; k++) {
            x[k] = m / l * c[best][k];
        }
        return x;
    }

    @Override
    public int dimension() {
        return d;
    }

    /** The minimizing alpha's weights and the value of h at x: {h, alpha_0..alpha_{n-1}}. */
    private double[] solve(double[] x) {
        Vectors.requireLength(x, d, "x");
        int n = xs.length;
        double bestVal = Double.POSITIVE_INFINITY;
        double[] bestAlpha = null;
        double[] alpha = new double[n];
        for (int[] s : supports) {
            if (!faceMinimum(s, x, alpha)) {
                continue;
            }
            double v = hValue(x, alpha);
            if (v < bestVal || bestAlpha == null) {
                bestVal = v;
                bestAlpha = alpha.clone();
            }
            Arrays.fill(alpha, 0);
        }
        if (bestAlpha == null) { // non-finite x: no support solved; propagate NaN
            double[] out = new double[n + 1];
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] out = new double[n + 1];
        out[0] = bestVal;
        System.arraycopy(bestAlpha, 0, out, 1, n);
        return out;
    }

    private double hValue(double[] x, double[] alpha) {
        double sq = 0;
        double lin = 0;
        for (int k = 0; k < d; k++) {
            double ca = 0;
            for (int i = 0; i < alpha.length; i++) {
                ca += alpha[i] * c[i][k];
            }
            double r = x[k] - ca;
            sq += r * r;
        }
        for (int i = 0; i < alpha.length; i++) {
            lin += alpha[i] * b[i];
        }
        return 0.5 * m * sq + lin;
    }

    /**
     * The minimizer over the affine hull of the support's c_i, written into alpha; false when it
     * is not in the simplex or the c_i are affinely dependent.
     */
    private boolean faceMinimum(int[] s, double[] x, double[] alpha) {
        int k = s.length - 1;
        int i0 = s[0];
        if (k == 0) {
            alpha[i0] = 1;
            return true;
        }
        // alpha = e_0 + sum beta_j (e_j - e_0); M D^T D beta = M D^T (x - c_0) - (b_S - b_0)
        double[][] a = new double[k][k + 1];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double s2 = 0;
                for (int t = 0; t < d; t++) {
                    s2 += (c[s[p + 1]][t] - c[i0][t]) * (c[s[q + 1]][t] - c[i0][t]);
                }
                a[p][q] = m * s2;
            }
            double r = 0;
            for (int t = 0; t < d; t++) {
                r += (c[s[p + 1]][t] - c[i0][t]) * (x[t] - c[i0][t]);
            }
            a[p][k] = m * r - (b[s[p + 1]] - b[i0]);
        }
        double[] beta = gauss(a, k);
        if (beta == null) {
            return false;
        }
        double sum = 0;
        for (int p = 0; p < k; p++) {
            if (!(beta[p] >= 0)) {
                return false;
            }
            sum += beta[p];
        }
        if (!(sum <= 1)) {
            return false;
        }
        alpha[i0] = 1 - sum;
        for (int p = 0; p < k; p++) {
            alpha[s[p + 1]] = beta[p];
        }
        return true;
    }

    /** Gaussian elimination with partial pivoting on a k x (k+1) system; null when singular. */
    private static double[] gauss(double[][] a, int k) {
        double norm = 0;
        for (double[] row : a) {
            for (int j = 0; j < k; j++) {
                norm = Math.max(norm, Math.abs(row[j]));
            }
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][col]) > 1e-12 * norm)) {
                return null;
            }
            double[] t = a[piv];
            a[piv] = a[col];
            a[col] = t;
            for (int r = col + 1; r < k; r++) {
                double f = a[r][col] / a[col][col];
                for (int j = col; j <= k; j++) {
                    a[r][j] -= f * a[col][j];
                }
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = a[r][k];
            for (int j = r + 1; j < k; j++) {
                s -= a[r][j] * x[j];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    @Override
    public double value(double[] x) {
        double h = solve(x)[0];
        return h + 0.5 * mu * Vectors.dot(x, x);
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(out, d, "out");
        double[] s = solve(x);
        for (int k = 0; k < d; k++) {
            double ca = 0;
            for (int i = 0; i < xs.length; i++) {
                ca += s[i + 1] * c[i][k];
            }
            out[k] = m * (x[k] - ca) + mu * x[k];
        }
    }

    /** |mu/2| ||x||^2 + (M/2) ||x - C alpha||^2 + sum alpha_i |b_i|: the terms of f(x). */
    @Override
    public double valueScale(double[] x) {
        double[] s = solve(x);
        double lin = 0;
        for (int i = 0; i < xs.length; i++) {
            lin += s[i + 1] * Math.abs(b[i]);
        }
        return Math.abs(s[0] - lin) + lin + Math.abs(0.5 * mu * Vectors.dot(x, x));
    }

    /** M (||x|| + ||C alpha||) + |mu| ||x||. */
    @Override
    public double gradientScale(double[] x) {
        double[] s = solve(x);
        double ca2 = 0;
        for (int k = 0; k < d; k++) {
            double ca = 0;
            for (int i = 0; i < xs.length; i++) {
                ca += s[i + 1] * Math.abs(c[i][k]);
            }
            ca2 += ca * ca;
        }
        double xn = Vectors.norm(x);
        return m * (xn + Math.sqrt(ca2)) + Math.abs(mu) * xn;
    }

    /**
     * mu I + M (I - P), P the orthogonal projection onto the directions of the active face (the
     * Hessian where the active support is unique; on a boundary between faces, one side's).
     */
    @Override
    public double[][] hessian(double[] x) {
        double[] s = solve(x);
        List<double[]> dirs = new ArrayList<>();
        int i0 = -1;
        for (int i = 0; i < xs.length; i++) {
            if (s[i + 1] > 0) {
                if (i0 < 0) {
                    i0 = i;
                } else {
                    double[] v = new double[d];
                    for (int k = 0; k < d; k++) {
                        v[k] = c[i][k] - c[i0][k];
                    }
                    dirs.add(v);
                }
            }
        }
        // Gram-Schmidt basis of the face's directions
        List<double[]> basis = new ArrayList<>();
        for (double[] v : dirs) {
            double[] u = v.clone();
            for (double[] e : basis) {
                double p = Vectors.dot(u, e);
                for (int k = 0; k < d; k++) {
                    u[k] -= p * e[k];
                }
            }
            double nu = Vectors.norm(u);
            if (nu > 1e-12 * Math.max(1, Vectors.norm(v))) {
                for (int k = 0; k < d; k++) {
                    u[k] /= nu;
                }
                basis.add(u);
            }
        }
        double[][] hm = new double[d][d];
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                double proj = 0;
                for (double[] e : basis) {
                    proj += e[p] * e[q];
                }
                hm[p][q] = m * ((p == q ? 1 : 0) - proj) + (p == q ? mu : 0);
            }
        }
        return hm;
    }

    /**
     * The largest violation of interpolation on the realised function, relative to the data's
     * scale: max_i max(|f(x_i) - f_i|, ||grad f(x_i) - g_i|| ||x_i||, ...) / scale. Small (a
     * few ulps) iff the data satisfy the interpolation conditions of the class.
     */
    public double interpolationResidual() {
        double worst = 0;
        for (int i = 0; i < xs.length; i++) {
            double scale = valueScale(xs[i]) + Math.abs(fs[i]) + gradientScale(xs[i]) * (1 + Vectors.norm(xs[i]));
            double df = Math.abs(value(xs[i]) - fs[i]);
            double dg = Vectors.norm(Vectors.minus(gradient(xs[i]), gs[i])) * (1 + Vectors.norm(xs[i]));
            worst = Math.max(worst, Math.max(df, dg) / scale);
        }
        return worst;
    }

    /**
     * The class's assumptions sampled on the realised function: for {@code pairs} pairs of
     * points drawn around the data (seeded by the data), the largest of
     * ||grad f(x) - grad f(y)|| / (L ||x - y||) and of the two curvature inequalities
     * f(y) - f(x) - &lt;grad f(x), y - x&gt; in [(mu/2)||y - x||^2, (L/2)||y - x||^2], each as a
     * ratio to its bound (1 + excess/scale). A value above 1 + 1e-9 means the realisation is
     * wrong, not the data.
     */
    public double sampledClassRatio(int pairs) {
        SplittableRandom rng = new SplittableRandom(Arrays.deepHashCode(xs) * 31L + Arrays.hashCode(fs));
        double radius = 1;
        for (double[] x : xs) {
            radius = Math.max(radius, 2 * Vectors.norm(x));
        }
        double worst = 0;
        for (int p = 0; p < pairs; p++) {
            double[] x = new double[d];
            double[] y = new double[d];
            double[] near = xs[rng.nextInt(xs.length)];
            double scale = rng.nextBoolean() ? radius : radius * 1e-3;
            for (int k = 0; k < d; k++) {
                x[k] = near[k] + scale * (2 * rng.nextDouble() - 1);
                y[k] = x[k] + scale * (2 * rng.nextDouble() - 1);
            }
            double[] gx = gradient(x);
            double[] gy = gradient(y);
            double dxy = Vectors.norm(Vectors.minus(x, y));
            if (dxy == 0) {
                continue;
            }
            worst = Math.max(worst, Vectors.norm(Vectors.minus(gx, gy)) / (l * dxy));
            double gap = value(y) - value(x) - Vectors.dot(gx, Vectors.minus(y, x));
            double fScale = valueScale(x) + valueScale(y) + Vectors.norm(gx) * dxy;
            double tol = 1e-12 * fScale;
            double upper = 0.5 * l * dxy * dxy;
            double lower = 0.5 * mu * dxy * dxy;
            worst = Math.max(worst, 1 + Math.max(0, gap - upper - tol) / (upper + tol));
            worst = Math.max(worst, 1 + Math.max(0, lower - gap - tol) / (Math.abs(lower) + upper + tol));
        }
        return worst;
    }

    /** f in 300-digit arithmetic (for rechecks): the same enumeration with exact solves. */
    public BigDecimal exactValue(BigDecimal[] x, MathContext mc) {
        return exact(x, mc)[0];
    }

    /** grad f in 300-digit arithmetic. */
    public BigDecimal[] exactGradient(BigDecimal[] x, MathContext mc) {
        BigDecimal[] s = exact(x, mc);
        BigDecimal[] out = new BigDecimal[d];
        BigDecimal bm = new BigDecimal(m);
        BigDecimal bmu = new BigDecimal(mu);
        for (int k = 0; k < d; k++) {
            BigDecimal ca = BigDecimal.ZERO;
            for (int i = 0; i < xs.length; i++) {
                ca = ca.add(s[i + 1].multiply(new BigDecimal(c[i][k]), mc), mc);
            }
            out[k] = bm.multiply(x[k].subtract(ca, mc), mc).add(bmu.multiply(x[k], mc), mc);
        }
        return out;
    }

    /** inf f (mu &lt;= 0) in decimal arithmetic: min_i [b_i + (mu M/(2L)) ||c_i||^2] on the stored b_i, c_i. */
    public BigDecimal exactLow(MathContext mc) {
        BigDecimal k = new BigDecimal(mu).multiply(new BigDecimal(m)).divide(new BigDecimal(2 * l), mc);
        BigDecimal best = null;
        for (int i = 0; i < xs.length; i++) {
            BigDecimal cc = BigDecimal.ZERO;
            for (int t = 0; t < d; t++) {
                BigDecimal ci = new BigDecimal(c[i][t]);
                cc = cc.add(ci.multiply(ci));
            }
            BigDecimal v = new BigDecimal(b[i]).add(k.multiply(cc, mc), mc);
            best = best == null || v.compareTo(best) < 0 ? v : best;
        }
        return best;
    }

    /** {f(x), alpha_0..alpha_{n-1}} in decimal arithmetic (Cramer's rule on supports of size <= 3). */
    private BigDecimal[] exact(BigDecimal[] x, MathContext mc) {
        if (d > 2) {
            throw new IllegalStateException("the decimal evaluation supports dimension <= 2, not " + d);
        }
        int n = xs.length;
        BigDecimal bm = new BigDecimal(m);
        BigDecimal best = null;
        BigDecimal[] bestAlpha = null;
        for (int[] s : supports) {
            BigDecimal[] alpha = exactFace(s, x, bm, mc);
            if (alpha == null) {
                continue;
            }
            BigDecimal sq = BigDecimal.ZERO;
            for (int k = 0; k < d; k++) {
                BigDecimal ca = BigDecimal.ZERO;
                for (int i = 0; i < n; i++) {
                    ca = ca.add(alpha[i].multiply(new BigDecimal(c[i][k]), mc), mc);
                }
                BigDecimal r = x[k].subtract(ca, mc);
                sq = sq.add(r.multiply(r, mc), mc);
            }
            BigDecimal v = sq.multiply(bm, mc).divide(BigDecimal.valueOf(2), mc);
            for (int i = 0; i < n; i++) {
                v = v.add(alpha[i].multiply(new BigDecimal(b[i]), mc), mc);
            }
            if (best == null || v.compareTo(best) < 0) {
                best = v;
                bestAlpha = alpha;
            }
        }
        BigDecimal xx = BigDecimal.ZERO;
        for (int k = 0; k < d; k++) {
            xx = xx.add(x[k].multiply(x[k], mc), mc);
        }
        BigDecimal[] out = new BigDecimal[n + 1];
        out[0] = best.add(new BigDecimal(mu).multiply(xx, mc).divide(BigDecimal.valueOf(2), mc), mc);
        System.arraycopy(bestAlpha, 0, out, 1, n);
        return out;
    }

    private BigDecimal[] exactFace(int[] s, BigDecimal[] x, BigDecimal bm, MathContext mc) {
        int n = xs.length;
        BigDecimal[] alpha = new BigDecimal[n];
        Arrays.fill(alpha, BigDecimal.ZERO);
        int k = s.length - 1;
        int i0 = s[0];
        if (k == 0) {
            alpha[i0] = BigDecimal.ONE;
            return alpha;
        }
        BigDecimal[][] dvec = new BigDecimal[k][d];
        for (int p = 0; p < k; p++) {
            for (int t = 0; t < d; t++) {
                dvec[p][t] = new BigDecimal(c[s[p + 1]][t]).subtract(new BigDecimal(c[i0][t]));
            }
        }
        BigDecimal[][] a = new BigDecimal[k][k];
        BigDecimal[] rhs = new BigDecimal[k];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                BigDecimal s2 = BigDecimal.ZERO;
                for (int t = 0; t < d; t++) {
                    s2 = s2.add(dvec[p][t].multiply(dvec[q][t]));
                }
                a[p][q] = bm.multiply(s2);
            }
            BigDecimal r = BigDecimal.ZERO;
            for (int t = 0; t < d; t++) {
                r = r.add(dvec[p][t].multiply(x[t].subtract(new BigDecimal(c[i0][t]), mc), mc), mc);
            }
            rhs[p] = bm.multiply(r, mc).subtract(new BigDecimal(b[s[p + 1]]).subtract(new BigDecimal(b[i0])), mc);
        }
        BigDecimal[] beta;
        if (k == 1) {
            if (a[0][0].signum() == 0) {
                return null;
            }
            beta = new BigDecimal[] {rhs[0].divide(a[0][0], mc)};
        } else {
            BigDecimal det = a[0][0].multiply(a[1][1]).subtract(a[0][1].multiply(a[1][0]));
            if (det.signum() == 0) {
                return null;
            }
            beta = new BigDecimal[] {
                rhs[0].multiply(a[1][1], mc)
                        .subtract(a[0][1].multiply(rhs[1], mc), mc)
                        .divide(det, mc),
                a[0][0].multiply(rhs[1], mc)
                        .subtract(rhs[0].multiply(a[1][0], mc), mc)
                        .divide(det, mc)
            };
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int p = 0; p < k; p++) {
            if (beta[p].signum() < 0) {
                return null;
            }
            sum = sum.add(beta[p]);
            alpha[s[p + 1]] = beta[p];
        }
        if (sum.compareTo(BigDecimal.ONE) > 0) {
            return null;
        }
        alpha[i0] = BigDecimal.ONE.subtract(sum);
        return alpha;
    }

    /** Fields for a counterexample: the class, the data and the certificate. */
    public Map<String, Object> describeData() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x_i", Num.fmt(xs));
        out.put("g_i", Num.fmt(gs));
        out.put("f_i", Num.fmt(fs));
        return out;
    }

    @Override
    public String describe() {
        String cls = mu == -l ? "L-smooth" : mu == 0 ? "L-smooth convex" : "mu-strongly convex L-smooth";
        return String.format(
                Locale.ROOT,
                "maximal %s interpolant (L = %s, mu = %s) of %d points x_i = %s, g_i = %s, f_i = %s",
                cls,
                Num.fmt(l),
                Num.fmt(mu),
                xs.length,
                Num.fmt(xs),
                Num.fmt(gs),
                Num.fmt(fs));
    }
}
