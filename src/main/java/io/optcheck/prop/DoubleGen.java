package io.optcheck.prop;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Doubles in a closed range [min, max], uniform or log-uniform, with optional special values
 * (NaN, infinities, ...) and optional extra edge values. Immutable: every option returns a new
 * generator.
 *
 * <p><b>Shrinking rule ("simplest").</b> A double shrinks toward its target: 0 when 0 is in
 * range, otherwise min (the low end). A log-uniform double, whose scale has no zero, shrinks
 * toward 1 when 1 is in range, otherwise toward the end nearer to 1. Values with at most {@link #digits()} decimal places
 * (default 4) are simpler than values with more, and among those the one closer to the target
 * is simpler. The shrinker tries the target, then the smallest failing integer, then the
 * smallest failing value with 1, 2, ..., digits decimal places. So a failure that needs
 * x &gt; 1.5 shrinks to 1.5001, and a step that fails above 2 to 2.0001: a counterexample is
 * reported just past its threshold, in a number a person can read.
 */
public final class DoubleGen implements Gen<Double> {

    private final double min;
    private final double max;
    private final boolean log;
    private final double[] specials;
    private final double specialProbability;
    private final double[] extraEdges;
    private final int digits;
    private final String knob;
    private final boolean unbiased;
    /** StrictMath.log of min and max on a log scale (NaN otherwise), for the log-uniform draw. */
    private final double logMin;

    private final double logMax;
    /** The edge values, computed on first use; the record's final fields publish them safely. */
    private Edges edges;
    /** {@link #describe()}, computed on first use (a String is safe to publish without a lock). */
    private String description;
    /**
     * {@link #logUniform()}, made on first use; its fields are final, so it is safe to publish
     * without a lock, and a race at worst makes two equal instances.
     */
    private DoubleGen logVariant;

    /** The edge values inside the range, and those with the specials appended. */
    private record Edges(double[] range, double[] all) {}

    DoubleGen(
            double min,
            double max,
            boolean log,
            double[] specials,
            double specialProbability,
            double[] extraEdges,
            int digits,
            String knob) {
        this(min, max, log, specials, specialProbability, extraEdges, digits, knob, false);
    }

    private DoubleGen(
            double min,
            double max,
            boolean log,
            double[] specials,
            double specialProbability,
            double[] extraEdges,
            int digits,
            String knob,
            boolean unbiased) {
        if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException(
                    "doubles need a finite range min <= max, got [" + min + ", " + max + "]");
        }
        if (log && !(min > 0)) {
            throw new IllegalArgumentException("log-uniform doubles need min > 0, got " + min);
        }
        this.min = min;
        this.max = max;
        this.log = log;
        this.specials = specials;
        this.specialProbability = specialProbability;
        this.extraEdges = extraEdges;
        this.digits = digits;
        this.knob = knob;
        this.unbiased = unbiased;
        this.logMin = log ? StrictMath.log(min) : Double.NaN;
        this.logMax = log ? StrictMath.log(max) : Double.NaN;
    }

    /**
     * Random tries draw exactly uniformly (or log-uniformly), without the mixed-in edge, repeated
     * and rounded values. For a draw that a generator transforms into another distribution, such
     * as the uniforms of a Box-Muller Gaussian: a biased uniform there would put 1 draw in 96 at
     * 8.6 standard deviations. The edge-case phase and shrinking are unchanged.
     */
    public DoubleGen uniformOnly() {
        return new DoubleGen(min, max, log, specials, specialProbability, extraEdges, digits, knob, true);
    }

    /** Log-uniform over [min, max] (needs min > 0): every decade is equally likely. */
    public DoubleGen logUniform() {
        if (log) {
            return this;
        }
        DoubleGen g = logVariant;
        if (g == null) {
            g = new DoubleGen(min, max, true, specials, specialProbability, extraEdges, digits, knob, unbiased);
            logVariant = g;
        }
        return g;
    }

    /**
     * Also generates these values (which may lie outside the range, e.g. NaN), each try with
     * total probability 5%, and always among the edge cases.
     */
    public DoubleGen withSpecials(double... values) {
        return new DoubleGen(min, max, log, values.clone(), 0.05, extraEdges, digits, knob, unbiased);
    }

    /** Extra boundary values tried in the edge-case phase, e.g. a step fraction of exactly 1. */
    public DoubleGen withEdges(double... values) {
        for (double v : values) {
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException("edge value " + v + " is outside [" + min + ", " + max + "]");
            }
        }
        return new DoubleGen(min, max, log, specials, specialProbability, values.clone(), digits, knob, unbiased);
    }

    /** Decimal places the shrinker may use (default 4; 0 means whole numbers only). */
    public DoubleGen shrinkDigits(int d) {
        if (d < 0 || d > 17) {
            throw new IllegalArgumentException("shrink decimal places must be in 0..17, got " + d);
        }
        return new DoubleGen(min, max, log, specials, specialProbability, extraEdges, d, knob, unbiased);
    }

    /**
     * Marks this draw as a continuous search parameter ("knob") for targeted search. Mark few:
     * step fractions, spectrum knobs, a start radius.
     */
    public DoubleGen knob(String name) {
        return new DoubleGen(min, max, log, specials, specialProbability, extraEdges, digits, name, unbiased);
    }

    @Override
    public Double generate(Source source) {
        return source.drawDouble(this);
    }

    /** The primitive draw, without boxing. */
    public double draw(Source source) {
        return source.drawDouble(this);
    }

    /**
     * A random draw, biased as {@link Source}'s integers are: an edge value of the range (the ends,
     * the target, declared edges; 1 in {@value Source#EDGE_ODDS}), a value drawn earlier in the
     * same try (1 in {@value Source#REPEAT_ODDS}), a uniform value rounded to one or two
     * significant digits (1 in {@value #SHORT_ODDS}), else uniform (or log-uniform) over the whole
     * range. Special values keep their own probability.
     */
    double random(SplittableRandom rng, Source source) {
        if (specials.length > 0 && rng.nextDouble() < specialProbability) {
            return specials[rng.nextInt(specials.length)];
        }
        if (unbiased) {
            return uniform(rng);
        }
        double b = rng.nextDouble();
        if (b < 1.0 / Source.EDGE_ODDS) {
            double[] e = rangeEdges();
            return e[rng.nextInt(e.length)];
        }
        if (b < 1.0 / Source.EDGE_ODDS + 1.0 / Source.REPEAT_ODDS) {
            double earlier = source.earlierDouble(min, max);
            if (!Double.isNaN(earlier)) {
                return earlier;
            }
        }
        double v = uniform(rng);
        if (b > 1 - 1.0 / SHORT_ODDS && v != 0 && Double.isFinite(v)) {
            double shortValue = roundToSignificant(v, 1 + rng.nextInt(2));
            if (shortValue >= min && shortValue <= max) {
                return shortValue;
            }
        }
        return v;
    }

    /** One in this many random doubles is rounded to one or two significant digits. */
    static final int SHORT_ODDS = 16;

    /** 10^0 .. 10^22, the powers of ten that are exact doubles. */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * {@code new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue()}
     * for a finite v != 0 and digits in 1..2, bit for bit, without building the exact decimal
     * expansion of v (about 50 digits; it cost more than the rest of a try's draws together).
     *
     * <p>Write |v| = t 10^k with t in [10^(digits-1), 10^digits). Where both factors of the quotient
     * q = |v| / 10^k are exact doubles (|k| &lt;= 22), q is t correctly rounded, so |q - t| &lt;=
     * 100 * 2^-53. When q lies clear of the ends of its decade and its fraction clear of one half
     * (margins 1e-12 and 1e-9, far above that error), k is the exponent BigDecimal rounds at and
     * round(q) is round(t), the same integer m. Then m * 10^k (or m / 10^-k) is one operation on
     * exact doubles, so it is m 10^k correctly rounded: the one double BigDecimal's conversion,
     * also correctly rounded, gives. Ties, values next to a power of ten and far exponents go the
     * exact way.
     */
    static double roundToSignificant(double v, int digits) {
        double a = Math.abs(v);
        int k = (int) Math.floor(Math.log10(a)) - digits + 1;
        if (digits >= 1 && digits <= 2 && k >= -22 && k <= 22) {
            double p = EXACT_POWERS_OF_TEN[Math.abs(k)];
            double q = k >= 0 ? a / p : a * p;
            if (q >= EXACT_POWERS_OF_TEN[digits - 1] * (1 + 1e-12) && q < EXACT_POWERS_OF_TEN[digits] * (1 - 1e-12)) {
                double floor = Math.floor(q);
                double fraction = q - floor; // exact: floor <= q < 2 floor
                if (Math.abs(fraction - 0.5) > 1e-9) {
                    double m = fraction > 0.5 ? floor + 1 : floor;
                    return Math.copySign(k >= 0 ? m * p : m / p, v);
                }
            }
        }
        return new BigDecimal(v)
                .round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .doubleValue();
    }

    /** The edge values inside the range: ends, target (or 1 on a log scale) and declared edges. */
    double[] rangeEdges() {
        return edges().range();
    }

    private Edges edges() {
        Edges e = edges;
        if (e == null) {
            double[] base = log ? new double[] {min, max, 1.0} : new double[] {min, max, target()};
            double[] range = new double[base.length + extraEdges.length];
            int n = 0;
            for (double v : base) {
                if (!log || v >= min && v <= max) {
                    n = addDistinct(range, n, v);
                }
            }
            for (double v : extraEdges) {
                n = addDistinct(range, n, v);
            }
            range = Arrays.copyOf(range, n);
            double[] all = Arrays.copyOf(range, n + specials.length);
            int m = n;
            for (double v : specials) {
                m = addDistinct(all, m, v);
            }
            e = new Edges(range, Arrays.copyOf(all, m));
            edges = e;
        }
        return e;
    }

    /**
     * Appends v to the first n values of out unless it is among them, with the equality of
     * {@code DoubleStream.distinct()} ({@link Double#equals}: -0.0 differs from 0.0, NaN equals
     * NaN); returns the new count.
     */
    private static int addDistinct(double[] out, int n, double v) {
        long bits = Double.doubleToLongBits(v);
        for (int i = 0; i < n; i++) {
            if (Double.doubleToLongBits(out[i]) == bits) {
                return n;
            }
        }
        out[n] = v;
        return n + 1;
    }

    private double uniform(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v;
        if (log) {
            v = StrictMath.exp(logMin + u * (logMax - logMin));
        } else {
            v = min + u * (max - min);
        }
        return Math.max(min, Math.min(max, v));
    }

    /** Maps a replayed value into this generator's domain (range or specials). */
    double clamp(double v) {
        for (double s : specials) {
            if (Double.compare(s, v) == 0) {
                return v;
            }
        }
        if (Double.isNaN(v)) {
            return target();
        }
        return Math.max(min, Math.min(max, v));
    }

    /** The range's edge values, then the specials; shared, so callers must not change it. */
    double[] edgeValues() {
        return edges().all();
    }

    /** The simplest value: 0 if in range, otherwise min; for log-uniform doubles 1, or the end nearer to 1. */
    public double target() {
        if (log) {
            return Math.max(min, Math.min(max, 1.0));
        }
        return (min <= 0 && 0 <= max) ? 0.0 : min;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public int digits() {
        return digits;
    }

    public boolean isLogScale() {
        return log;
    }

    public String knobName() {
        return knob;
    }

    @Override
    public String describe() {
        String d = description;
        if (d == null) {
            d = String.format(Locale.ROOT, "doubles[%s, %s]%s", min, max, log ? " log" : "");
            description = d;
        }
        return d;
    }

    @Override
    public String toString() {
        return describe();
    }
}
