package io.optcheck.result;

import java.util.Locale;

/**
 * Whether an outcome matches its expectation. Serialized in lower case: {@code pass}, {@code fail},
 * {@code info}. Computed only by {@link Verdicts#of(Expected, Outcome)}.
 */
public enum Verdict {
    PASS,
    FAIL,
    /** The regime has no expectation ({@link Expected#NONE}); the exit code ignores it. */
    INFO;

    /** The JSON / report spelling, e.g. {@code "pass"}. Locale independent. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON spelling; throws {@link IllegalArgumentException} naming the allowed values. */
    public static Verdict fromJson(String s) {
        return Enums.parse(Verdict.class, s);
    }
}
