package io.optcheck.result;

import java.util.Locale;

/**
 * What was observed. Serialized in lower case: {@code held}, {@code broken}, {@code refused}, {@code error},
 * {@code not_applicable}, {@code inconclusive}.
 */
public enum Outcome {
    /** Every try satisfied the conclusion within tolerance. */
    HELD,
    /** Some try violated the conclusion beyond tolerance. */
    BROKEN,
    /** The method itself reported that it cannot proceed (e.g. "no Armijo step", "direction not descent"). */
    REFUSED,
    /** The check could not be carried out (exception, invalid instance, ...). */
    ERROR,
    /**
     * The regime does not apply to the method (for example checkpoint/resume for a method that
     * cannot copy its state); the reason is in the result's {@code extra.notApplicable}. Always
     * verdict info. Added in schema version 2.
     */
    NOT_APPLICABLE,
    /**
     * No try violated the conclusion, but a coverage requirement fell short within sampling
     * noise: not significantly below it at alpha 1e-10 (a one-sided exact binomial test, see the
     * engine's Property.Coverage); the reason is in the result's {@code extra.inconclusive}.
     * Always verdict info: the run neither confirms nor refutes the guarantee. Added in schema
     * version 3.
     */
    INCONCLUSIVE;

    /** The JSON / report spelling, e.g. {@code "held"}. Locale independent. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON spelling; throws {@link IllegalArgumentException} naming the allowed values. */
    public static Outcome fromJson(String s) {
        return Enums.parse(Outcome.class, s);
    }
}
