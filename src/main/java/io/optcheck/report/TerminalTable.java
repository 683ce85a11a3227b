package io.optcheck.report;

import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Verdict;
import io.optcheck.result.Waiver;
import io.optcheck.result.WaiverReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width plain-ASCII table of the results for the terminal, followed by a one-line total and,
 * when waivers were applied, one line per expired or unused waiver.
 *
 * <p>Columns: theorem, regime, method, expected, outcome, verdict, tries, worst ratio, found by.
 * Columns are as wide as their content. When they exceed the width, the widest of theorem, regime
 * and method are cut first (to no less than {@value #MIN_ID} characters). After the total, one
 * line per counterexample or error ("what broke it"): the result's theorem/regime, the threshold
 * found beside the theoretical one, and the shrunk case, cut to the width. The width is a
 * parameter, never detected from the terminal.
 * Verdicts: {@code pass}, {@code FAIL}, {@code FAIL (waived)}, {@code info}; infinity is {@code inf}.
 */
public final class TerminalTable {
    private TerminalTable() {}

    /** The default width in characters. */
    public static final int DEFAULT_WIDTH = 120;

    static final int MIN_ID = 8;
    private static final String GAP = "  ";
    private static final String[] HEADER = {
        "theorem", "regime", "method", "expected", "outcome", "verdict", "tries", "worst ratio", "found by"
    };
    private static final boolean[] RIGHT = {false, false, false, false, false, false, true, true, false};

    /** {@link #render(RunReport, int)} at {@link #DEFAULT_WIDTH}. */
    public static String render(RunReport report) {
        return render(report, DEFAULT_WIDTH);
    }

    /**
     * The table and totals, LF line ends, trailing newline.
     *
     * @param width target line width in characters (code points); lines stay within it unless even
     *              the minimum column widths do not fit (about 86 characters: theorem and regime cut
     *              to 8, the other columns at their header width), in which case lines are that
     *              minimum
     * @throws IllegalArgumentException if {@code width < 40}
     */
    public static String render(RunReport report, int width) {
        if (width < 40) {
            throw new IllegalArgumentException("width must be >= 40, got " + width);
        }
        int n = HEADER.length;
        List<String[]> rows = new ArrayList<>();
        for (Result r : report.results()) {
            rows.add(new String[] {
                clean(r.theorem()),
                clean(r.regime()),
                clean(r.method()),
                r.expected().json(),
                r.outcome().json(),
                verdict(r),
                Integer.toString(r.tries()),
                r.worstRatio() == null ? "-" : Fmt.ratio(r.worstRatio(), "inf"),
                r.foundBy() == null ? "-" : r.foundBy().json(),
            });
        }
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = len(HEADER[i]);
            for (String[] row : rows) {
                w[i] = Math.max(w[i], len(row[i]));
            }
        }
        // Fit the columns and gaps within the width; shrink the id columns if needed.
        int fixed = GAP.length() * (n - 1);
        for (int i = 0; i < n; i++) {
            fixed += w[i];
        }
        while (fixed > width) {
            int widest = 0;
            for (int i = 1; i < 3; i++) {
                if (w[i] > w[widest]) {
                    widest = i;
                }
            }
            if (w[widest] <= MIN_ID) {
                break;
            }
            w[widest]--;
            fixed--;
        }

        StringBuilder sb = new StringBuilder();
        row(sb, HEADER, w);
        String[] rule = new String[n];
        for (int i = 0; i < n; i++) {
            rule[i] = "-".repeat(w[i]);
        }
        row(sb, rule, w);
        for (String[] r : rows) {
            row(sb, r, w);
        }
        sb.append(Fmt.totals(report)).append('\n');
        if (report.partial()) {
            sb.append(cut("PARTIAL: " + Fmt.partialNote(report), width)).append('\n');
        }
        boolean header = false;
        for (Result r : report.results()) {
            String what = Fmt.brokenBy(r);
            if (what.isEmpty()) {
                continue;
            }
            if (!header) {
                sb.append("what broke (shrunk; each has a replay line in summary.md):\n");
                header = true;
            }
            String threshold = r.threshold() == null
                    ? ""
                    : r.threshold().parameter() + " = "
                            + Fmt.value(r.threshold().found(), "inf") + " (theory "
                            + Fmt.value(r.threshold().theory(), "inf")
                            + "); ";
            sb.append(cut("  " + clean(r.theorem() + "/" + r.regime()) + ": " + clean(threshold + what), width))
                    .append('\n');
        }
        WaiverReport wr = report.waivers();
        if (wr != null) {
            for (Waiver x : wr.expired()) {
                sb.append(cut("waiver expired " + x.expires() + ": " + clean(x.id()), width))
                        .append('\n');
            }
            for (Waiver x : wr.unused()) {
                sb.append(cut("waiver unused: " + clean(x.id()), width)).append('\n');
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String[] cells, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cut(cells[i], w[i]);
            String pad = " ".repeat(w[i] - len(c));
            if (i > 0) {
                line.append(GAP);
            }
            line.append(RIGHT[i] ? pad + c : c + pad);
        }
        // No trailing spaces: they make diffs and copy-paste noisy.
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(line, 0, end).append('\n');
    }

    private static String verdict(Result r) {
        if (r.verdict() == Verdict.FAIL) {
            return r.waiver() == null ? "FAIL" : "FAIL (waived)";
        }
        return r.verdict().json();
    }

    private static String clean(String s) {
        return Fmt.oneLine(s);
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code s} cut to {@code w} code points, ending in "..." when cut. */
    static String cut(String s, int w) {
        if (len(s) <= w) {
            return s;
        }
        if (w <= 3) {
            return s.substring(0, s.offsetByCodePoints(0, w));
        }
        return s.substring(0, s.offsetByCodePoints(0, w - 3)) + "...";
    }
}
