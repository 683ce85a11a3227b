package io.optcheck.report;

import static io.optcheck.text.LabelledLines.markdownItem;

import io.optcheck.result.Counterexample;
import io.optcheck.result.Observation;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.StatisticalTest;
import io.optcheck.result.Threshold;
import io.optcheck.result.Verdict;
import io.optcheck.result.Waiver;
import io.optcheck.result.WaiverReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code summary.md}: a header (version, seed, tries, start, wall time, verdict counts, gate,
 * tolerance model), one table row per result, details for results that carry more (threshold,
 * counterexample, statistics, error, waiver, extra figures), the waivers, and the observations.
 *
 * <p>Ratios are shown with 4 significant digits, other figures with 6, all with {@code Locale.ROOT};
 * infinity is {@code ∞}, NaN is {@code NaN}, an absent value is {@code —}. Cell text is escaped so
 * that {@code |}, Markdown punctuation and line breaks cannot break the table.
 */
public final class MarkdownSummary {
    private MarkdownSummary() {}

    private static final String DASH = "—";
    private static final String INF = "∞";

    /** Writes {@link #render(RunReport)} to {@code file} in UTF-8, replacing it. */
    public static void write(RunReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The summary as Markdown text with LF line ends and a trailing newline. */
    public static String render(RunReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# optcheck summary\n\n");
        if (r.partial()) {
            sb.append("**PARTIAL:** ").append(Fmt.partialNote(r)).append("\n\n");
        }
        markdownItem(sb, "Version", esc(r.version()));
        markdownItem(sb, "Seed", Long.toString(r.seed()));
        markdownItem(sb, "Tries", Fmt.tries(r));
        markdownItem(sb, "Started", r.startedAt().toString());
        markdownItem(sb, "Wall time", Fmt.seconds(r.wallMs()));
        markdownItem(sb, "Verdicts", Fmt.totals(r));
        long blocking = r.results().stream().filter(Result::blocksGate).count();
        markdownItem(
                sb,
                "Gate",
                r.gatePasses()
                        ? "passes"
                        : "fails (" + blocking + " unwaived " + (blocking == 1 ? "failure" : "failures") + ")");
        if (r.tolerance().isEmpty()) {
            markdownItem(sb, "Tolerance model", DASH);
        } else {
            sb.append("- **Tolerance model:**\n");
            r.tolerance()
                    .forEach((k, v) -> sb.append("  - ")
                            .append(esc(k))
                            .append(": ")
                            .append(esc(Fmt.value(v, INF)))
                            .append('\n'));
        }

        sb.append("\n## Results\n\n");
        if (r.results().isEmpty()) {
            sb.append("No results.\n");
        } else {
            sb.append(
                    "| theorem | regime | conclusion | method | expected | outcome | verdict | tries | worst ratio | found by | counterexample |\n");
            sb.append("|---|---|---|---|---|---|---|---:|---:|---|---|\n");
            for (Result x : r.results()) {
                sb.append("| ")
                        .append(esc(x.theorem()))
                        .append(" | ")
                        .append(esc(x.regime()))
                        .append(" | ")
                        .append(esc(x.conclusion()))
                        .append(" | ")
                        .append(esc(x.method()))
                        .append(" | ")
                        .append(x.expected().json())
                        .append(" | ")
                        .append(x.outcome().json())
                        .append(" | ")
                        .append(verdict(x))
                        .append(" | ")
                        .append(x.tries())
                        .append(" | ")
                        .append(x.worstRatio() == null ? DASH : Fmt.ratio(x.worstRatio(), INF))
                        .append(" | ")
                        .append(x.foundBy() == null ? DASH : x.foundBy().json())
                        .append(" | ")
                        .append(orDash(esc(Fmt.brokenBy(x))))
                        .append(" |\n");
            }
            details(sb, r.results());
        }
        waivers(sb, r.waivers());
        observations(sb, r.observations());
        return sb.toString();
    }

    private static void details(StringBuilder sb, List<Result> results) {
        sb.append("\n## Details\n");
        for (Result x : results) {
            sb.append("\n### ").append(esc(x.id())).append("\n\n");
            markdownItem(
                    sb,
                    "Assumptions",
                    x.assumptions().isEmpty()
                            ? DASH
                            : x.assumptions().stream().map(MarkdownSummary::esc).collect(Collectors.joining(", ")));
            markdownItem(
                    sb,
                    "Verdict",
                    verdict(x) + " (expected " + x.expected().json() + ", outcome "
                            + x.outcome().json() + ")");
            markdownItem(sb, "Seed", Long.toString(x.seed()));
            markdownItem(sb, "tol/|rhs|", esc(Fmt.ratio(x.toleranceRatio(), INF)));
            if (x.tightReference() != null) {
                markdownItem(sb, "Tight reference ratio", Fmt.ratio(x.tightReference(), INF));
            }
            if (x.threshold() != null) {
                Threshold t = x.threshold();
                markdownItem(
                        sb,
                        "Threshold",
                        esc(t.parameter()) + " = " + Fmt.sig(t.found(), Fmt.FIGURE_DIGITS, INF) + " found, "
                                + Fmt.sig(t.theory(), Fmt.FIGURE_DIGITS, INF) + " in theory");
            }
            if (x.statistics() != null) {
                StatisticalTest s = x.statistics();
                markdownItem(
                        sb,
                        "StatisticalTest",
                        esc(s.test()) + ", alpha " + Fmt.sig(s.alpha(), Fmt.FIGURE_DIGITS, INF) + ", " + s.runs()
                                + " runs, seed " + s.seed());
            }
            if (x.counterexample() != null) {
                Counterexample c = x.counterexample();
                sb.append("- **Counterexample** (").append(c.shrinkSteps()).append(" shrink steps):\n");
                c.fields()
                        .forEach((k, v) -> sb.append("  - ")
                                .append(esc(k))
                                .append(": ")
                                .append(esc(Fmt.value(v, INF)))
                                .append('\n'));
                sb.append("  - replay: `").append(code(c.replay())).append("`\n");
            }
            if (x.error() != null) {
                markdownItem(sb, x.outcome() == Outcome.REFUSED ? "Refused" : "Error", esc(Fmt.brokenBy(x)));
            }
            if (x.waiver() != null) {
                markdownItem(
                        sb,
                        "Waived",
                        esc(x.waiver().reason()) + " (until " + x.waiver().expires() + ")");
            }
            if (!x.conventions().isEmpty()) {
                markdownItem(
                        sb,
                        "Conventions",
                        x.conventions().entrySet().stream()
                                .map(e -> esc(e.getKey()) + " = " + esc(e.getValue()))
                                .collect(Collectors.joining(", ")));
            }
            if (!x.precision().equals("float64")) {
                markdownItem(sb, "Precision", x.precision());
            }
            if (x.recheck() != null) {
                markdownItem(sb, "Recheck", esc(Fmt.value(x.recheck(), INF)));
            }
            x.extra().forEach((k, v) -> markdownItem(sb, esc(k), esc(Fmt.value(v, INF))));
        }
    }

    private static void waivers(StringBuilder sb, WaiverReport w) {
        if (w == null) {
            return;
        }
        sb.append("\n## Waivers\n\n");
        waiverList(sb, "Applied", w.applied());
        waiverList(sb, "Expired (excuse nothing)", w.expired());
        waiverList(sb, "Unused (excused no failure)", w.unused());
    }

    private static void waiverList(StringBuilder sb, String title, List<Waiver> ws) {
        sb.append("- **").append(title).append(":**").append(ws.isEmpty() ? " none\n" : "\n");
        for (Waiver w : ws) {
            sb.append("  - ")
                    .append(esc(w.id()))
                    .append(", until ")
                    .append(w.expires())
                    .append(": ")
                    .append(esc(w.reason()))
                    .append('\n');
        }
    }

    private static void observations(StringBuilder sb, List<Observation> obs) {
        sb.append("\n## Observations\n\n");
        if (obs.isEmpty()) {
            sb.append("No observations.\n");
            return;
        }
        for (Observation o : obs) {
            sb.append("### ")
                    .append(esc(o.id()))
                    .append(" (")
                    .append(esc(o.method()))
                    .append(")\n\n");
            for (Map.Entry<String, Object> e : o.summary().entrySet()) {
                markdownItem(sb, esc(e.getKey()), esc(Fmt.value(e.getValue(), INF)));
            }
            Map<String, double[]> series = o.series();
            if (!series.isEmpty()) {
                markdownItem(
                        sb,
                        "Series",
                        series.entrySet().stream()
                                .map(e -> esc(e.getKey()) + " (" + e.getValue().length + " points)")
                                .collect(Collectors.joining(", ")));
            }
            sb.append('\n');
        }
    }

    private static String verdict(Result x) {
        if (x.verdict() == Verdict.FAIL) {
            return x.waiver() == null
                    ? "**FAIL**"
                    : "FAIL (waived until " + x.waiver().expires() + ")";
        }
        return x.verdict().json();
    }

    private static String orDash(String s) {
        return s.isEmpty() ? DASH : s;
    }

    /**
     * Text safe for a table cell or list item: on one line, and with the characters that Markdown
     * would interpret (table pipes, emphasis, links, code, HTML) backslash-escaped.
     */
    static String esc(String s) {
        String t = Fmt.oneLine(s);
        StringBuilder sb = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("\\|*_`[]<>".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Text for a code span: one line, without backticks that would end it. */
    private static String code(String s) {
        return Fmt.oneLine(s).replace('`', '\'');
    }
}
