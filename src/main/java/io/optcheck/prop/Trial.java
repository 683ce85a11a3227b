package io.optcheck.prop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a property body can tell the engine about one try: labels for statistics, a score for
 * targeted search, notes for the failure report, and "discard this try".
 */
public final class Trial {

    /** Thrown by {@link #reject(String)}; the engine discards the try. */
    static final class Rejected extends RuntimeException {
        final String reason;

        Rejected(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /** The labels and notes, made on the first one: most tries have none. */
    private List<String> labels;

    private List<String> notes;
    private double score = Double.NaN;

    Trial() {}

    /** Counts this try under {@code label} in the statistics. */
    public Trial label(String label) {
        if (labels == null) {
            labels = new ArrayList<>(2);
        }
        labels.add(label);
        return this;
    }

    /** Labels the try when {@code condition} holds. */
    public Trial classify(boolean condition, String label) {
        return condition ? label(label) : this;
    }

    /**
     * Reports a score that targeted search tries to maximise, e.g. observed/bound. Several calls
     * keep the largest. NaN is ignored.
     */
    public Trial target(double value) {
        if (!Double.isNaN(value) && (Double.isNaN(score) || value > score)) {
            score = value;
        }
        return this;
    }

    /** Adds a line to the failure report of this try. */
    public Trial note(String line) {
        if (notes == null) {
            notes = new ArrayList<>(2);
        }
        notes.add(line);
        return this;
    }

    /** Discards this try: its input does not meet the property's precondition. */
    public void reject(String reason) {
        throw new Rejected(reason);
    }

    List<String> labels() {
        return labels == null ? List.of() : Collections.unmodifiableList(labels);
    }

    List<String> notes() {
        return notes == null ? List.of() : Collections.unmodifiableList(notes);
    }

    double score() {
        return score;
    }
}
