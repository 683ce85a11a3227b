package io.optcheck.result;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Locale-safe parsing of the lower-case enum spellings used in results.json. */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String s) {
        E[] values = type.getEnumConstants();
        if (s != null) {
            for (E e : values) {
                // Compare with the ROOT-locale spelling: under a Turkish default locale
                // "INFO".toLowerCase() is "ınfo" and "info".toUpperCase() is "İNFO".
                if (e.name().toLowerCase(Locale.ROOT).equals(s)) {
                    return e;
                }
            }
        }
        String allowed = Arrays.stream(values)
                .map(e -> '"' + e.name().toLowerCase(Locale.ROOT) + '"')
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                (s == null ? "missing value" : "unknown value \"" + s + "\"") + "; expected one of " + allowed);
    }
}
