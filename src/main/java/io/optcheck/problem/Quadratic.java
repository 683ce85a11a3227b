package io.optcheck.problem;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealVector;

/**
 * f(x) = 1/2 x^T H x - b^T x with H symmetric; grad f(x) = H x - b; hess f = H.
 *
 * <p>H is stored as a flat row-major {@code double[]} (or only its diagonal), so value and
 * gradient are plain loops. Instances are immutable; the factories copy their arguments.
 *
 * <p>Certificates. L is the spectral norm max |lambda_i| (equal to lambda_max for PSD H), mu is
 * lambda_min when lambda_min >= 0 and absent otherwise; convexity is lambda_min >= 0. The
 * factories differ in exactness:
 * <ul>
 *   <li>{@link #diagonal(double[])}, {@link #diagonal(double[], double[])}: eigenvalues are the
 *       stored doubles, so L and mu are {@link Exactness#EXACT}.</li>
 *   <li>{@link #fromSpectrum(double[], double[][], double[])}: H = Q diag(lambda) Q^T is rounded,
 *       so L and mu are {@link Exactness#ROUNDED}.</li>
 *   <li>{@link #of(double[][], double[])}: L and mu from {@link EigenDecompositionSymmetric},
 *       {@link Exactness#ROUNDED}.</li>
 * </ul>
 * Where a minimizer exists, x* and f* = f(x*) (as evaluated in double) are recorded. For
 * singular PSD H the minimizers form x* + null(H); the recorded x* is noted as one of them. For
 * indefinite H, or PSD H with b outside the range, f is unbounded below: no x*, f*, f_low.
 *
 * <p>NaN/infinite arguments propagate; wrong lengths throw {@link IllegalArgumentException}.
 */
public final class Quadratic implements Objective, HasFormula {
    private final int n;
    /** Diagonal of H when {@code diagonal}, else the full matrix row-major. */
    private final double[] h;

    private final boolean diagonal;
    private final double[] b;
    private final double[] eigenvalues;
    private final String family;
    private final Certificate certificate;

    private Quadratic(
            int n,
            double[] h,
            boolean diagonal,
            double[] b,
            double[] eigenvalues,
            String family,
            Certificate certificate) {
        this.n = n;
        this.h = h;
        this.diagonal = diagonal;
        this.b = b;
        this.eigenvalues = eigenvalues;
        this.family = family;
        this.certificate = certificate;
    }

    /**
     * H = diag(lambda), b = 0: minimizer 0, f* = 0, both EXACT (when lambda_min >= 0).
     *
     * @param lambda finite, non-empty; negative entries give an indefinite (non-convex) quadratic
     */
    public static Quadratic diagonal(double[] lambda) {
        Vectors.requireFiniteNonEmpty(lambda, "lambda");
        return diagonal(lambda, new double[lambda.length]);
    }

