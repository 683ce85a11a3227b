package io.optcheck.report;

import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Locale-independent number and value formatting shared by the text writers. */
final class Fmt {
    private Fmt() {}

    /** Significant digits for ratios (worst ratio, tol/|rhs|). */
    static final int RATIO_DIGITS = 4;
    /** Significant digits for other figures, so that e.g. a threshold 2.0004 is not shown as 2. */
    static final int FIGURE_DIGITS = 6;

    /**
     * {@code v} rounded half-even to {@code digits} significant digits, trailing zeros removed: plain
     * notation for 1e-3 &lt;= |v| &lt; 1e6 ({@code 0.9735}, {@code 2}, {@code 12350}), otherwise
     * {@code 1.235e-9}. Zero is {@code 0}. NaN is {@code NaN}; infinities are {@code inf}/{@code -inf}
     * as given. Never uses the default locale.
     */
    static String sig(double v, int digits, String inf) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? inf : "-" + inf;
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(v)
                .round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        double a = Math.abs(bd.doubleValue());
        if (a >= 1e-3 && a < 1e6) {
            return bd.toPlainString();
        }
        int exponent = bd.precision() - bd.scale() - 1;
        return bd.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /**
     * A ratio (observed/bound, tol/|rhs|) with {@link #RATIO_DIGITS} significant digits, except that a
     * ratio other than exactly 1 is never shown as {@code 1}: digits are added until it differs, so
     * 1.00049 (a violation) reads {@code 1.0005}, not {@code 1}.
     */
    static String ratio(double v, String inf) {
        String s = sig(v, RATIO_DIGITS, inf);
        if (s.equals("1") && v != 1.0 && Math.abs(v - 1) < 1e-6) {
            // Within rounding of 1: show the distance, "1+2.2e-16", not seventeen digits.
            return "1" + String.format(Locale.ROOT, "%+.2g", v - 1);
        }
        for (int d = RATIO_DIGITS + 1; s.equals("1") && v != 1.0 && d <= 17; d++) {
            s = sig(v, d, inf);
        }
        return s;
    }

    /** Free-form value: numbers with {@link #FIGURE_DIGITS} digits, lists and maps inline. */
    static String value(Object v, String inf) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return sig(d, FIGURE_DIGITS, inf);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> value(x, inf)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> e.getKey() + ": " + value(e.getValue(), inf))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(v); // String, Boolean, Integer, Long: locale independent
    }

    /** Milliseconds as seconds with three decimals, e.g. {@code 12.345 s}. */
    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
    }

    /** {@link TerminalText#oneLine}. */
    static String oneLine(String s) {
        return TerminalText.oneLine(s);
    }

    /** What a partial report is: the run was interrupted, and how many results it holds. */
    static String partialNote(RunReport r) {
        return "the run was interrupted (SIGINT or SIGTERM); this report holds only the "
                + r.results().size()
                + (r.results().size() == 1 ? " result" : " results") + " finished before that, and the gate"
                + " verdict covers only them";
    }

    /** "12 results: 10 pass, 1 fail (1 waived), 1 info". */
    static String totals(RunReport r) {
        long waived = r.countWaived();
        return r.results().size() + (r.results().size() == 1 ? " result: " : " results: ")
                + r.count(Verdict.PASS) + " pass, " + r.count(Verdict.FAIL) + " fail"
                + (waived > 0 ? " (" + waived + " waived)" : "") + ", " + r.count(Verdict.INFO) + " info";
    }

    /** The tries of the run: one number, or the range when results differ. */
    static String tries(RunReport r) {
        if (r.results().isEmpty()) {
            return "-";
        }
        int min = r.results().stream().mapToInt(Result::tries).min().getAsInt();
        int max = r.results().stream().mapToInt(Result::tries).max().getAsInt();
        return min == max ? Integer.toString(min) : min + " to " + max + " (per result below)";
    }

    /** The one-line description of what broke, or the error; empty when neither. */
    static String brokenBy(Result r) {
        if (r.counterexample() != null) {
            return r.counterexample().summary();
        }
        if (r.error() != null) {
            return (r.outcome() == Outcome.REFUSED ? "refused" : "error")
                    + (r.error().step() == null ? "" : " at step " + r.error().step()) + ": "
                    + r.error().message();
        }
        return "";
    }
}
