package io.optcheck.result;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Attached to a failing result that a valid waiver excuses. The verdict stays {@code fail}; the
 * mark only says the release gate accepts it, and why.
 *
 * @param reason  the waiver's reason; not null
 * @param expires the waiver's expiry date; not null
 */
public record WaiverMark(String reason, LocalDate expires) {
    public WaiverMark {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
    }
}
