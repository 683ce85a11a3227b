package io.optcheck.result;

import java.util.Map;
import java.util.Objects;

/**
 * The shrunk instance on which a conclusion failed.
 *
 * @param fields      human-readable description of the instance, in display order (e.g. {@code dim},
 *                    {@code eta}, {@code L}, {@code x0}, {@code observed}, {@code bound}); deep-copied
 *                    and normalized as described on {@link Result}; null becomes empty
 * @param summary     the instance in one line, as shown in tables; must not contain line breaks
 * @param replay      the token that reruns exactly this case; not null
 * @param shrinkSteps how many shrink steps led from the original failure to this one (&gt;= 0)
 * @param original    the instance as first found, before shrinking, or null when not recorded
 */
public record Counterexample(
        Map<String, Object> fields, String summary, String replay, int shrinkSteps, Map<String, Object> original) {
    public Counterexample {
        fields = Values.freeMap(fields, "counterexample.fields");
        Objects.requireNonNull(summary, "summary");
        if (summary.indexOf('\n') >= 0 || summary.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("counterexample summary must be one line: " + summary);
        }
        Objects.requireNonNull(replay, "replay");
        if (shrinkSteps < 0) {
            throw new IllegalArgumentException("shrinkSteps must be >= 0, got " + shrinkSteps);
        }
        original = Values.freeMapOrNull(original, "counterexample.original");
    }

    /** A counterexample without the unshrunk original. */
    public Counterexample(Map<String, Object> fields, String summary, String replay, int shrinkSteps) {
        this(fields, summary, replay, shrinkSteps, null);
    }
}
