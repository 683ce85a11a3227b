package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;
import java.util.Arrays;
import java.util.Locale;

/**
 * Problem families as generators. Each generated objective carries a certificate whose
 * constants are built in, not estimated: a quadratic's L is the largest eigenvalue it was built
 * from (exact for diagonal H, rounded and marked so for rotated H).
 */
public final class Problems {

    private Problems() {}

    /** Spectrum shapes of the quadratic family; the first is the one shrinking moves toward. */
    public enum Spectrum {
        /** eigenvalues log-uniform in [lo, hi] */
        LOG_UNIFORM,
        /** every eigenvalue equal (kappa = 1) */
        ALL_EQUAL,
        /** eigenvalues at lo and hi only, so kappa = hi/lo (1e6 by default) */
        EXTREME
    }

    /**
     * Quadratics 1/2 x^T H x with H = Q diag(lambda) Q^T (or diagonal), minimizer 0 and f* = 0.
     * Immutable options; see {@link #quadratics()}.
     */
    public static final class QuadraticGen implements Gen<Quadratic> {
        private final int minDim;
        private final int maxDim;
        private final double lo;
        private final double hi;
        private final boolean diagonalOnly;
        private final boolean singular;
        private final boolean powerOfTwoTop;

        private QuadraticGen(
                int minDim,
                int maxDim,
                double lo,
                double hi,
                boolean diagonalOnly,
                boolean singular,
                boolean powerOfTwoTop) {
            if (minDim < 1 || maxDim < minDim) {
                throw new IllegalArgumentException("dimensions need 1 <= min <= max, got " + minDim + ".." + maxDim);
            }
            if (!(lo > 0 && hi >= lo)) {
                throw new IllegalArgumentException("spectrum needs 0 < lo <= hi, got [" + lo + ", " + hi + "]");
            }
            this.minDim = minDim;
            this.maxDim = maxDim;
            this.lo = lo;
            this.hi = hi;
            this.diagonalOnly = diagonalOnly;
            this.singular = singular;
            this.powerOfTwoTop = powerOfTwoTop;
        }

        /** Dimensions in [min, max] (default 1..20). */
        public QuadraticGen dimensions(int min, int max) {
            return new QuadraticGen(min, max, lo, hi, diagonalOnly, singular, powerOfTwoTop);
        }

        /** Eigenvalues in [lo, hi] (default [1e-3, 1e3]). */
        public QuadraticGen spectrum(double newLo, double newHi) {
            return new QuadraticGen(minDim, maxDim, newLo, newHi, diagonalOnly, singular, powerOfTwoTop);
        }

        /** Diagonal H only: the eigenbasis is exact and L = max lambda exactly. */
        public QuadraticGen diagonal() {
            return new QuadraticGen(minDim, maxDim, lo, hi, true, singular, powerOfTwoTop);
        }

        /** Some eigenvalues are exactly 0 (convex, not strongly convex); the largest stays positive. */
        public QuadraticGen singular() {
            return new QuadraticGen(minDim, maxDim, lo, hi, diagonalOnly, true, powerOfTwoTop);
        }

        /**
         * The largest eigenvalue is a power of two in [lo, hi], so that eta = 2/L is exact and
         * 1 - eta L is exactly -1.
         */
        public QuadraticGen powerOfTwoTop() {
            return new QuadraticGen(minDim, maxDim, lo, hi, diagonalOnly, singular, true);
        }

        @Override
        public Quadratic generate(Source s) {
            int d = s.draw(Gens.integers(minDim, maxDim));
            Spectrum shape = s.draw(Gens.frequency(
                    Gens.weight(6, Gens.just(Spectrum.LOG_UNIFORM)),
                    Gens.weight(1, Gens.just(Spectrum.ALL_EQUAL)),
                    Gens.weight(1, Gens.just(Spectrum.EXTREME))));
            double[] lambda = new double[d];
            double top;
            if (powerOfTwoTop) {
                int kLo = (int) Math.ceil(Math.log(lo) / Math.log(2));
                int kHi = (int) Math.floor(Math.log(hi) / Math.log(2));
                top = Math.scalb(1.0, s.draw(Gens.integers(kLo, kHi)));
            } else {
                top = Gens.logDoubles(lo, hi).draw(s);
            }
            for (int i = 0; i < d; i++) {
                lambda[i] = switch (shape) {
                    case ALL_EQUAL -> top;
                    case EXTREME -> (i == 0 || !s.drawBoolean(0.5)) ? top : Math.max(lo, top * lo / hi);
                    case LOG_UNIFORM -> i == 0 ? top : Gens.logDoubles(lo, top).draw(s);
                };
            }
            if (shape == Spectrum.EXTREME && d >= 2) {
                lambda[d - 1] = Math.max(lo, top * lo / hi);
            }
            if (singular && d >= 2) {
                int zeros = s.draw(Gens.integers(1, d - 1));
                for (int i = d - zeros; i < d; i++) {
                    lambda[i] = 0;
                }
            }
            boolean rotate = !diagonalOnly && d >= 2 && s.drawBoolean(0.5);
            if (!rotate) {
                return Quadratic.diagonal(lambda);
            }
            return Quadratic.fromSpectrum(lambda, orthogonal(s, d), new double[d]);
        }

