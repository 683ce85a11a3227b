package io.optcheck.result;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of a waiver file: an accepted failure of one result, with a reason and an expiry date.
 * A waiver is valid through its expiry date (inclusive).
 *
 * @param id      the result id, {@code theorem/conclusion/method/regime} (see {@link Result#id()})
 * @param reason  why the failure is accepted; not blank
 * @param expires the last day on which the waiver excuses the failure
 */
public record Waiver(String id, String reason, LocalDate expires) {
    public Waiver {
        Values.requireText(id, "waiver id");
        Values.requireText(reason, "waiver reason");
        Objects.requireNonNull(expires, "expires");
    }

    /** True when the waiver still excuses a failure on {@code today}. */
    public boolean isValidOn(LocalDate today) {
        return !today.isAfter(expires);
    }
}
