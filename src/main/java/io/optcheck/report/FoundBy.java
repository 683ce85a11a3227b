package io.optcheck.report;

import java.util.Locale;

/** The search phase that found a break. Serialized in lower case: {@code edge}, {@code random}, {@code targeted}. */
public enum FoundBy {
    /** The hand-picked boundary values tried before random ones. */
    EDGE,
    /** Plain random generation. */
    RANDOM,
    /** Score-guided search (mutation or CMA-ES over the marked knobs). */
    TARGETED;

    /** The JSON / report spelling, e.g. {@code "targeted"}. Locale independent. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON spelling; throws {@link IllegalArgumentException} naming the allowed values. */
    public static FoundBy fromJson(String s) {
        return Enums.parse(FoundBy.class, s);
    }
}
