package io.optcheck.prop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Where generators get their randomness: every primitive draw goes through here and is recorded
 * with its constraint, which the {@link ChoiceSequence} reads as a {@link Choice}. A source first replays a prefix of raw values (clamped into each draw's
 * constraint), then continues according to its {@link Mode}.
 *
 * <p>Not thread-safe; one source serves one try.
 */
public final class Source {

    /** How a source draws once its prefix is used up. */
    public enum Mode {
        /** uniform (or log-uniform) pseudo-random draws */
        RANDOM,
        /** each draw takes one of its edge values, picked pseudo-randomly */
        EDGE,
        /** each draw takes its simplest value; used by the shrinker */
        SIMPLEST
    }

    /** Thrown when a try draws more than {@link #MAX_CHOICES} choices. */
    static final class Overrun extends RuntimeException {
        Overrun() {
            super("more than " + MAX_CHOICES + " choices in one try", null, false, false);
        }
    }

    /** The most choices one try may draw. */
    public static final int MAX_CHOICES = 20_000;

    private final long[] prefix;
    private final Mode mode;
    private final SplittableRandom rng;
    /**
     * The choices drawn so far, as records rather than {@link Choice} objects: the raw value, and
     * what it was drawn under (a {@link DoubleGen}, or an {@link ChoiceSequence.IntRange}). Most
     * tries' sequences are never read choice by choice, so the choices are built only when read.
     */
    private long[] raws = new long[16];

    private Object[] drawnUnder = new Object[16];
    private int count;
    /** The range of the last integer draw, reused while the draws keep the same range. */
    private ChoiceSequence.IntRange lastRange = ChoiceSequence.IntRange.BOOLEAN;

    private final List<ChoiceSequence.Span> spans = new ArrayList<>(16);
    /** The open spans, innermost last: where each starts, and its label (a String, or the generator that names it). */
    private int[] openStarts = new int[8];

    private Object[] openLabels = new Object[8];
    private int open;
    /** The sequence once taken; non-null seals the source. */
    private ChoiceSequence sequence;

    Source(long[] prefix, Mode mode, long seed) {
        this.prefix = prefix;
        this.mode = mode;
        this.rng = new SplittableRandom(seed);
    }

    /** A source that draws pseudo-randomly from the given seed. Useful in tests and benchmarks. */
    public static Source random(long seed) {
        return new Source(new long[0], Mode.RANDOM, seed);
    }

    /** Draws a value from a generator inside a span of its own, so the shrinker can see it. */
    public <T> T draw(Gen<T> gen) {
        openSpan(gen);
        try {
            return gen.generate(this);
        } finally {
            endSpan();
        }
    }

    void startSpan(String label) {
        openSpan(label);
    }

    /** Opens a span labelled by a String or by a generator's {@code toString()}, built when read. */
    private void openSpan(Object label) {
        Objects.requireNonNull(label, "span label");
        if (open == openStarts.length) {
            openStarts = Arrays.copyOf(openStarts, 2 * open);
            openLabels = Arrays.copyOf(openLabels, 2 * open);
        }
        openStarts[open] = count;
        openLabels[open++] = label;
    }

    void endSpan() {
        if (open == 0) {
            throw new NoSuchElementException("no open span");
        }
        int start = openStarts[--open];
        Object label = openLabels[open];
        openLabels[open] = null;
        if (count - start > 0) {
            if (sequence != null) {
                throw new IllegalStateException("a span closed after the source's sequence was taken");
            }
            spans.add(
                    label instanceof Gen<?> g
                            ? new ChoiceSequence.Span(start, count, open, g)
                            : new ChoiceSequence.Span(start, count, open, (String) label));
        }
    }

    /**
     * Draws an integer uniformly from [min, max] that shrinks toward {@code target}. Edge values
     * are min, max, target and their neighbours.
     */
    public long drawLong(long min, long max, long target) {
        if (min > max) {
            throw new IllegalArgumentException("empty integer range [" + min + ", " + max + "]");
        }
        long t = Math.max(min, Math.min(max, target));
        long v;
        int i = count;
        if (i < prefix.length) {
            v = Math.max(min, Math.min(max, prefix[i]));
        } else {
            v = switch (mode) {
                case RANDOM -> biasedLong(min, max, t);
                case SIMPLEST -> t;
                case EDGE -> {
                    long[] edges = edgeLongs(min, max, t);
                    yield edges[rng.nextInt(edges.length)];
                }
            };
        }
        ChoiceSequence.IntRange range = lastRange;
        if (range.min() != min || range.max() != max || range.target() != t) {
            range = new ChoiceSequence.IntRange(min, max, t);
            lastRange = range;
        }
        record(v, range);
        return v;
    }

    /**
     * The edge values of an integer range: min, max, the target and the neighbours of the ends.
     * The neighbours saturate at the range, so [Long.MAX_VALUE, Long.MAX_VALUE] has only its one
     * value (min + 1 would overflow to Long.MIN_VALUE).
     */
    static long[] edgeLongs(long min, long max, long target) {
        long afterMin = min < max ? min + 1 : min;
        long beforeMax = max > min ? max - 1 : max;
        return new long[] {min, max, target, afterMin, beforeMax};
    }

    /** One in this many random integer and double draws takes an edge value of its range. */
    static final int EDGE_ODDS = 32;
    /** One in this many repeats a value drawn earlier in the same try, when one fits the range. */
    static final int REPEAT_ODDS = 16;
    /** One in this many integer draws over a range wider than 256 values is small (see below). */
    static final int SMALL_ODDS = 4;

