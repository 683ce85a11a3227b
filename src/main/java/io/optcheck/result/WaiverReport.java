package io.optcheck.result;

import java.util.List;

/**
 * What happened to the waivers of a waiver file when they were applied to a run.
 *
 * @param applied waivers that excused a failing result
 * @param expired waivers past their expiry date; they excuse nothing
 * @param unused  unexpired waivers that excused nothing: their id matches no result, or a result
 *                that did not fail
 */
public record WaiverReport(List<Waiver> applied, List<Waiver> expired, List<Waiver> unused) {
    public WaiverReport {
        applied = List.copyOf(applied);
        expired = List.copyOf(expired);
        unused = List.copyOf(unused);
    }
}
