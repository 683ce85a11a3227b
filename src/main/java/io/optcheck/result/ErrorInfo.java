package io.optcheck.result;

import java.util.Objects;

/**
 * Why a check errored (or the method refused).
 *
 * @param message one human-readable message; not null
 * @param step    the optimizer step at which it happened, or null when not tied to a step
 */
public record ErrorInfo(String message, Integer step) {
    public ErrorInfo {
        Objects.requireNonNull(message, "message");
    }
}
