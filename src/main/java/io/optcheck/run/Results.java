package io.optcheck.run;

import io.optcheck.report.TerminalText;
import io.optcheck.result.ErrorInfo;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.Locale;

/** Results a run makes itself, when a check could not produce one, and the progress line per result. */
public final class Results {

    private Results() {}

    /** An {@code error} result (verdict fail) for a regime whose check threw. */
    public static Result error(Theorem<?> t, Regime r, long seed, Throwable e, long durationMs) {
        return error(
                t,
                r,
                seed,
                "unexpected " + e.getClass().getName() + " while checking " + t.id() + "/" + r.id()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                durationMs);
    }

    /** An {@code error} result (verdict fail) with this message. */
    public static Result error(Theorem<?> t, Regime r, long seed, String message, long durationMs) {
        return Result.builder(t.id(), r.conclusion(), t.methodId(), r.id())
                .assumptions(r.assumptions())
                .expected(r.expected())
                .outcome(Outcome.ERROR)
                .seed(seed)
                .conventions(t.conventions())
                .error(new ErrorInfo(message, null))
                .durationMs(Math.max(0, durationMs))
                .precision(t.precision(r).id())
                .build();
    }

    /**
     * "[ 3/12] gd.descent-lemma / holds on gd: held (pass) in 0.4 s": the method is named, since a
     * theorem's regime runs once per method that it applies to (built-in and plug-ins). A plug-in
     * chooses its own id, so the line is made safe for a terminal (control characters escaped).
     */
    public static String progress(int n, int total, Result res) {
        int digits = Integer.toString(total).length();
        return TerminalText.oneLine(String.format(
                Locale.ROOT,
                "[%" + digits + "d/%d] %s / %s on %s: %s (%s) in %.1f s",
                n,
                total,
                res.theorem(),
                res.regime(),
                res.method(),
                res.outcome().json(),
                res.verdict().json(),
                res.durationMs() / 1000.0));
    }
}
