package io.optcheck.oracle;

import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import java.util.Objects;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * grad f(x) plus independent, zero-mean noise: g = grad f(x) + xi, with xi drawn fresh at each
 * gradient call from a {@link Noise} model. {@link #value} returns the exact f(x). Seeded
 * (Well19937c), so two oracles with the same seed return the same sequence. Counts its calls.
 * Not thread-safe: one oracle per run.
 */
public final class NoisyOracle extends CountingOracle<Objective> {

    /** A zero-mean noise model on R^d, drawn coordinate-wise i.i.d. */
    public interface Noise {
        /** One coordinate of xi. */
        double draw(RandomGenerator rng);

        /** E[xi_i^2] per coordinate; infinite for heavy tails. E||xi||^2 = d times this. */
        double variancePerCoordinate();

        /** A short description for reports, e.g. "gaussian(sigma = 0.5)". */
        String describe();

        /**
         * A bound on |xi_i| that holds for every draw, so ||xi|| &lt;= bound() sqrt(d); +Infinity for
         * unbounded noise (Gaussian, Student-t).
         */
        default double bound() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Uniform noise on [-s, s] per coordinate: zero mean, E[xi_i^2] = s^2/3 exactly, and every
     * draw bounded, |xi_i| &lt;= s, so a stochastic gradient is bounded wherever grad f is (the
     * bounded-gradient setting of Robbins &amp; Monro 1951 and of the stalling argument for
     * summable steps). Drawn as s u with u uniform in [0, 1) and a fair random sign, so the
     * distribution is exactly symmetric (s (2u - 1) would have mean -2^-53 s on the 2^-53 grid).
     *
     * @throws IllegalArgumentException for s not finite and >= 0
     */
    public static Noise uniform(double s) {
        if (!(s >= 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("s must be finite and >= 0, got " + s);
        }
        return new Noise() {
            @Override
            public double draw(RandomGenerator rng) {
                double u = s * rng.nextDouble();
                return rng.nextBoolean() ? u : -u;
            }

            @Override
            public double variancePerCoordinate() {
                return s * s / 3;
            }

            @Override
            public double bound() {
                return s;
            }

            @Override
            public String describe() {
                return "uniform([-s, s] per coordinate, s = " + Num.fmt(s) + ")";
            }
        };
    }

    /** Gaussian noise with standard deviation s per coordinate: E||xi||^2 = d s^2. */
    public static Noise gaussian(double s) {
        if (!(s >= 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("s must be finite and >= 0, got " + s);
        }
        return new Noise() {
            @Override
            public double draw(RandomGenerator rng) {
                return s * rng.nextGaussian();
            }

            @Override
            public double variancePerCoordinate() {
                return s * s;
            }

            @Override
            public String describe() {
                return "gaussian(s = " + Num.fmt(s) + " per coordinate)";
            }
        };
    }

    /**
     * Student-t noise with nu degrees of freedom scaled by s: zero mean for nu > 1, infinite
     * variance for nu &lt;= 2 (nu = 2 is the heavy-tailed example). Drawn as
     * s Z / sqrt(W/nu) with Z standard normal and W chi-square(nu) = sum of nu squared normals for
     * integer nu (exact, no rejection sampling).
     *
     * @throws IllegalArgumentException for nu not an integer in [2, 100] or s not finite and >= 0
     */
    public static Noise studentT(int nu, double s) {
        if (nu < 2 || nu > 100) {
            throw new IllegalArgumentException("nu must be an integer in [2, 100], got " + nu);
        }
        if (!(s >= 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("s must be finite and >= 0, got " + s);
        }
        return new Noise() {
            @Override
            public double draw(RandomGenerator rng) {
                double z = rng.nextGaussian();
                double w = 0;
                for (int i = 0; i < nu; i++) {
                    double n = rng.nextGaussian();
                    w += n * n;
                }
                return s * z / Math.sqrt(w / nu);
            }

            @Override
            public double variancePerCoordinate() {
                return nu <= 2 ? Double.POSITIVE_INFINITY : s * s * nu / (nu - 2.0);
            }

            @Override
            public String describe() {
                return "student-t(nu = " + nu + ", s = " + Num.fmt(s) + ")";
            }
        };
    }

    private final Noise noise;
    private final RandomGenerator rng;

    public NoisyOracle(Objective f, Noise noise, long seed) {
        this(f, noise, new Well19937c(seed));
    }

    /**
     * An oracle drawing its noise from the given generator (which it then owns). Statistical
     * checks that make thousands of short seeded runs per instance pass a generator with a small
     * state (e.g. {@link org.hipparchus.random.Well512a}): seeding Well19937c's 624-word state
     * costs more than a whole short run.
     */
    public NoisyOracle(Objective f, Noise noise, RandomGenerator rng) {
        super(Objects.requireNonNull(f, "f"));
        this.noise = Objects.requireNonNull(noise, "noise");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    /** The noise model. */
    public Noise noise() {
        return noise;
    }

    @Override
    protected void estimate(double[] x, double[] out) {
        f.gradient(x, out);
        for (int i = 0; i < out.length; i++) {
            out[i] += noise.draw(rng);
        }
    }
}
