package io.optcheck.prop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The recorded choices of one try, in draw order, together with the spans that generators
 * opened around their draws. Immutable.
 *
 * <p>Sequences are ordered "shortlex": fewer choices is simpler, and among equal lengths the
 * first choice that differs decides by {@link Choice#compareSimplicity}. The shrinker only ever moves
 * to a strictly simpler sequence, so it terminates.
 */
public final class ChoiceSequence implements Comparable<ChoiceSequence> {

    /**
     * A span of choices [start, end) drawn by one generator call; depth is its nesting level, and
     * the label names the generator (its {@code toString()}). Only the shrinker reads labels, so a
     * span made for a generator builds its label on first use: a name such as "longs[0, 9]" costs
     * more to format than the draws it labels, and most tries are never shrunk.
     */
    public static final class Span {
        private final int start;
        private final int end;
        private final int depth;
        /** The generator whose {@code toString()} is the label, until the label is built. */
        private final Object labelOf;
        /** Set on construction or on first use; a String is safe to publish without a lock. */
        private String label;

        public Span(int start, int end, int depth, String label) {
            this(start, end, depth, null, label);
        }

        /** A span labelled by {@code gen.toString()}, built when {@link #label()} is first called. */
        Span(int start, int end, int depth, Gen<?> gen) {
            this(start, end, depth, gen, null);
        }

        private Span(int start, int end, int depth, Object labelOf, String label) {
            this.start = start;
            this.end = end;
            this.depth = depth;
            this.labelOf = labelOf;
            this.label = label;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public int depth() {
            return depth;
        }

        public String label() {
            String l = label;
            if (l == null && labelOf != null) {
                l = labelOf.toString();
                label = l;
            }
            return l;
        }

        /** Number of choices in the span. */
        public int length() {
            return end - start;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Span s
                    && start == s.start
                    && end == s.end
                    && depth == s.depth
                    && Objects.equals(label(), s.label());
        }

        @Override
        public int hashCode() {
            return Objects.hash(start, end, depth, label());
        }

        @Override
        public String toString() {
            return "Span[start=" + start + ", end=" + end + ", depth=" + depth + ", label=" + label() + "]";
        }
    }

    /** What an integer choice was drawn under; a double's is its {@link DoubleGen}. */
    record IntRange(long min, long max, long target) {
        static final IntRange BOOLEAN = new IntRange(0, 1, 0);
    }

    /** The raw values of the first {@code size} entries; never changed after construction. */
    private final long[] raws;

    private final int size;
    /**
     * What each choice was drawn under (a {@link DoubleGen} or an {@link IntRange}), for a sequence
     * over a sealed source's records; null when the sequence was built from choices.
     */
    private final Object[] drawnUnder;
    /** The choices a sequence was built from; null for a sequence over a source's records. */
    private final List<Choice> given;
    /**
     * The choices of a sequence over a source's records, built on first use: most tries' sequences
     * are only compared and replayed by their raw values and never read choice by choice. An
     * immutable list of records is safe to publish without a lock (a race builds two equal lists).
     */
    private List<Choice> built;

    private final List<Span> spans;

    public ChoiceSequence(List<Choice> choices, List<Span> spans) {
        this.given = List.copyOf(choices);
        this.spans = List.copyOf(spans);
        this.size = given.size();
        this.raws = new long[size];
        for (int i = 0; i < size; i++) {
            raws[i] = given.get(i).raw();
        }
        this.drawnUnder = null;
    }

    private ChoiceSequence(long[] raws, Object[] drawnUnder, int size, List<Span> spans) {
        this.given = null;
        this.raws = raws;
        this.drawnUnder = drawnUnder;
        this.size = size;
        this.spans = Collections.unmodifiableList(spans);
    }

    /**
     * A sequence over records that nobody changes any more, without copying them: the records of a
     * {@link Source} that is sealed (every try's source, once its draw has ended). Entry i is the raw
     * value {@code raws[i]} drawn under {@code drawnUnder[i]}, for i below {@code size}.
     */
    static ChoiceSequence owning(long[] raws, Object[] drawnUnder, int size, List<Span> spans) {
        return new ChoiceSequence(raws, drawnUnder, size, spans);
    }

    /** The choice of a raw value drawn under a {@link DoubleGen} or an {@link IntRange}. */
    static Choice choiceOf(long raw, Object drawnUnder) {
        if (drawnUnder instanceof DoubleGen g) {
            return new Choice(
                    Choice.Kind.DOUBLE, raw, g.min(), g.max(), g.target(), g.digits(), g.isLogScale(), g.knobName());
        }
        IntRange r = (IntRange) drawnUnder;
        return Choice.ofInt(raw, r.min(), r.max(), r.target());
    }

    public static ChoiceSequence empty() {
        return new ChoiceSequence(List.of(), List.of());
    }

    public List<Choice> choices() {
        if (given != null) {
            return given;
        }
        List<Choice> c = built;
        if (c == null) {
            Choice[] all = new Choice[size];
            for (int i = 0; i < size; i++) {
                all[i] = choiceOf(raws[i], drawnUnder[i]);
            }
            c = List.of(all);
            built = c;
        }
        return c;
    }

    public List<Span> spans() {
        return spans;
    }

    public int size() {
        return size;
    }

    public Choice get(int i) {
        return choices().get(i);
    }

    /** The raw values, the part of a sequence that a replay needs. */
    public long[] raws() {
        return Arrays.copyOf(raws, size);
    }

    /** A copy with choice i replaced. */
    public ChoiceSequence with(int i, Choice c) {
        List<Choice> copy = new ArrayList<>(choices());
        copy.set(i, c);
        return new ChoiceSequence(copy, spans);
    }

    /** A copy without the choices in [start, end). Spans are dropped; a replay rebuilds them. */
    public ChoiceSequence without(int start, int end) {
        List<Choice> all = choices();
        List<Choice> copy = new ArrayList<>(all.subList(0, start));
        copy.addAll(all.subList(end, size));
        return new ChoiceSequence(copy, List.of());
    }

    /** Indices of the choices a generator marked as continuous search knobs. */
    public List<Integer> knobIndices() {
        List<Integer> idx = new ArrayList<>();
        List<Choice> all = choices();
        for (int i = 0; i < size; i++) {
            Choice c = all.get(i);
            if (c.kind() == Choice.Kind.DOUBLE && c.knob() != null) {
                idx.add(i);
            }
        }
        return Collections.unmodifiableList(idx);
    }

    /**
     * A hash of the constraints (kind, range, scale) of every choice, but not of their values.
     * Replaying a token against a generator that draws differently gives another fingerprint.
     */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        for (Choice c : choices()) {
            h = mix(h, c.kind().ordinal());
            h = mix(h, Double.doubleToLongBits(c.min()));
            h = mix(h, Double.doubleToLongBits(c.max()));
            h = mix(h, c.logScale() ? 1 : 0);
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    @Override
    public int compareTo(ChoiceSequence o) {
        if (size() != o.size()) {
            return Integer.compare(size(), o.size());
        }
        for (int i = 0; i < size(); i++) {
            int c = get(i).compareSimplicity(o.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChoiceSequence s && Arrays.equals(raws, 0, size, s.raws, 0, s.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) { // Arrays.hashCode of the raw values
            h = 31 * h + Long.hashCode(raws[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return choices().toString();
    }
}
