package io.optcheck.report;

import io.optcheck.result.Counterexample;
import io.optcheck.result.Expected;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code index.html}: one self-contained page (inline CSS and SVG, no script, no network)
 * with a header (seed, tries, tolerance model, version, wall time), the regime matrix (theorems
 * by regimes, outcome in colour and in words, tries and worst ratio, each cell a link), one section
 * per theorem (statement and assumptions from its spec, then per regime the figures, a plot of the
 * measured quantity against its bound over the steps, the counterexample with its violation marked,
 * the replay command), one section per method, the observations as curves, and the waivers.
 *
 * <p>Everything shown comes from the {@link RunReport} (what results.json holds) and the
 * {@link TheoremText}s; every piece of text is escaped ({@link Html}), LaTeX goes through
 * {@link MathText}, plots through {@link SvgPlot}. Numbers use {@link Locale#ROOT}: ratios with 4
 * significant digits (never a bare 1 for a ratio that is not 1), other figures with 6.
 *
 * <p>Curves: a result's series holds one point per checked step from t = 1 on. For a counterexample
 * the checks stop at the violation, so its last point is put at the violation step
 * ({@code counterexample.fields.step}); that also places a check made only at a fixed horizon.
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final String INF = "∞";
    private static final String DASH = "—";

    /** Writes {@link #render} to {@code file} in UTF-8, replacing it. */
    public static void write(RunReport report, Map<String, TheoremText> texts, Path file) throws IOException {
        Files.writeString(file, render(report, texts), StandardCharsets.UTF_8);
    }

    /**
     * The page.
     *
     * @param report the run
     * @param texts  theorem id to its spec text; a theorem without one is shown with its ids only
     */
    public static String render(RunReport report, Map<String, TheoremText> texts) {
        return new Page(report, texts == null ? Map.of() : texts).render();
    }

    /** One row of the matrix: a theorem checked on a method. */
    private record Row(String theorem, String method, List<Result> results) {}

    private static final class Page {
        private final RunReport r;
        private final Map<String, TheoremText> texts;
        private final StringBuilder sb = new StringBuilder(1 << 16);
        /** Theorem id to its results, in result order; then ordered by the spec's regimes. */
        private final Map<String, List<Result>> byTheorem = new LinkedHashMap<>();

        Page(RunReport r, Map<String, TheoremText> texts) {
            this.r = r;
            this.texts = texts;
            for (Result x : r.results()) {
                byTheorem.computeIfAbsent(x.theorem(), k -> new ArrayList<>()).add(x);
            }
            byTheorem.replaceAll((id, list) -> ordered(list, texts.get(id)));
        }

        /** Results in the spec's regime order (holds first when there is no spec), then the rest. */
        private static List<Result> ordered(List<Result> list, TheoremText t) {
            List<String> order = t == null ? List.of("holds") : t.regimeOrder();
            List<Result> out = new ArrayList<>();
            for (String id : order) {
                list.stream().filter(x -> x.regime().equals(id)).forEach(out::add);
            }
            list.stream().filter(x -> !out.contains(x)).forEach(out::add);
            return out;
        }

        String render() {
            sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta name=\"generator\" content=\"optcheck ")
                    .append(Html.attr(r.version()))
                    .append("\">\n")
                    .append("<title>")
                    .append(Html.text(pageTitle()))
                    .append("</title>\n")
                    .append("<style>")
                    .append(CSS)
                    .append("</style>\n</head>\n<body>\n");
            header();
            matrix();
            theorems();
            methods();
            observations();
            waivers();
            sb.append("<footer><p>Written by optcheck ")
                    .append(Html.text(r.version()))
                    .append(" from the same data as results.json. This page is self-contained: no script, no network,")
                    .append(" plots are inline SVG. The fields are explained in reports/README.md.</p></footer>\n");
            sb.append("</body>\n</html>\n");
            return sb.toString();
        }

        private String pageTitle() {
            return (r.partial() ? "PARTIAL " : "") + "optcheck report: " + Fmt.totals(r)
                    + (r.gatePasses() ? ", gate passes" : ", gate fails");
        }

        // ------------------------------------------------------------ header

        private void header() {
            long blocking = r.results().stream().filter(Result::blocksGate).count();
            sb.append("<header id=\"top\">\n<h1>optcheck report</h1>\n");
            if (r.partial()) {
                sb.append("<p class=\"gate gate-fail partial\" id=\"partial\"><strong>PARTIAL</strong>: ")
                        .append(Html.text(Fmt.partialNote(r)))
                        .append("</p>\n");
            }
            sb.append("<p class=\"gate ")
                    .append(r.gatePasses() ? "gate-pass" : "gate-fail")
                    .append("\" id=\"gate\">")
                    .append(
                            r.gatePasses()
                                    ? "Every result agrees with the theory"
                                    : blocking + " result" + (blocking == 1 ? " disagrees" : "s disagree")
                                            + " with the theory")
                    .append(r.gatePasses() && r.countWaived() > 0 ? " (failures waived)" : "")
                    .append(" · ")
                    .append(Html.text(Fmt.totals(r)))
                    .append("</p>\n");
            List<Result> failing = r.results().stream()
                    .filter(x -> x.verdict() == Verdict.FAIL)
                    .toList();
            if (!failing.isEmpty()) {
                sb.append("<ul class=\"failing\">");
                for (Result x : failing) {
                    sb.append("<li><a href=\"#")
                            .append(resultAnchor(x))
                            .append("\">")
                            .append(Html.text(x.theorem()))
                            .append(" / ")
                            .append(Html.text(x.regime()))
                            .append("</a>: expected ")
                            .append(x.expected().json())
                            .append(", outcome ")
                            .append(x.outcome().json())
                            .append(
                                    x.waiver() == null
                                            ? ""
                                            : " (waived until " + x.waiver().expires() + ")")
                            .append("</li>");
                }
                sb.append("</ul>\n");
            }
            long theorems = byTheorem.size();
            long methods = r.results().stream().map(Result::method).distinct().count();
            sb.append("<p class=\"lead\">optcheck checked ")
                    .append(theorems)
                    .append(" theorem")
                    .append(theorems == 1 ? "" : "s")
                    .append(" on ")
                    .append(methods)
                    .append(" method")
                    .append(methods == 1 ? "" : "s")
                    .append(
                            ". Each theorem is run with all its assumptions in force (regime <code>holds</code>, where the")
                    .append(
                            " theory promises the conclusion) and with one assumption dropped or a parameter pushed past its")
                    .append(" limit (where the theory predicts a break, and optcheck must find a counterexample).")
                    .append(" Each cell below is one regime: <span class=\"key v-held\">held, as predicted</span>")
                    .append(" <span class=\"key v-broke\">broke, as predicted</span>")
                    .append(" <span class=\"key v-fail\">FAIL: disagrees with the theory</span>")
                    .append(" <span class=\"key v-waived\">FAIL, waived</span>")
                    .append(" <span class=\"key v-info\">info: no guarantee either way</span>.")
                    .append(" Click a cell for its plot, counterexample and replay command.</p>\n");
            sb.append("<dl class=\"meta\">");
            meta("Seed", Long.toString(r.seed()));
            meta("Tries per regime", Fmt.tries(r));
            Object formula = r.tolerance().get("formula");
            meta("Tolerance model", formula == null ? DASH : String.valueOf(formula));
            meta("Version", r.version());
            meta("Wall time", Fmt.seconds(r.wallMs()));
            meta("Started", r.startedAt().toString());
            sb.append("</dl>\n");
            if (!r.tolerance().isEmpty()) {
                sb.append("<details class=\"tolerance\"><summary>The tolerance model in full</summary><dl>");
                r.tolerance()
                        .forEach((k, v) -> sb.append("<dt>")
                                .append(Html.text(k))
                                .append("</dt><dd>")
                                .append(Html.text(Fmt.value(v, INF)))
                                .append("</dd>"));
                sb.append("</dl></details>\n");
            }
            sb.append("<nav><a href=\"#matrix\">Regime matrix</a> · <a href=\"#theorems\">Theorems</a> · ")
                    .append("<a href=\"#methods\">Methods</a> · <a href=\"#observations\">Observations</a>")
                    .append(r.waivers() == null ? "" : " · <a href=\"#waivers\">Waivers</a>")
                    .append("</nav>\n</header>\n");
        }

        private void meta(String k, String v) {
            sb.append("<div><dt>")
                    .append(Html.text(k))
                    .append("</dt><dd>")
                    .append(Html.text(v))
                    .append("</dd></div>");
        }

        // ------------------------------------------------------------ matrix

        private List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            byTheorem.forEach((t, list) -> {
                Map<String, List<Result>> byMethod = new LinkedHashMap<>();
                list.forEach(x -> byMethod.computeIfAbsent(x.method(), k -> new ArrayList<>())
                        .add(x));
                byMethod.forEach((m, l) -> rows.add(new Row(t, m, l)));
            });
            return rows;
        }

        private void matrix() {
            // The precision filter: radio buttons before the section, CSS sibling rules hide the other
            // formats' cells (no script). Shown only when the run has results in more than one format.
            List<String> formats = r.results().stream()
                    .map(Result::precision)
                    .distinct()
                    .sorted((a, b) -> Result.PRECISIONS.indexOf(a) - Result.PRECISIONS.indexOf(b))
                    .toList();
            if (formats.size() > 1) {
                sb.append("<input type=\"radio\" name=\"precision\" id=\"precision-all\" class=\"pf\" checked>");
                for (String f : formats) {
                    sb.append("<input type=\"radio\" name=\"precision\" id=\"precision-")
                            .append(f)
                            .append("\" class=\"pf\">");
                }
            }
            sb.append("<section id=\"matrix\">\n<h2>Regime matrix</h2>\n");
            if (formats.size() > 1) {
                sb.append("<p class=\"precision-filter\">Precision: <label for=\"precision-all\">all</label>");
                for (String f : formats) {
                    long n = r.results().stream()
                            .filter(x -> x.precision().equals(f))
                            .count();
                    sb.append(" · <label for=\"precision-")
                            .append(f)
                            .append("\">")
                            .append(f)
                            .append(" (")
                            .append(n)
                            .append(")</label>");
                }
                sb.append("</p>\n");
            }
            if (r.results().isEmpty()) {
                sb.append("<p>No results.</p>\n</section>\n");
                return;
            }
            sb.append("<table class=\"matrix\"><thead><tr><th scope=\"col\">theorem · method</th>")
                    .append(
                            "<th scope=\"col\">regimes (all assumptions first, then the breaking regimes)</th></tr></thead><tbody>\n");
            for (Row row : rows()) {
                TheoremText t = texts.get(row.theorem());
                sb.append("<tr><th scope=\"row\"><a href=\"#")
                        .append(theoremAnchor(row.theorem()))
                        .append("\">")
                        .append(Html.text(t == null ? row.theorem() : t.title()))
                        .append("</a><div class=\"ids\">")
                        .append(Html.text(row.theorem()))
                        .append(" · <a href=\"#")
                        .append(methodAnchor(row.method()))
                        .append("\">")
                        .append(Html.text(row.method()))
                        .append("</a></div></th><td><div class=\"cells\">");
                for (Result x : row.results()) {
                    cell(x);
                }
                sb.append("</div></td></tr>\n");
            }
            sb.append("</tbody></table>\n</section>\n");
        }

        private void cell(Result x) {
            sb.append("<a class=\"cell ")
                    .append(stateClass(x))
                    .append("\" href=\"#")
                    .append(resultAnchor(x))
                    .append("\" data-result=\"")
                    .append(Html.attr(x.id()))
                    .append("\" data-outcome=\"")
                    .append(x.outcome().json())
                    .append("\" data-verdict=\"")
                    .append(x.verdict().json())
                    .append("\" data-tries=\"")
                    .append(x.tries())
                    .append("\" data-precision=\"")
                    .append(x.precision())
                    .append("\">");
            sb.append("<span class=\"regime\">").append(Html.text(x.regime())).append("</span>");
            if (!x.precision().equals("float64")) {
                sb.append("<span class=\"precision\">").append(x.precision()).append("</span>");
            }
            sb.append("<span class=\"state\">").append(Html.text(stateText(x))).append("</span>");
            sb.append("<span class=\"expect\">expected ")
                    .append(x.expected().json())
                    .append(" · ")
                    .append(Html.text(verdictText(x)))
                    .append("</span>");
            sb.append("<span class=\"nums\"><span class=\"tries\">")
                    .append(x.tries())
                    .append(x.tries() == 1 ? " try" : " tries")
                    .append("</span> · worst ratio <span class=\"worst\">")
                    .append(x.worstRatio() == null ? DASH : Html.text(Fmt.ratio(x.worstRatio(), INF)))
                    .append("</span></span>");
            if (x.waiver() != null) {
                sb.append("<span class=\"waiver-note\">waived until ")
                        .append(x.waiver().expires())
                        .append("</span>");
            }
            sb.append("</a>");
        }

        private static String stateClass(Result x) {
            if (x.verdict() == Verdict.INFO) {
                return "v-info";
            }
            if (x.verdict() == Verdict.FAIL) {
                return x.waiver() == null ? "v-fail" : "v-waived";
            }
            return x.outcome() == Outcome.HELD ? "v-held" : "v-broke";
        }

        /** The outcome in words, with a symbol (colour is never the only signal). */
        private static String stateText(Result x) {
            return switch (x.outcome()) {
                case HELD -> "✓ held";
                case BROKEN -> "✗ broke";
                case REFUSED -> "✗ refused";
                case ERROR -> "⚠ error";
                case NOT_APPLICABLE -> "– not applicable";
                case INCONCLUSIVE -> "? inconclusive";
            };
        }

        private static String verdictText(Result x) {
            if (x.verdict() == Verdict.FAIL) {
                return x.waiver() == null ? "FAIL" : "FAIL (waived)";
            }
            return x.verdict().json();
        }

        // ------------------------------------------------------------ theorems

        private void theorems() {
            sb.append("<section id=\"theorems\">\n<h2>Theorems</h2>\n");
            byTheorem.forEach(this::theorem);
            sb.append("</section>\n");
        }

        private void theorem(String id, List<Result> results) {
            TheoremText t = texts.get(id);
            sb.append("<section class=\"theorem\" id=\"")
                    .append(theoremAnchor(id))
                    .append("\">\n<h2>")
                    .append(Html.text(t == null ? id : t.title()))
                    .append(" <span class=\"ids\">")
                    .append(Html.text(id))
                    .append("</span></h2>\n");
            Set<String> methods =
                    results.stream().map(Result::method).collect(Collectors.toCollection(LinkedHashSet::new));
            sb.append("<p class=\"ids\">method ")
                    .append(methods.stream()
                            .map(m -> "<a href=\"#" + methodAnchor(m) + "\">" + Html.text(m) + "</a>")
                            .collect(Collectors.joining(", ")));
            if (t != null && !t.source().isBlank()) {
                sb.append(" · source: ").append(Html.text(t.source()));
            }
            sb.append("</p>\n");
            if (t == null) {
                sb.append("<p class=\"nospec\">No spec text was available for this theorem.</p>\n");
            } else {
                sb.append("<div class=\"statement\"><h3>Statement</h3><ul class=\"conclusions\">");
                t.conclusions()
                        .forEach((cid, latex) -> sb.append("<li><span class=\"cid\">")
                                .append(Html.text(cid))
                                .append("</span> ")
                                .append(MathText.toHtml(latex))
                                .append("</li>"));
                sb.append("</ul><h3>Assumptions</h3><ul class=\"assumptions\">");
                t.assumptions()
                        .forEach((aid, st) -> sb.append("<li><code>")
                                .append(Html.text(aid))
                                .append("</code>: ")
                                .append(Html.text(st))
                                .append("</li>"));
                sb.append("</ul>");
                if (!t.body().isBlank()) {
                    sb.append(
                                    "<details><summary>Derivation and what is measured (from the spec)</summary><pre class=\"spec\">")
                            .append(Html.text(t.body()))
                            .append("</pre></details>");
                }
                sb.append("</div>\n");
            }
            for (Result x : results) {
                regime(x, t);
            }
            sb.append("</section>\n");
        }

        private void regime(Result x, TheoremText t) {
            sb.append("<article class=\"regime ")
                    .append(stateClass(x))
                    .append("\" id=\"")
                    .append(resultAnchor(x))
                    .append("\" data-result=\"")
                    .append(Html.attr(x.id()))
                    .append("\">\n");
            sb.append("<h3><span class=\"badge ")
                    .append(stateClass(x))
                    .append("\">")
                    .append(Html.text(stateText(x)))
                    .append(" · ")
                    .append(Html.text(verdictText(x)))
                    .append("</span> regime <code>")
                    .append(Html.text(x.regime()))
                    .append("</code>");
            if (!x.conclusion().equals("main")) {
                sb.append(" <span class=\"ids\">conclusion ")
                        .append(Html.text(x.conclusion()))
                        .append("</span>");
            }
            sb.append("</h3>\n");
            String desc = t == null ? null : t.regimes().get(x.regime());
            if (desc != null && !desc.isBlank()) {
                sb.append("<p class=\"desc\">").append(Html.text(desc)).append("</p>\n");
            }
            sb.append("<p class=\"ids\">method <code>")
                    .append(Html.text(x.method()))
                    .append("</code> · assumptions in force: ")
                    .append(
                            x.assumptions().isEmpty()
                                    ? DASH
                                    : x.assumptions().stream()
                                            .map(a -> "<code>" + Html.text(a) + "</code>")
                                            .collect(Collectors.joining(", ")))
                    .append(" · expected ")
                    .append(x.expected().json())
                    .append(", outcome ")
                    .append(x.outcome().json())
                    .append("</p>\n");
            if (x.waiver() != null) {
                sb.append("<p class=\"waived\">Waived until ")
                        .append(x.waiver().expires())
                        .append(": ")
                        .append(Html.text(x.waiver().reason()))
                        .append(
                                ". The failure still counts as a fail; the waiver only lets the release gate pass.</p>\n");
            }
            sb.append("<div class=\"regime-body\">");
            plot(x);
            figures(x);
            sb.append("</div>\n");
            counterexample(x);
            if (x.error() != null) {
                sb.append("<p class=\"error\">")
                        .append(x.outcome() == Outcome.REFUSED ? "Refused" : "Error")
                        .append(
                                x.error().step() == null
                                        ? ""
                                        : " at step " + x.error().step())
                        .append(": ")
                        .append(Html.text(x.error().message()))
                        .append("</p>\n");
            }
            replay(x);
            sb.append("</article>\n");
        }

        private void figures(Result x) {
            sb.append("<div class=\"figs\"><table class=\"figures\"><tbody>");
            fig("tries", Integer.toString(x.tries()));
            fig(
                    "worst ratio (observed/bound, t ≥ 1; above 1 is a violation)",
                    x.worstRatio() == null ? DASH : Fmt.ratio(x.worstRatio(), INF));
            fig("known tight value", x.tightReference() == null ? "none known" : Fmt.ratio(x.tightReference(), INF));
            if (x.worstRatio() != null
                    && x.tightReference() != null
                    && x.tightReference() != 0
                    && Double.isFinite(x.worstRatio())
                    && x.outcome() == Outcome.HELD) {
                fig("worst / tight (how close the search came)", Fmt.ratio(x.worstRatio() / x.tightReference(), INF));
            }
            if (x.threshold() != null) {
                Threshold th = x.threshold();
                fig(
                        "threshold " + th.parameter(),
                        Fmt.sig(th.found(), Fmt.FIGURE_DIGITS, INF) + " found vs "
                                + Fmt.sig(th.theory(), Fmt.FIGURE_DIGITS, INF) + " in theory");
            }
            fig("found by", x.foundBy() == null ? DASH : x.foundBy().json());
            fig("tol/|rhs|", Fmt.ratio(x.toleranceRatio(), INF));
            if (x.recheck() != null) {
                fig("higher-precision recheck", recheckText(x.recheck()));
            }
            if (x.statistics() != null) {
                StatisticalTest s = x.statistics();
                fig(
                        "statistics",
                        s.test() + ", alpha " + Fmt.sig(s.alpha(), Fmt.FIGURE_DIGITS, INF) + ", " + s.runs()
                                + " runs, seed " + s.seed());
            }
            fig("precision", x.precision());
            fig("seed", Long.toString(x.seed()));
            fig("time", Fmt.seconds(x.durationMs()));
            if (!x.conventions().isEmpty()) {
                fig(
                        "conventions",
                        x.conventions().entrySet().stream()
                                .map(e -> e.getKey() + " = " + e.getValue())
                                .collect(Collectors.joining(", ")));
            }
            sb.append("</tbody></table>");
            Map<String, Object> extra = new LinkedHashMap<>(x.extra());
            if (!extra.isEmpty()) {
                sb.append("<details class=\"extra\"><summary>More figures</summary><dl>");
                extra.forEach((k, v) -> sb.append("<dt>")
                        .append(Html.text(k))
                        .append("</dt><dd>")
                        .append(Html.text(Fmt.value(v, INF)))
                        .append("</dd>"));
                sb.append("</dl></details>");
            }
            sb.append("</div>");
        }

        /**
         * "rounding: double says violated, 300-digit ... says holds (3 ulps from the bound, step 4)",
         * or "not rechecked: reason".
         */
        private String recheckText(Map<String, Object> r) {
            Object cls = r.get("classification");
            Object ulps = r.get("ulpsFromBound");
            String where = " (" + (ulps instanceof Number n ? Fmt.sig(n.doubleValue(), Fmt.FIGURE_DIGITS, INF) : "?")
                    + " ulps from the bound, step " + r.get("step") + ")";
            if (!r.containsKey("exactVerdict")) {
                return cls + ": " + r.get("reason") + where;
            }
            return cls + ": double says " + r.get("doubleVerdict") + ", " + r.get("precision") + " says "
                    + r.get("exactVerdict") + where;
        }

        private void fig(String k, String v) {
            sb.append("<tr><th>")
                    .append(Html.text(k))
                    .append("</th><td>")
                    .append(Html.text(v))
                    .append("</td></tr>");
        }

        private void plot(Result x) {
            Map<String, double[]> curves = x.series().curves();
            if (curves.isEmpty()) {
                sb.append("<p class=\"noplot\">No per-step curve was recorded for this regime.</p>");
                return;
            }
            Counterexample c = x.counterexample();
            Double step = c == null ? null : violationStep(c);
            int n = curves.values().stream().mapToInt(a -> a.length).max().orElse(0);
            double first = step != null && step >= n ? step - n + 1 : 1;
            SvgPlot.Builder p = SvgPlot.builder()
                    .id(x.id())
                    .title(x.regime() + ": " + (c == null ? "the worst-ratio instance" : "the shrunk counterexample"));
            String measured = null;
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, double[]> e : curves.entrySet()) {
                boolean bound = e.getKey().toLowerCase(Locale.ROOT).contains("bound");
                SvgPlot.Style style =
                        bound ? SvgPlot.Style.BOUND : c != null ? SvgPlot.Style.COUNTEREXAMPLE : SvgPlot.Style.MEASURED;
                double[] y = e.getValue();
                // Curves of different lengths end together (the last point is the last checked step).
                p.curve(new SvgPlot.Curve(e.getKey(), first + (n - y.length), y, style));
                if (!bound) {
                    names.add(e.getKey());
                    if (measured == null) {
                        measured = e.getKey();
                    }
                }
            }
            if (names.isEmpty()) {
                names.addAll(curves.keySet());
                measured = names.get(0);
            }
            p.yLabel(String.join(" / ", names) + " " + units(names.get(0)));
            if (step != null) {
                p.violation(measured, step);
            }
            sb.append("<figure class=\"plot\">").append(p.render()).append("</figure>");
        }

        // ------------------------------------------------------------ counterexample, replay

        private void counterexample(Result x) {
            Counterexample c = x.counterexample();
            if (c == null) {
                return;
            }
            Double step = violationStep(c);
            sb.append("<div class=\"cex\" data-result=\"")
                    .append(Html.attr(x.id()))
                    .append("\"><h4>Counterexample")
                    .append(step == null ? "" : " (violation at step t = " + SvgPlot.num(step) + ")")
                    .append(", shrunk in ")
                    .append(c.shrinkSteps())
                    .append(" step")
                    .append(c.shrinkSteps() == 1 ? "" : "s")
                    .append("</h4><p class=\"summary\">")
                    .append(Html.text(c.summary()))
                    .append("</p><table class=\"fields\"><tbody>");
            c.fields()
                    .forEach((k, v) -> sb.append("<tr><th>")
                            .append(Html.text(k))
                            .append("</th><td>")
                            .append(Html.text(Fmt.value(v, INF)))
                            .append("</td></tr>"));
            sb.append("</tbody></table>");
            if (c.original() != null) {
                sb.append("<details><summary>Before shrinking</summary><table class=\"fields\"><tbody>");
                c.original()
                        .forEach((k, v) -> sb.append("<tr><th>")
                                .append(Html.text(k))
                                .append("</th><td>")
                                .append(Html.text(Fmt.value(v, INF)))
                                .append("</td></tr>"));
                sb.append("</tbody></table></details>");
            }
            sb.append("</div>\n");
        }

        private void replay(Result x) {
            String cmd;
            String what;
            if (x.counterexample() != null) {
                cmd = x.counterexample().replay();
                what = "Replay exactly this counterexample";
            } else {
                cmd = "./optcheck run --theorem " + x.theorem() + " --seed " + x.seed() + " --tries " + x.tries();
                what = "Rerun this theorem with the same seed and tries";
            }
            sb.append("<p class=\"replay\"><span>")
                    .append(what)
                    .append(" (click to select):</span> <code class=\"cmd\">")
                    .append(Html.text(Fmt.oneLine(cmd)))
                    .append("</code></p>\n");
        }

        // ------------------------------------------------------------ methods

        private void methods() {
            sb.append("<section id=\"methods\">\n<h2>Methods</h2>\n");
            Map<String, List<Result>> byMethod = new TreeMap<>();
            r.results()
                    .forEach(x -> byMethod.computeIfAbsent(x.method(), k -> new ArrayList<>())
                            .add(x));
            if (byMethod.isEmpty()) {
                sb.append("<p>No results.</p>\n");
            }
            sb.append("<table class=\"methods\"><thead><tr><th>method</th><th>held</th><th>broke</th>")
                    .append("<th>disagrees with the theory</th><th>conventions assumed</th></tr></thead><tbody>\n");
            byMethod.forEach((m, list) -> {
                sb.append("<tr id=\"")
                        .append(methodAnchor(m))
                        .append("\" data-method=\"")
                        .append(Html.attr(m))
                        .append("\"><th><code>")
                        .append(Html.text(m))
                        .append("</code></th><td>");
                links(list.stream().filter(x -> x.outcome() == Outcome.HELD).toList());
                sb.append("</td><td>");
                links(list.stream()
                        .filter(x -> x.outcome() == Outcome.BROKEN || x.outcome() == Outcome.REFUSED)
                        .toList());
                sb.append("</td><td>");
                links(list.stream().filter(x -> x.verdict() == Verdict.FAIL).toList());
                sb.append("</td><td>");
                Map<String, Set<String>> conv = new TreeMap<>();
                list.forEach(x -> x.conventions()
                        .forEach((k, v) -> conv.computeIfAbsent(k, q -> new LinkedHashSet<>())
                                .add(v)));
                sb.append(
                        conv.isEmpty()
                                ? "none declared"
                                : conv.entrySet().stream()
                                        .map(e -> "<code>" + Html.text(e.getKey()) + "</code> = "
                                                + Html.text(String.join(" | ", e.getValue())))
                                        .collect(Collectors.joining("<br>")));
                sb.append("</td></tr>\n");
            });
            sb.append(
                            "</tbody></table>\n<p class=\"note\">held: the conclusion held on every try; broke: a counterexample")
                    .append(" was found or the method refused. Whether that is right depends on the regime: breaking")
                    .append(" regimes are expected to break.</p>\n</section>\n");
        }

        private void links(List<Result> list) {
            if (list.isEmpty()) {
                sb.append(DASH);
                return;
            }
            sb.append(list.stream()
                    .map(x -> "<a href=\"#" + resultAnchor(x) + "\">" + Html.text(x.theorem() + " / " + x.regime())
                            + "</a>"
                            + (x.verdict() == Verdict.FAIL
                                    ? (x.waiver() == null ? " (FAIL)" : " (FAIL, waived)")
                                    : x.expected() == Expected.NONE ? " (no guarantee)" : ""))
                    .collect(Collectors.joining("<br>")));
        }

        // ------------------------------------------------------------ observations, waivers

        private void observations() {
            sb.append("<section id=\"observations\">\n<h2>Observations</h2>\n");
            if (r.observations().isEmpty()) {
                sb.append(
                        "<p>No observations in this run (measurements without a verdict, such as sharpness against 2/η).</p>\n");
            }
            for (Observation o : r.observations()) {
                sb.append("<article class=\"observation\" data-observation=\"")
                        .append(Html.attr(o.id()))
                        .append("\"><h3>")
                        .append(Html.text(o.id()))
                        .append(" <span class=\"ids\">method ")
                        .append(Html.text(o.method()))
                        .append("</span></h3>");
                if (!o.summary().isEmpty()) {
                    sb.append("<table class=\"figures\"><tbody>");
                    o.summary().forEach((k, v) -> fig(k, Fmt.value(v, INF)));
                    sb.append("</tbody></table>");
                }
                if (!o.series().isEmpty()) {
                    SvgPlot.Builder p = SvgPlot.builder()
                            .id(o.id() + "/" + o.method())
                            .title(o.id())
                            .xLabel("step t [iterations]")
                            .yLabel("value [as named in the legend]");
                    o.series()
                            .forEach((k, v) -> p.curve(new SvgPlot.Curve(
                                    k,
                                    0,
                                    v,
                                    k.toLowerCase(Locale.ROOT).contains("bound") || k.contains("2/")
                                            ? SvgPlot.Style.BOUND
                                            : SvgPlot.Style.OTHER)));
                    sb.append("<figure class=\"plot\">").append(p.render()).append("</figure>");
                }
                sb.append("</article>\n");
            }
            sb.append("</section>\n");
        }

        private void waivers() {
            WaiverReport w = r.waivers();
            if (w == null) {
                return;
            }
            sb.append("<section id=\"waivers\">\n<h2>Waivers</h2>\n");
            waiverList("Applied (excuse a failure until their expiry date)", w.applied());
            waiverList("Expired (excuse nothing)", w.expired());
            waiverList("Unused (excused no failure; remove them)", w.unused());
            sb.append("</section>\n");
        }

        private void waiverList(String title, List<Waiver> ws) {
            sb.append("<h3>").append(Html.text(title)).append("</h3>");
            if (ws.isEmpty()) {
                sb.append("<p>none</p>");
                return;
            }
            sb.append("<ul class=\"waivers\">");
            for (Waiver w : ws) {
                sb.append("<li><code>")
                        .append(Html.text(w.id()))
                        .append("</code>, until ")
                        .append(w.expires())
                        .append(": ")
                        .append(Html.text(w.reason()))
                        .append("</li>");
            }
            sb.append("</ul>\n");
        }

        // ------------------------------------------------------------ anchors

        private static String theoremAnchor(String id) {
            return Html.anchor("t-", id);
        }

        private static String methodAnchor(String id) {
            return Html.anchor("m-", id);
        }

        private static String resultAnchor(Result x) {
            return Html.anchor("r-", x.id());
        }
    }

    /** The violation step of a counterexample ({@code fields.step}), or null. */
    static Double violationStep(Counterexample c) {
        Object s = c.fields().get("step");
        if (s instanceof Number num && Double.isFinite(num.doubleValue())) {
            return num.doubleValue();
        }
        return null;
    }

    /** The unit of a plotted quantity, from its name: values of f, distances in x, or counts. */
    static String units(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("f(")) {
            return "[units of f]";
        }
        if (n.contains("||x") || n.contains("‖x") || n.contains("amplitude") || n.contains("distance")) {
            return "[units of x]";
        }
        if (n.contains("components") || n.contains("count") || n.contains("number")) {
            return "[count]";
        }
        return "[units of the quantity]";
    }

    static final String CSS = String.join(
            "\n",
            ":root{--held:#1b7f3b;--held-bg:#e3f4e8;--broke:#1d5fa8;--broke-bg:#e2edf9;--fail:#b3261e;--fail-bg:#fde7e4;",
            "--waived:#8a5a00;--waived-bg:#fff2cc;--info:#555;--info-bg:#eeeeee}",
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;max-width:1340px;padding:0 20px 40px;color:#1d1d1f}",
            "h1{margin:18px 0 4px;font-size:26px}h2{margin:28px 0 8px;font-size:21px;border-bottom:1px solid #ddd;padding-bottom:4px}",
            "h3{font-size:16px;margin:14px 0 6px}h4{margin:8px 0 4px}",
            "code{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:90%;background:#f3f3f6;padding:0 3px;border-radius:3px}",
            ".gate{font-size:19px;font-weight:600;padding:8px 12px;border-radius:6px;margin:6px 0}",
            ".gate-pass{background:var(--held-bg);color:var(--held)}.gate-fail{background:var(--fail-bg);color:var(--fail)}",
            ".lead{max-width:1100px;margin:6px 0}ul.failing{margin:2px 0 6px;color:var(--fail);font-weight:600}",
            ".key{display:inline-block;padding:0 6px;border-radius:4px;border-left:5px solid;font-size:13px;margin:1px 2px}",
            "dl.meta{display:flex;flex-wrap:wrap;gap:4px 22px;margin:8px 0}dl.meta div{display:flex;gap:6px}",
            "dl.meta dt{color:#666}dl.meta dd{margin:0;font-weight:600}",
            "details.tolerance{font-size:13px;color:#444}details dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}",
            "details dd{margin:0}nav{margin:8px 0;font-weight:600}a{color:#1a4f8b}",
            "table.matrix{border-collapse:collapse;width:100%}table.matrix>tbody>tr>th{text-align:left;vertical-align:top;width:230px;padding:8px 10px 8px 0;border-top:1px solid #e5e5e5;font-size:14px}",
            "table.matrix>tbody>tr>td{border-top:1px solid #e5e5e5;padding:6px 0}table.matrix thead th{text-align:left;font-size:12px;color:#666;font-weight:normal}",
            ".ids{font-size:12px;color:#666;font-weight:normal}",
            ".cells{display:flex;flex-wrap:wrap;gap:6px}",
            "a.cell{display:flex;flex-direction:column;min-width:150px;padding:5px 8px;border-radius:5px;border-left:6px solid;text-decoration:none;color:#1d1d1f;font-size:12.5px;line-height:1.3}",
            "a.cell:hover{outline:2px solid #888}a.cell .regime{font-family:'DejaVu Sans Mono',monospace;font-weight:600;font-size:12px}",
            "a.cell .state{font-weight:700;font-size:14px}a.cell .expect,a.cell .nums{color:#333}",
            "a.cell .precision{font-size:11px;font-weight:600;color:#5a3e8a}input.pf{display:none}",
            ".precision-filter label{cursor:pointer;text-decoration:underline;color:#1a4f8b}",
            "#precision-all:checked~#matrix label[for=precision-all],#precision-float64:checked~#matrix label[for=precision-float64],"
                    + "#precision-float32:checked~#matrix label[for=precision-float32],"
                    + "#precision-bfloat16:checked~#matrix label[for=precision-bfloat16]{font-weight:700;text-decoration:none;color:#1d1d1f}",
            "#precision-float64:checked~#matrix a.cell:not([data-precision=float64]),"
                    + "#precision-float32:checked~#matrix a.cell:not([data-precision=float32]),"
                    + "#precision-bfloat16:checked~#matrix a.cell:not([data-precision=bfloat16]){display:none}",
            ".v-held{background:var(--held-bg);border-color:var(--held)}.v-held .state{color:var(--held)}",
            ".v-broke{background:var(--broke-bg);border-color:var(--broke)}.v-broke .state{color:var(--broke)}",
            ".v-fail{background:var(--fail-bg);border-color:var(--fail)}.v-fail .state{color:var(--fail)}",
            ".v-waived{background:var(--waived-bg);border-color:var(--waived)}.v-waived .state{color:var(--waived)}",
            ".v-info{background:var(--info-bg);border-color:var(--info)}",
            "section.theorem{margin-top:26px}.statement{background:#fafafa;border:1px solid #e6e6e6;border-radius:6px;padding:4px 14px 10px}",
            ".math{font-family:'DejaVu Serif','Cambria Math',Georgia,serif;font-size:16px}.cid{font-family:monospace;font-size:12px;color:#666;margin-right:6px}",
            "pre.spec{white-space:pre-wrap;font-size:13px;background:#fff;border:1px solid #eee;padding:8px}",
            "article.regime{border:1px solid #e3e3e3;border-left:6px solid;border-radius:6px;margin:14px 0;padding:4px 14px 10px;background:#fff}",
            "article.regime.v-held,article.regime.v-broke,article.regime.v-fail,article.regime.v-waived,article.regime.v-info{background:#fff}",
            ".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;border:1px solid}",
            ".regime-body{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}figure.plot{margin:0}",
            "table.figures{border-collapse:collapse;font-size:13px;max-width:560px}table.figures th{text-align:left;font-weight:normal;color:#555;padding:2px 12px 2px 0;vertical-align:top}",
            "table.figures td{font-family:'DejaVu Sans Mono',monospace;padding:2px 0}",
            ".cex{background:#fff6f2;border:1px solid #f3c9b8;border-radius:6px;padding:4px 12px 8px;margin-top:8px}",
            ".cex .summary{font-family:'DejaVu Sans Mono',monospace;font-size:12.5px}",
            "table.fields{border-collapse:collapse;font-size:12.5px}table.fields th{text-align:left;padding:1px 12px 1px 0;color:#555;font-weight:normal}",
            "table.fields td{font-family:'DejaVu Sans Mono',monospace;word-break:break-all}",
            ".replay{font-size:13px}.replay code.cmd{user-select:all;-webkit-user-select:all;display:inline-block;padding:3px 6px;border:1px solid #ccc;background:#f7f7fa;word-break:break-all}",
            ".waived{background:var(--waived-bg);color:var(--waived);padding:4px 8px;border-radius:4px;font-weight:600}",
            ".error{color:var(--fail);font-weight:600}.noplot,.nospec,.note{color:#666;font-size:13px}",
            "table.methods{border-collapse:collapse;font-size:13px;width:100%}table.methods th,table.methods td{border-top:1px solid #e5e5e5;text-align:left;vertical-align:top;padding:4px 10px 4px 0}",
            "footer{margin-top:30px;color:#666;font-size:12px;border-top:1px solid #ddd}");

    static {
        Objects.requireNonNull(CSS);
    }
}
