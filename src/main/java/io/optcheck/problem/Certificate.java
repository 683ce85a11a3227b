package io.optcheck.problem;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Immutable record of the constants known for an objective, each with its {@link Exactness}
 * and an optional note. Every constant may be absent (unknown). Withers return new objects.
 *
 * <p>A certificate records the truth about the instance, never a claim to be tested: a
 * {@code drop:X} regime keeps the instance's certificate and lets the theory layer use a
 * different constant.
 *
 * <p>Validation: every scalar must be finite ({@link IllegalArgumentException} on NaN or
 * infinity); L, mu and the PL constant must be {@code >= 0} (leave mu absent for non-convex
 * objectives). x* must be non-empty and finite.
 */
public final class Certificate {

    /** The scalar constants a certificate can hold. */
    public enum Constant {
        /** Smoothness: grad f is L-Lipschitz. */
        L("L"),
        /** Strong convexity modulus (0 for convex but not strongly convex). */
        MU("mu"),
        /** Polyak-Lojasiewicz constant: (1/2)||grad f||^2 >= pl (f - f*). */
        PL("pl"),
        /** The minimum value f*. */
        F_STAR("fStar"),
        /** A lower bound f_low &lt;= f(x) for all x. */
        F_LOW("fLow");

        private final String key;

        Constant(String key) {
            this.key = key;
        }

        /** The key used in {@link #toMap()} and reports. */
        public String key() {
            return key;
        }
    }

    /** A known scalar: its value, how exact it is, and a note (empty string when none). */
    public record Known(double value, Exactness exactness, String note) {
        public Known {
            Objects.requireNonNull(exactness, "exactness");
            note = note == null ? "" : note;
        }
    }

    /** A known point x*: defensive copies on the way in and out. */
    public static final class KnownPoint {
        private final double[] value;
        private final Exactness exactness;
        private final String note;

        KnownPoint(double[] value, Exactness exactness, String note) {
            this.value = value.clone();
            this.exactness = Objects.requireNonNull(exactness, "exactness");
            this.note = note == null ? "" : note;
        }

        /** A copy of the point. */
        public double[] value() {
            return value.clone();
        }

        public Exactness exactness() {
            return exactness;
        }

        public String note() {
            return note;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KnownPoint k
                    && Arrays.equals(value, k.value)
                    && exactness == k.exactness
                    && note.equals(k.note);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(value), exactness, note);
        }