    /**
     * H = diag(lambda), b_i = lambda_i xStar_i, so grad f(xStar) = 0 exactly in floating point.
     * x* is EXACT when every product lambda_i xStar_i is exact in double (then b_i / lambda_i =
     * xStar_i), ROUNDED otherwise; f* is EXACT (= 0) only when b = 0.
     *
     * @throws IllegalArgumentException on empty, non-finite or mismatched input
     */
    public static Quadratic diagonal(double[] lambda, double[] xStar) {
        Vectors.requireFiniteNonEmpty(lambda, "lambda");
        Vectors.requireFiniteNonEmpty(xStar, "xStar");
        Vectors.requireLength(xStar, lambda.length, "xStar");
        int d = lambda.length;
        double[] b = new double[d];
        boolean exactProducts = true;
        boolean bZero = true;
        for (int i = 0; i < d; i++) {
            b[i] = lambda[i] * xStar[i];
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException("lambda*xStar overflows at " + i);
            }
            exactProducts &= Math.fma(lambda[i], xStar[i], -b[i]) == 0.0;
            bZero &= b[i] == 0.0;
        }
        double[] lam = lambda.clone();
        Quadratic shell = new Quadratic(d, lam, true, b, lam.clone(), "quadratic.diagonal", Certificate.none());
        double lmin = min(lam);
        Certificate c = spectralCertificate(lam, Exactness.EXACT, "");
        if (lmin >= 0) {
            String xNote = lmin == 0 ? "one minimizer; all minimizers are x* + null(H)" : "";
            Exactness xe = exactProducts ? Exactness.EXACT : Exactness.ROUNDED;
            c = c.withXStar(xStar, xe, xNote);
            c = bZero
                    ? c.withFStar(0.0, Exactness.EXACT)
                    : c.withFStar(shell.value(xStar), Exactness.ROUNDED, "f(x*) evaluated in double");
            c = c.withFLow(
                    c.fStar().getAsDouble(),
                    c.entry(Certificate.Constant.F_STAR).get().exactness());
        }
        return shell.withCertificate(c);
    }

    /**
     * H = Q diag(lambda) Q^T (computed entrywise for i &lt;= j and mirrored, so exactly symmetric),
     * b = H xStar computed with the same loop as the gradient, so grad f(xStar) = 0 exactly in
     * floating point. L, mu are from lambda, ROUNDED; x* = xStar ROUNDED; f* = f(xStar) ROUNDED.
     *
     * @param lambda eigenvalues, finite, length d
     * @param q orthogonal d x d matrix (columns are eigenvectors), e.g. from
     *     {@link Orthogonal#fromGaussian(double[], int)}; checked to |Q^T Q - I| &lt;= 1e-8 entrywise
     * @param xStar intended minimizer, finite, length d
     * @throws IllegalArgumentException on malformed input or non-orthogonal q
     */
    public static Quadratic fromSpectrum(double[] lambda, double[][] q, double[] xStar) {
        Vectors.requireFiniteNonEmpty(lambda, "lambda");
        int d = lambda.length;
        double[][] qc = Vectors.copyRectangular(q, "q");
        if (qc.length != d || qc[0].length != d) {
            throw new IllegalArgumentException("q must be " + d + " x " + d);
        }
        Vectors.requireFiniteNonEmpty(xStar, "xStar");
        Vectors.requireLength(xStar, d, "xStar");
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += qc[k][i] * qc[k][j];
                }
                if (Math.abs(s - (i == j ? 1.0 : 0.0)) > 1e-8) {
                    throw new IllegalArgumentException("q is not orthogonal: (Q^T Q)[" + i + "][" + j + "] = " + s);
                }
            }
        }
        double[] hf = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += qc[i][k] * lambda[k] * qc[j][k];
                }
                hf[i * d + j] = s;
                hf[j * d + i] = s;
            }
        }
        double[] b = new double[d];
        mulDense(hf, d, xStar, b);
        Quadratic shell = new Quadratic(d, hf, false, b, lambda.clone(), "quadratic.spectral", Certificate.none());
        String note = "from the chosen spectrum; H = Q diag(lambda) Q^T is rounded";
        Certificate c = spectralCertificate(lambda, Exactness.ROUNDED, note);
        if (min(lambda) >= 0) {
            String xNote = min(lambda) == 0
                    ? "grad f(x*) = 0 in double; one minimizer; all minimizers are x* + null(H)"
                    : "grad f(x*) = 0 in double";
            double fs = shell.value(xStar);
            c = c.withXStar(xStar, Exactness.ROUNDED, xNote)
                    .withFStar(fs, Exactness.ROUNDED, "f(x*) evaluated in double")
                    .withFLow(fs, Exactness.ROUNDED, "f(x*) evaluated in double");
        }
        return shell.withCertificate(c);
    }

    /**
     * A general quadratic from H (must be exactly symmetric) and b. Eigenvalues from
     * {@link EigenDecompositionSymmetric}, so L and mu are ROUNDED. An eigenvalue with
     * |lambda| &lt;= 16 d 2^-52 max|lambda| is treated as 0 (noted). For PSD H with b in the range
     * (component along the null space &lt;= 1e-12 ||b||), x* is the minimum-norm minimizer H^+ b.
     *
     * @throws IllegalArgumentException on empty, non-square, non-symmetric or non-finite input
     */
    public static Quadratic of(double[][] hIn, double[] bIn) {
        double[][] hc = Vectors.copyRectangular(hIn, "h");
        int d = hc.length;
        if (hc[0].length != d) {
            throw new IllegalArgumentException("h must be square, got " + d + " x " + hc[0].length);
        }
        Vectors.requireFiniteNonEmpty(bIn, "b");
        Vectors.requireLength(bIn, d, "b");
        double[] hf = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (hc[i][j] != hc[j][i]) {
                    throw new IllegalArgumentException("h is not symmetric at (" + i + ", " + j + ")");
                }
                hf[i * d + j] = hc[i][j];
            }
        }
        double[] b = bIn.clone();
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(hc));
        double[] lam = eig.getEigenvalues();
        Quadratic shell = new Quadratic(d, hf, false, b, lam.clone(), "quadratic.general", Certificate.none());
        double lmax = Vectors.maxAbs(lam);
        double zeroTol = 16.0 * d * 0x1p-52 * lmax;
        double lmin = min(lam);
        String note = "EigenDecompositionSymmetric";
        Certificate c = Certificate.none().withL(lmax, Exactness.ROUNDED, note);
        if (lmin < -zeroTol) {
            return shell.withCertificate(c.withConvex(false, "lambda_min = " + Num.fmt(lmin)));
        }
        c = c.withConvex(true);
        boolean singular = lmin <= zeroTol;
        c = singular
                ? c.withMu(0.0, Exactness.ROUNDED, "lambda_min = " + Num.fmt(lmin) + " within rounding of 0")
                : c.withMu(lmin, Exactness.ROUNDED, note);
        double bNorm = Math.sqrt(Vectors.normSq(b));
        double[] x = new double[d];
        for (int k = 0; k < d; k++) {
            RealVector v = eig.getEigenvector(k);
            double coef = v.dotProduct(MatrixUtils.createRealVector(b));
            if (Math.abs(lam[k]) <= zeroTol) {
                if (Math.abs(coef) > 1e-12 * bNorm) {
                    return shell.withCertificate(
                            c.withConvex(true, "b has a component outside range(H): unbounded below"));
                }
                continue;
            }
            for (int i = 0; i < d; i++) {
                x[i] += coef / lam[k] * v.getEntry(i);
            }
        }
        double fs = shell.value(x);
        c = c.withXStar(x, Exactness.ROUNDED, singular ? "minimum-norm minimizer H^+ b" : "H^-1 b")
                .withFStar(fs, Exactness.ROUNDED, "f(x*) evaluated in double")
                .withFLow(fs, Exactness.ROUNDED, "f(x*) evaluated in double");
        return shell.withCertificate(c);
    }

    private static Certificate spectralCertificate(double[] lam, Exactness e, String note) {
        double lmin = min(lam);
        String lNote = lmin < 0 ? join(note, "max |lambda|") : note;
        Certificate c = Certificate.none().withL(Vectors.maxAbs(lam), e, lNote);
        if (lmin >= 0) {
            c = c.withConvex(true).withMu(lmin, e, note);
        } else {
            c = c.withConvex(false, "lambda_min = " + Num.fmt(lmin) + " < 0: unbounded below");
        }
        return c;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    private Quadratic withCertificate(Certificate c) {
        return new Quadratic(n, h, diagonal, b, eigenvalues, family, c);
    }

    private static void mulDense(double[] hf, int d, double[] x, double[] out) {
        for (int i = 0; i < d; i++) {
            double s = 0.0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += hf[row + j] * x[j];
            }
            out[i] = s;
        }
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double a : v) {
            m = Math.min(m, a);
        }
        return m;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        Vectors.requireLength(x, n, "x");
        double s = 0.0;
        if (diagonal) {
            for (int i = 0; i < n; i++) {
                s += (0.5 * h[i] * x[i] - b[i]) * x[i];
            }
            return s;
        }
        for (int i = 0; i < n; i++) {
            double hx = 0.0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                hx += h[row + j] * x[j];
            }
            s += (0.5 * hx - b[i]) * x[i];
        }
        return s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(x, n, "x");
        Vectors.requireLength(out, n, "out");
        if (diagonal) {
            for (int i = 0; i < n; i++) {
                out[i] = h[i] * x[i] - b[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += h[row + j] * x[j];
            }
            out[i] = s - b[i];
        }
    }

    /**
     * sum_i (1/2 sum_j |H_ij x_j| + |b_i|) |x_i|: the magnitudes {@link #value} adds up. For a
     * rotated H the terms H_ij x_i x_j cancel (f = 0.43 from terms of size 7000 on a rotated 2-D
     * quadratic with eigenvalues 149.1 and 0.0011), so |f(x)| understates the rounding of f by
     * orders of magnitude; for a diagonal H with b = 0 it equals |f(x)|.
     */
    @Override
    public double valueScale(double[] x) {
        Vectors.requireLength(x, n, "x");
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double hx;
            if (diagonal) {
                hx = Math.abs(h[i] * x[i]);
            } else {
                hx = 0.0;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    hx += Math.abs(h[row + j] * x[j]);
                }
            }
            s += (0.5 * hx + Math.abs(b[i])) * Math.abs(x[i]);
        }
        return s;
    }

    /**
     * The norm of the vector (sum_j |H_ij x_j| + |b_i|)_i: the magnitudes each gradient component
     * adds up, which exceed |grad f(x)| where H x and b cancel (near a minimizer) or where the
     * products H_ij x_j cancel (a rotated H).
     */
    @Override
    public double gradientScale(double[] x) {
        Vectors.requireLength(x, n, "x");
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double c;
            if (diagonal) {
                c = Math.abs(h[i] * x[i]);
            } else {
                c = 0.0;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    c += Math.abs(h[row + j] * x[j]);
                }
            }
            c += Math.abs(b[i]);
            s += c * c;
        }
        return Math.sqrt(s);
    }

    /** Writes H v into out (independent of x, which is only length-checked). */
    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        Vectors.requireLength(x, n, "x");
        Vectors.requireLength(v, n, "v");
        Vectors.requireLength(out, n, "out");
        if (diagonal) {
            for (int i = 0; i < n; i++) {
                out[i] = h[i] * v[i];
            }
        } else {
            mulDense(h, n, v, out);
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        Vectors.requireLength(x, n, "x");
        return h();
    }

    /** A copy of H. */
    public double[][] h() {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (diagonal) {
                m[i][i] = h[i];
            } else {
                System.arraycopy(h, i * n, m[i], 0, n);
            }
        }
        return m;
    }

    /** A copy of b. */
    public double[] b() {
        return b.clone();
    }

    /** True when built by a diagonal factory (H stored as its diagonal). */
    public boolean isDiagonal() {
        return diagonal;
    }

    /**
     * A copy of the eigenvalues of H: the given lambda for {@code diagonal} and
     * {@code fromSpectrum} (in the given order), the computed ones for {@code of}.
     */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The certificate built by the factory. */
    public Certificate certificate() {
        return certificate;
    }

    /** {@code "quadratic.diagonal"}, {@code "quadratic.spectral"} or {@code "quadratic.general"}. */
    public String family() {
        return family;
    }

    /** This objective with its family and certificate. */
    public Problem problem() {
        return new Problem(family, this, certificate);
    }

    @Override
    public Formula formula() {
        final double[] hh = h.clone();
        final double[] bb = b.clone();
        final int d = n;
        final boolean diag = diagonal;
        return x -> {
            DerivativeStructure s = x[0].getField().getZero();
            for (int i = 0; i < d; i++) {
                DerivativeStructure hx;
                if (diag) {
                    hx = x[i].multiply(hh[i]);
                } else {
                    double[] row = new double[d];
                    System.arraycopy(hh, i * d, row, 0, d);
                    hx = x[0].linearCombination(row, x);
                }
                s = s.add(hx.multiply(0.5).subtract(bb[i]).multiply(x[i]));
            }
            return s;
        };
    }

    @Override
    public String describe() {
        String hs;
        if (diagonal) {
            hs = "diag" + Num.fmt(h);
        } else if (n <= 4) {
            hs = Num.fmt(h());
        } else {
            hs = "[" + n + " x " + n + " matrix, eigenvalues in [" + Num.fmt(min(eigenvalues)) + ", "
                    + Num.fmt(maxOf(eigenvalues)) + "]]";
        }
        return "1/2 x^T H x - b^T x, H = " + hs + ", b = " + Num.fmt(b);
    }

    private static double maxOf(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            m = Math.max(m, a);
        }
        return m;
    }

    @Override
    public String toString() {
        return describe();
    }
}