    /**
     * A random integer in [min, max], biased the way Hypothesis biases its integers so that
     * failures needing equal, nearby, small or boundary values are found by random tries too:
     * an edge value (1 in {@value #EDGE_ODDS}); a value drawn earlier in this try (1 in
     * {@value #REPEAT_ODDS}: the same value half the time, else one within 2 of it); on ranges
     * wider than 256 values a small offset from the target, of magnitude below 2^k with k uniform
     * in 1..16 (1 in {@value #SMALL_ODDS} of the rest); otherwise uniform over the whole range, so
     * every value stays reachable.
     */
    private long biasedLong(long min, long max, long target) {
        double u = rng.nextDouble();
        if (u < 1.0 / EDGE_ODDS) {
            long[] edges = edgeLongs(min, max, target);
            return edges[rng.nextInt(edges.length)];
        }
        if (u < 1.0 / EDGE_ODDS + 1.0 / REPEAT_ODDS) {
            long earlier = earlierInt(min, max);
            if (earlier != NONE_EARLIER) {
                // the same value half the time, else one within 2 of it: -2, -1, 1 or 2
                int shift = rng.nextBoolean() ? 0 : (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextInt(2));
                if (shift > 0 && shift <= room(max, earlier)) {
                    return earlier + shift;
                }
                if (shift < 0 && -shift <= room(earlier, min)) {
                    return earlier + shift;
                }
                return earlier;
            }
        }
        if (room(max, min) > 255 && rng.nextInt(SMALL_ODDS) == 0) {
            long magnitude = rng.nextLong(1L << (1 + rng.nextInt(16)));
            if (rng.nextBoolean()) {
                if (magnitude <= room(max, target)) {
                    return target + magnitude;
                }
            } else if (magnitude <= room(target, min)) {
                return target - magnitude;
            }
        }
        return uniformLong(min, max);
    }

    /** hi - lo for hi >= lo, saturating at Long.MAX_VALUE instead of overflowing. */
    static long room(long hi, long lo) {
        long d = hi - lo;
        return d < 0 ? Long.MAX_VALUE : d;
    }

    private static final long NONE_EARLIER = Long.MIN_VALUE + 0x5EED;

    /** A value of an earlier integer choice of this try inside [min, max], or NONE_EARLIER. */
    private long earlierInt(long min, long max) {
        int n = count;
        if (n == 0) {
            return NONE_EARLIER;
        }
        int start = rng.nextInt(n);
        for (int k = 0; k < Math.min(n, 64); k++) {
            int j = (start + k) % n;
            long raw = raws[j];
            if (drawnUnder[j] instanceof ChoiceSequence.IntRange r && r.max() > 1 && raw >= min && raw <= max) {
                return raw;
            }
        }
        return NONE_EARLIER;
    }

    /** A value of an earlier double choice of this try inside [min, max], or NaN. */
    double earlierDouble(double min, double max) {
        int n = count;
        if (n == 0) {
            return Double.NaN;
        }
        int start = rng.nextInt(n);
        for (int k = 0; k < Math.min(n, 64); k++) {
            int j = (start + k) % n;
            double v = Double.longBitsToDouble(raws[j]);
            if (drawnUnder[j] instanceof DoubleGen && v >= min && v <= max) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** A boolean that is true with probability p (in random mode); shrinks toward false. */
    public boolean drawBoolean(double p) {
        int i = count;
        boolean v;
        if (i < prefix.length) {
            v = prefix[i] != 0;
        } else {
            v = switch (mode) {
                case RANDOM -> rng.nextDouble() < p;
                case SIMPLEST -> false;
                case EDGE -> rng.nextBoolean();
            };
        }
        record(v ? 1 : 0, ChoiceSequence.IntRange.BOOLEAN);
        return v;
    }

    /** Draws a double as the spec says; see {@link DoubleGen}. */
    double drawDouble(DoubleGen spec) {
        int i = count;
        double v;
        if (i < prefix.length) {
            v = spec.clamp(Double.longBitsToDouble(prefix[i]));
        } else {
            v = switch (mode) {
                case RANDOM -> spec.random(rng, this);
                case SIMPLEST -> spec.target();
                case EDGE -> {
                    double[] edges = spec.edgeValues();
                    yield edges[rng.nextInt(edges.length)];
                }
            };
        }
        record(Double.doubleToRawLongBits(v), spec);
        return v;
    }

    /** The raw random stream, for generators that need a seed of their own (rarely right). */
    long uniformLong(long min, long max) {
        if (max == Long.MAX_VALUE && min == Long.MIN_VALUE) {
            return rng.nextLong();
        }
        long span = max - min + 1;
        if (span <= 0) { // overflowed: range wider than 2^63
            long v;
            do {
                v = rng.nextLong();
            } while (v < min || v > max);
            return v;
        }
        return min + rng.nextLong(span);
    }

    /** Records a draw: its raw value and what it was drawn under. */
    private void record(long raw, Object under) {
        if (sequence != null) {
            throw new IllegalStateException("a draw after the source's sequence was taken");
        }
        if (count >= MAX_CHOICES) {
            throw new Overrun();
        }
        if (count == raws.length) {
            raws = Arrays.copyOf(raws, 2 * count);
            drawnUnder = Arrays.copyOf(drawnUnder, 2 * count);
        }
        raws[count] = raw;
        drawnUnder[count++] = under;
    }

    /**
     * The choices drawn, once the try's draw has ended: the source is then sealed (a later draw
     * throws), so the sequence shares its lists instead of copying them.
     */
    public ChoiceSequence sequence() {
        if (sequence == null) {
            sequence = ChoiceSequence.owning(raws, drawnUnder, count, spans);
        }
        return sequence;
    }

    /** Number of choices drawn so far. */
    public int size() {
        return count;
    }
}
