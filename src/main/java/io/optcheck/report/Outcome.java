package io.optcheck.report;

import java.util.Locale;

/** What was observed. Serialized in lower case: {@code held}, {@code broken}, {@code refused}, {@code error}. */
public enum Outcome {
    /** Every try satisfied the conclusion within tolerance. */
    HELD,
    /** Some try violated the conclusion beyond tolerance. */
    BROKEN,
    /** The method itself reported that it cannot proceed (e.g. "no Armijo step", "direction not descent"). */
    REFUSED,
    /** The check could not be carried out (exception, invalid instance, ...). */
    ERROR;

    /** The JSON / report spelling, e.g. {@code "held"}. Locale independent. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON spelling; throws {@link IllegalArgumentException} naming the allowed values. */
    public static Outcome fromJson(String s) {
        return Enums.parse(Outcome.class, s);
    }
}
