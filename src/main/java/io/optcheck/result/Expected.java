package io.optcheck.result;

import java.util.Locale;

/** What the theory predicts for a regime. Serialized in lower case: {@code holds}, {@code breaks}, {@code none}. */
public enum Expected {
    /** The theorem's assumptions hold in this regime, so the conclusion must hold. */
    HOLDS,
    /** An assumption was dropped and a counterexample is known to exist, so a break must be found. */
    BREAKS,
    /** The theory gives no guarantee either way; the result is reported as {@link Verdict#INFO}. */
    NONE;

    /** The JSON / report spelling, e.g. {@code "holds"}. Locale independent. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON spelling; throws {@link IllegalArgumentException} naming the allowed values. */
    public static Expected fromJson(String s) {
        return Enums.parse(Expected.class, s);
    }
}
