package io.optcheck.result;

import java.util.Objects;

/** The verdict table: how an {@link Outcome} is judged against an {@link Expected}. */
public final class Verdicts {
    private Verdicts() {}

    /**
     * The verdict for an outcome under an expectation.
     *
     * <table>
     *   <caption>verdict table</caption>
     *   <tr><th>expected \ outcome</th><th>held</th><th>broken</th><th>refused</th><th>error</th></tr>
     *   <tr><td>holds</td><td>pass</td><td>fail</td><td>fail</td><td>fail</td></tr>
     *   <tr><td>breaks</td><td>fail</td><td>pass</td><td>pass</td><td>fail</td></tr>
     *   <tr><td>none</td><td>info</td><td>info</td><td>info</td><td>info</td></tr>
     * </table>
     *
     * <p>{@code refused} (the method reported it cannot proceed) counts as broken where a break is
     * expected and as an error otherwise. {@code not_applicable} (the regime does not apply to the
     * method) and {@code inconclusive} (too few tries to decide a coverage requirement, nothing
     * failed) are always {@code info}. A regime without expectation is always {@code info},
     * whatever was observed, including an error.
     *
     * @throws NullPointerException if either argument is null
     */
    public static Verdict of(Expected expected, Outcome outcome) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(outcome, "outcome");
        if (expected == Expected.NONE || outcome == Outcome.NOT_APPLICABLE || outcome == Outcome.INCONCLUSIVE) {
            return Verdict.INFO;
        }
        Outcome effective = outcome;
        if (outcome == Outcome.REFUSED) {
            effective = expected == Expected.BREAKS ? Outcome.BROKEN : Outcome.ERROR;
        }
        if (effective == Outcome.ERROR) {
            return Verdict.FAIL;
        }
        if (expected == Expected.HOLDS && effective == Outcome.HELD) {
            return Verdict.PASS;
        }
        if (expected == Expected.BREAKS && effective == Outcome.BROKEN) {
            return Verdict.PASS;
        }
        return Verdict.FAIL;
    }
}
