package io.optcheck.prop;

import java.math.BigDecimal;

/**
 * One primitive random choice, as recorded in a {@link ChoiceSequence}: its raw value and the
 * constraint it was drawn under. Integer choices (including booleans) store the value itself;
 * double choices store {@link Double#doubleToRawLongBits(double)}.
 *
 * <p>The constraint travels with the value so that the shrinker knows what "simpler" means for
 * this choice (closer to its {@code target}) and so that a replay can tell when a generator
 * changed (see {@link ChoiceSequence#fingerprint()}).
 */
public record Choice(
        Kind kind, long raw, double min, double max, double target, int digits, boolean logScale, String knob) {

    /** What kind of primitive a choice is. */
    public enum Kind {
        INT,
        DOUBLE
    }

    /** An integer choice in [min, max] that shrinks toward {@code target}. */
    public static Choice ofInt(long value, long min, long max, long target) {
        return new Choice(Kind.INT, value, min, max, target, 0, false, null);
    }

    /** The integer value; only meaningful for {@link Kind#INT}. */
    public long longValue() {
        return raw;
    }

    /** The double value; only meaningful for {@link Kind#DOUBLE}. */
    public double doubleValue() {
        return Double.longBitsToDouble(raw);
    }

    /** The same choice with another raw value. */
    public Choice withRaw(long newRaw) {
        return new Choice(kind, newRaw, min, max, target, digits, logScale, knob);
    }

    /** The same choice with another double value. */
    public Choice withDouble(double v) {
        return withRaw(Double.doubleToRawLongBits(v));
    }

    /**
     * Distance from the simplest value. NaN and infinities are the least simple values of all.
     */
    public double complexity() {
        if (kind == Kind.INT) {
            return Math.abs((double) raw - target);
        }
        double v = doubleValue();
        if (Double.isNaN(v)) {
            return Double.MAX_VALUE;
        }
        if (Double.isInfinite(v)) {
            return Double.MAX_VALUE / 2;
        }
        return Math.abs(v - target);
    }

    private boolean belowTarget() {
        return kind == Kind.INT ? raw < target : doubleValue() < target;
    }

    /**
     * How many decimal places a double needs beyond the {@code digits} the shrinker may use
     * (0 for integers and for values such as 2.001 when digits = 4).
     */
    int excessDecimals() {
        if (kind == Kind.INT) {
            return 0;
        }
        double v = doubleValue();
        if (!Double.isFinite(v) || v == target) {
            return 0;
        }
        int scale = BigDecimal.valueOf(v).stripTrailingZeros().scale();
        return Math.max(0, scale - digits);
    }

    /**
     * The shrink order on one choice: negative when this choice is simpler than {@code o}. For
     * doubles, values with at most {@code digits} decimal places come first, and among those the
     * one closer to the target; so 2.001 is simpler than 3 (closer to the low end) and 0.0001 is
     * simpler than 1e-154 (fewer decimals).
     */
    public int compareSimplicity(Choice o) {
        int c = Integer.compare(excessDecimals(), o.excessDecimals());
        if (c != 0) {
            return c;
        }
        c = Double.compare(complexity(), o.complexity());
        if (c != 0) {
            return c;
        }
        // Equally far from the target: the value above it is simpler (1 rather than -1).
        c = Boolean.compare(belowTarget(), o.belowTarget());
        if (c != 0) {
            return c;
        }
        return Long.compare(raw, o.raw);
    }

    @Override
    public String toString() {
        return kind == Kind.INT ? Long.toString(raw) : Double.toString(doubleValue());
    }
}