        @Override
        public String toString() {
            return Num.fmt(value) + " (" + exactness + (note.isEmpty() ? "" : "; " + note) + ")";
        }
    }

    private static final Certificate NONE = new Certificate(new EnumMap<>(Constant.class), null, null, "");

    private final EnumMap<Constant, Known> scalars;
    private final KnownPoint xStar;
    private final Boolean convex;
    private final String convexNote;

    private Certificate(EnumMap<Constant, Known> scalars, KnownPoint xStar, Boolean convex, String convexNote) {
        this.scalars = scalars;
        this.xStar = xStar;
        this.convex = convex;
        this.convexNote = convexNote;
    }

    /** The empty certificate: nothing known. */
    public static Certificate none() {
        return NONE;
    }

    /** Returns a copy with {@code c} set (replacing any previous value). */
    public Certificate with(Constant c, double value, Exactness exactness, String note) {
        Objects.requireNonNull(c, "constant");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(c.key() + " must be finite, got " + value);
        }
        if ((c == Constant.L || c == Constant.MU || c == Constant.PL) && value < 0) {
            throw new IllegalArgumentException(c.key() + " must be >= 0, got " + value);
        }
        EnumMap<Constant, Known> m = new EnumMap<>(scalars);
        m.put(c, new Known(value, exactness, note));
        return new Certificate(m, xStar, convex, convexNote);
    }

    /** Returns a copy without {@code c}. */
    public Certificate without(Constant c) {
        EnumMap<Constant, Known> m = new EnumMap<>(scalars);
        m.remove(c);
        return new Certificate(m, xStar, convex, convexNote);
    }

    public Certificate withL(double l, Exactness e) {
        return with(Constant.L, l, e, "");
    }

    public Certificate withL(double l, Exactness e, String note) {
        return with(Constant.L, l, e, note);
    }

    public Certificate withMu(double mu, Exactness e) {
        return with(Constant.MU, mu, e, "");
    }

    public Certificate withMu(double mu, Exactness e, String note) {
        return with(Constant.MU, mu, e, note);
    }

    public Certificate withPl(double pl, Exactness e) {
        return with(Constant.PL, pl, e, "");
    }

    public Certificate withPl(double pl, Exactness e, String note) {
        return with(Constant.PL, pl, e, note);
    }

    public Certificate withFStar(double fStar, Exactness e) {
        return with(Constant.F_STAR, fStar, e, "");
    }

    public Certificate withFStar(double fStar, Exactness e, String note) {
        return with(Constant.F_STAR, fStar, e, note);
    }

    public Certificate withFLow(double fLow, Exactness e) {
        return with(Constant.F_LOW, fLow, e, "");
    }

    public Certificate withFLow(double fLow, Exactness e, String note) {
        return with(Constant.F_LOW, fLow, e, note);
    }

    public Certificate withXStar(double[] x, Exactness e) {
        return withXStar(x, e, "");
    }

    /** Copy with x* set; {@code x} is copied. Throws on null, empty or non-finite x. */
    public Certificate withXStar(double[] x, Exactness e, String note) {
        Vectors.requireFiniteNonEmpty(x, "xStar");
        return new Certificate(scalars, new KnownPoint(x, e, note), convex, convexNote);
    }

    public Certificate withConvex(boolean isConvex) {
        return withConvex(isConvex, "");
    }

    /** Copy with convexity known to be {@code isConvex}. */
    public Certificate withConvex(boolean isConvex, String note) {
        return new Certificate(scalars, xStar, isConvex, note == null ? "" : note);
    }

    /** The value of {@code c}, or empty when unknown. */
    public OptionalDouble get(Constant c) {
        Known k = scalars.get(c);
        return k == null ? OptionalDouble.empty() : OptionalDouble.of(k.value());
    }

    /** The full entry (value, exactness, note) of {@code c}, or empty when unknown. */
    public Optional<Known> entry(Constant c) {
        return Optional.ofNullable(scalars.get(c));
    }

    /** Smoothness constant L. */
    public OptionalDouble L() {
        return get(Constant.L);
    }

    /** Strong convexity modulus mu. */
    public OptionalDouble mu() {
        return get(Constant.MU);
    }

    /** PL constant. */
    public OptionalDouble pl() {
        return get(Constant.PL);
    }

    /** Minimum value f*. */
    public OptionalDouble fStar() {
        return get(Constant.F_STAR);
    }

    /** Lower bound f_low. */
    public OptionalDouble fLow() {
        return get(Constant.F_LOW);
    }

    /** A copy of x*, or empty when unknown. */
    public Optional<double[]> xStar() {
        return xStar == null ? Optional.empty() : Optional.of(xStar.value());
    }

    /** x* with its exactness and note, or empty when unknown. */
    public Optional<KnownPoint> xStarEntry() {
        return Optional.ofNullable(xStar);
    }

    /** True/false when convexity is known, empty when unknown. */
    public Optional<Boolean> convex() {
        return Optional.ofNullable(convex);
    }

    /**
     * An ordered map for reports: keys {@code L, mu, pl, fStar, fLow, xStar, convex} for the
     * known entries only, values formatted as {@code "3 (EXACT)"} or
     * {@code "3 (ROUNDED; note)"}. Locale independent.
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<Constant, Known> e : scalars.entrySet()) {
            Known k = e.getValue();
            m.put(
                    e.getKey().key(),
                    Num.fmt(k.value()) + " (" + k.exactness() + (k.note().isEmpty() ? "" : "; " + k.note()) + ")");
        }
        if (xStar != null) {
            m.put("xStar", xStar.toString());
        }
        if (convex != null) {
            m.put("convex", convex + (convexNote.isEmpty() ? "" : " (" + convexNote + ")"));
        }
        return m;
    }

    /** One line, e.g. {@code "L = 3 (EXACT), mu = 1 (EXACT), convex = true"}; "none" if empty. */
    public String describe() {
        Map<String, String> m = toMap();
        if (m.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(" = ").append(e.getValue());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c
                && scalars.equals(c.scalars)
                && Objects.equals(xStar, c.xStar)
                && Objects.equals(convex, c.convex)
                && convexNote.equals(c.convexNote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scalars, xStar, convex, convexNote);
    }

    @Override
    public String toString() {
        return describe();
    }
}