        @Override
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "quadratics(d %d..%d, lambda [%s, %s]%s%s%s)",
                    minDim,
                    maxDim,
                    lo,
                    hi,
                    diagonalOnly ? ", diagonal" : "",
                    singular ? ", singular" : "",
                    powerOfTwoTop ? ", L power of 2" : "");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Strongly convex quadratics: dimension 1..20, eigenvalues in [1e-3, 1e3], some rotated. */
    public static QuadraticGen quadratics() {
        return new QuadraticGen(1, 20, 1e-3, 1e3, false, false, false);
    }

    /**
     * A random d x d orthogonal matrix: {@link Orthogonal#fromGaussian} of d*d {@link #gaussian}
     * draws, taken row by row.
     */
    public static double[][] orthogonal(Source s, int d) {
        double[] z = new double[d * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = gaussian(s);
        }
        return Orthogonal.fromGaussian(z, d);
    }

    /**
     * A standard normal number from two uniform choices (Box-Muller, StrictMath for replay). The
     * first choice is drawn as 1 - u1, so that both choices shrink to a draw of exactly 0 (not to
     * the 8.6-sigma tail value that u1 = 2^-53 would give).
     */
    public static double gaussian(Source s) {
        double u1 = 1 - Gens.doubles(0, 1 - 0x1p-53).uniformOnly().draw(s);
        double u2 = Gens.doubles(0, 1).uniformOnly().draw(s);
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /**
     * Points in the box [-r, r]^d. Coordinates shrink toward 0 and, where the failure allows, to
     * whole numbers (a start of (1, 0) reads better than (0.0001, 0)).
     */
    public static Gen<double[]> points(int d, double r) {
        return Gens.doubleArrays(Gens.doubles(-r, r).shrinkDigits(0), d);
    }

    /**
     * Least squares (1/2n)||Xw - y||^2 with Gaussian X and y: n examples in [1, 30], d features
     * in [1, 20]. Underdetermined problems (d &gt; n) come with {@link #underdeterminedLeastSquares()}.
     */
    public static Gen<LeastSquares> leastSquares() {
        return leastSquares(1, 30, 1, 20);
    }

    /** Least squares with more columns than rows: d in [n + 1, n + 10]. */
    public static Gen<LeastSquares> underdeterminedLeastSquares() {
        return Gens.named("underdetermined least squares", s -> {
            int n = s.draw(Gens.integers(1, 15));
            int d = s.draw(Gens.integers(n + 1, n + 10));
            return drawLeastSquares(s, n, d);
        });
    }

    private static Gen<LeastSquares> leastSquares(int nMin, int nMax, int dMin, int dMax) {
        return Gens.named(
                String.format(Locale.ROOT, "least squares(n %d..%d, d %d..%d)", nMin, nMax, dMin, dMax),
                s -> drawLeastSquares(s, s.draw(Gens.integers(nMin, nMax)), s.draw(Gens.integers(dMin, dMax))));
    }

    private static LeastSquares drawLeastSquares(Source s, int n, int d) {
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = gaussian(s);
            }
            y[i] = gaussian(s);
        }
        return new LeastSquares(x, y);
    }

    /**
     * Logistic regression without intercept: n examples in [2, 40], d features in [1, 10],
     * Gaussian features. With {@code separable} the labels are sign(w*^T x_i) for a drawn w* and
     * every example is moved to margin at least 0.1 along w*, so the data are linearly separable;
     * otherwise labels are fair coin flips (separable only by chance).
     */
    public static Gen<Logistic> logistic(boolean separable) {
        return Gens.named(separable ? "separable logistic" : "logistic", s -> {
            int n = s.draw(Gens.integers(2, 40));
            int d = s.draw(Gens.integers(1, 10));
            double[] w = new double[d];
            double wn = 0;
            for (int j = 0; j < d; j++) {
                w[j] = gaussian(s);
                wn += w[j] * w[j];
            }
            wn = Math.sqrt(wn);
            if (wn < 1e-6) { // a degenerate direction cannot separate anything: use e_1
                Arrays.fill(w, 0);
                w[0] = 1;
                wn = 1;
            }
            double[][] x = new double[n][d];
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) {
                double m = 0;
                for (int j = 0; j < d; j++) {
                    x[i][j] = gaussian(s);
                    m += x[i][j] * w[j];
                }
                if (separable) {
                    labels[i] = m >= 0 ? 1 : -1;
                    double margin = Math.abs(m) / wn;
                    if (margin < 0.1) {
                        for (int j = 0; j < d; j++) {
                            x[i][j] += labels[i] * (0.1 - margin) * w[j] / wn;
                        }
                    }
                } else {
                    labels[i] = s.drawBoolean(0.5) ? 1 : -1;
                }
            }
            return new Logistic(x, labels);
        });
    }
}
