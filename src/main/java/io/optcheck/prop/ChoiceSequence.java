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

    private final List<Choice> choices;
    private final List<Span> spans;

    public ChoiceSequence(List<Choice> choices, List<Span> spans) {
        this.choices = List.copyOf(choices);
        this.spans = List.copyOf(spans);
    }

    /** Wraps without copying; {@code owned} only tells this constructor from the copying one. */
    private ChoiceSequence(List<Choice> choices, List<Span> spans, boolean owned) {
        this.choices = Collections.unmodifiableList(choices);
        this.spans = Collections.unmodifiableList(spans);
    }

    /**
     * A sequence over lists that nobody changes any more, without copying them: the lists of a
     * {@link Source} that is sealed (every try's source, once its draw has ended).
     */
    static ChoiceSequence owning(List<Choice> choices, List<Span> spans) {
        return new ChoiceSequence(choices, spans, true);
    }

    public static ChoiceSequence empty() {
        return new ChoiceSequence(List.of(), List.of());
    }

    public List<Choice> choices() {
        return choices;
    }

    public List<Span> spans() {
        return spans;
    }

    public int size() {
        return choices.size();
    }

    public Choice get(int i) {
        return choices.get(i);
    }

    /** The raw values, the part of a sequence that a replay needs. */
    public long[] raws() {
        long[] r = new long[choices.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = choices.get(i).raw();
        }
        return r;
    }

    /** A copy with choice i replaced. */
    public ChoiceSequence with(int i, Choice c) {
        List<Choice> copy = new ArrayList<>(choices);
        copy.set(i, c);
        return new ChoiceSequence(copy, spans);
    }

    /** A copy without the choices in [start, end). Spans are dropped; a replay rebuilds them. */
    public ChoiceSequence without(int start, int end) {
        List<Choice> copy = new ArrayList<>(choices.subList(0, start));
        copy.addAll(choices.subList(end, choices.size()));
        return new ChoiceSequence(copy, List.of());
    }

    /** Indices of the choices a generator marked as continuous search knobs. */
    public List<Integer> knobIndices() {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
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
        for (Choice c : choices) {
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
        return o instanceof ChoiceSequence s && Arrays.equals(raws(), s.raws());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raws());
    }

    @Override
    public String toString() {
        return choices.toString();
    }
}
