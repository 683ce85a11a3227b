package io.optcheck.prop;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;

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
        return new DoubleGen(min, max, true, specials, specialProbability, extraEdges, digits, knob, unbiased);
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
            double[] edges = rangeEdges();
            return edges[rng.nextInt(edges.length)];
        }
        if (b < 1.0 / Source.EDGE_ODDS + 1.0 / Source.REPEAT_ODDS) {
            double earlier = source.earlierDouble(min, max);
            if (!Double.isNaN(earlier)) {
                return earlier;
            }
        }
        double v = uniform(rng);
        if (b > 1 - 1.0 / SHORT_ODDS && v != 0 && Double.isFinite(v)) {
            double shortValue = new BigDecimal(v)
                    .round(new MathContext(1 + rng.nextInt(2), RoundingMode.HALF_EVEN))
                    .doubleValue();
            if (shortValue >= min && shortValue <= max) {
                return shortValue;
            }
        }
        return v;
    }

    /** One in this many random doubles is rounded to one or two significant digits. */
    static final int SHORT_ODDS = 16;

    /** The edge values inside the range: ends, target (or 1 on a log scale) and declared edges. */
    private double[] rangeEdges() {
        DoubleStream base = log
                ? DoubleStream.of(min, max, 1.0).filter(v -> v >= min && v <= max)
                : DoubleStream.of(min, max, target());
        return DoubleStream.concat(base, Arrays.stream(extraEdges)).distinct().toArray();
    }

    private double uniform(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v;
        if (log) {
            double a = StrictMath.log(min);
            double b = StrictMath.log(max);
            v = StrictMath.exp(a + u * (b - a));
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

    double[] edgeValues() {
        return DoubleStream.concat(Arrays.stream(rangeEdges()), Arrays.stream(specials))
                .distinct()
                .toArray();
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
        return String.format(Locale.ROOT, "doubles[%s, %s]%s", min, max, log ? " log" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
