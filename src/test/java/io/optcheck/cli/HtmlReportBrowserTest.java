package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.optcheck.report.Downsample;
import io.optcheck.report.HtmlReport;
import io.optcheck.report.JsonReport;
import io.optcheck.report.SvgPlot;
import io.optcheck.report.TheoremText;
import io.optcheck.result.Counterexample;
import io.optcheck.result.Expected;
import io.optcheck.result.Observation;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Series;
import io.optcheck.result.WaiverMark;
import io.optcheck.theory.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser renders it: headless Chromium loads the index.html that the main
 * command wrote, and the rendered DOM is checked against results.json (one matrix cell per result,
 * one curve per series with the documented number of points, a violation marker per
 * counterexample). Also: a changed results.json changes the page, and hostile ids and spec text
 * stay text. Saves target/report.png.
 */
class HtmlReportBrowserTest {

    @TempDir
    static Path tmp;

    static Chromium chromium;
    static Path out;
    static JsonNode json;
    static String dom;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void runTheCatalogAndRenderItsReport() throws Exception {
        chromium = Chromium.require(tmp);
        out = tmp.resolve("reports");
        Cli r = Cli.run("run", "--quick", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("index.html");
        json = MAPPER.readTree(Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8));
        dom = chromium.dumpDom(out.resolve("index.html"));
        chromium.screenshot(out.resolve("index.html"), Path.of("target", "report.png"));
    }

    @Test
    void theMatrixHasOneCellPerResultWithItsOutcomeTriesAndWorstRatio() {
        Map<String, String> cells = cells(dom);
        List<String> ids = new ArrayList<>();
        for (JsonNode res : json.get("results")) {
            ids.add(id(res));
        }
        assertThat(ids).isNotEmpty();
        assertThat(cells.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        for (JsonNode res : json.get("results")) {
            String cell = cells.get(id(res));
            int tries = res.get("tries").asInt();
            assertThat(cell).as(id(res)).contains(tries + (tries == 1 ? " try" : " tries"));
            String word = switch (res.get("outcome").asText()) {
                case "held" -> "✓ held";
                case "broken" -> "✗ broke";
                case "refused" -> "✗ refused";
                case "error" -> "⚠ error";
                case "not_applicable" -> "– not applicable";
                case "inconclusive" -> "? inconclusive";
                default -> throw new AssertionError("unknown outcome " + res.get("outcome") + " in " + id(res));
            };
            assertThat(cell).as(id(res)).contains("<span class=\"state\">" + word + "</span>");
            assertThat(cell)
                    .as(id(res))
                    .contains("expected " + res.get("expected").asText());
        }
        assertThat(dom).doesNotContain("<script");
    }

    @Test
    void everyPlotHasAsManyPointsAsItsSeriesAfterMinMaxDownsampling() {
        Map<String, JsonNode> series = new HashMap<>();
        for (JsonNode res : json.get("results")) {
            if (!res.get("series").isEmpty()) {
                series.put(id(res), res.get("series"));
            }
        }
        // Observations (measured curves without a verdict) are plotted too, under id/method.
        for (JsonNode o : json.get("observations")) {
            if (!o.get("series").isEmpty()) {
                series.put(o.get("id").asText() + "/" + o.get("method").asText(), o.get("series"));
            }
        }
        assertThat(series).isNotEmpty();
        Map<String, Map<String, String>> plots = plots(dom);
        assertThat(plots.keySet()).containsExactlyInAnyOrderElementsOf(series.keySet());
        series.forEach((id, s) -> checkCurves(id, s, plots.get(id)));
    }

    @Test
    void everyCounterexampleHasItsViolationMarkedAtItsStep() {
        int marked = 0;
        for (JsonNode res : json.get("results")) {
            JsonNode c = res.get("counterexample");
            if (c.isNull() || res.get("series").isEmpty() || !c.get("fields").has("step")) {
                continue;
            }
            String svg = svg(dom, id(res));
            long step = c.get("fields").get("step").asLong();
            assertThat(svg).as(id(res)).contains("<g class=\"violation\" data-step=\"" + step + "\">");
            assertThat(svg).as(id(res)).contains("violation at t = " + step);
            assertThat(svg).as(id(res)).contains("class=\"curve curve-counterexample\"");
            marked++;
        }
        assertThat(marked)
                .as("counterexamples with a curve in a quick run of the catalog")
                .isGreaterThan(0);
        // Held results show their worst-ratio instance, with no violation marker.
        for (JsonNode res : json.get("results")) {
            if (res.get("counterexample").isNull() && !res.get("series").isEmpty()) {
                assertThat(svg(dom, id(res))).as(id(res)).doesNotContain("class=\"violation\"");
            }
        }
    }

    @Test
    void longSpikyObservationCurvesAreDownsampledAndClippedAsDocumented() throws Exception {
        int n = 5000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.pow(0.995, i) * (1 + 0.5 * Math.sin(i * 0.7));
        }
        y[1234] = 1e6; // a spike that downsampling must keep
        y[40] = 0; // clipped on a log scale
        y[41] = -3; // clipped on a log scale
        y[2000] = Double.NaN; // not drawn
        y[3000] = Double.POSITIVE_INFINITY; // clipped to the top
        double[] flat = new double[300];
        Arrays.fill(flat, 2.0);
        RunReport base = JsonReport.read(out.resolve("results.json"));
        RunReport withObs = new RunReport(
                base.tool(),
                base.schemaVersion(),
                base.version(),
                base.seed(),
                base.startedAt(),
                base.wallMs(),
                base.tolerance(),
                base.results(),
                List.of(new Observation(
                        "land.sharpening", "gd", mapOf("sharpness", y, "2/eta", flat), Map.of("steps", n))),
                base.waivers());
        Path dir = Files.createDirectories(tmp.resolve("obs"));
        JsonReport.write(withObs, dir.resolve("results.json"));
        HtmlReport.write(
                JsonReport.read(dir.resolve("results.json")),
                ReportTexts.of(withObs, Catalog.builtIn()),
                dir.resolve("index.html"));
        String d = chromium.dumpDom(dir.resolve("index.html"));
        JsonNode obs = MAPPER.readTree(Files.readString(dir.resolve("results.json")))
                .get("observations")
                .get(0);
        Map<String, String> curves = plots(d).get("land.sharpening/gd");
        assertThat(curves).containsOnlyKeys("sharpness", "2/eta");
        checkCurves("land.sharpening/gd", obs.get("series"), curves);
        String svg = svg(d, "land.sharpening/gd");
        assertThat(svg).contains("data-scale=\"log\"");
        assertThat(svg).contains("2 values &lt;= 0 or -inf of 'sharpness' clipped");
        assertThat(svg).contains("1 value = +inf of 'sharpness' clipped");
        assertThat(svg).contains("1 NaN value of 'sharpness' not drawn");
        assertThat(svg).contains("'sharpness': 5000 points drawn as");
        // The spike at 1e6 is kept and drawn at the top of the value range (the decade 1e6).
        assertThat(svg).contains(">1e6</text>");
    }

    @Test
    void changingAValueInResultsJsonChangesTheRenderedReport() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(Files.readString(out.resolve("results.json")));
        ObjectNode first = (ObjectNode) tree.get("results").get(0);
        String id = id(first);
        assertThat(cells(dom).get(id)).doesNotContain("4321 tries").doesNotContain("0.4321");
        first.put("tries", 4321);
        first.put("worstRatio", 0.4321);
        Path dir = Files.createDirectories(tmp.resolve("changed"));
        Files.writeString(dir.resolve("results.json"), MAPPER.writeValueAsString(tree));
        RunReport changed = JsonReport.read(dir.resolve("results.json"));
        HtmlReport.write(changed, ReportTexts.of(changed, Catalog.builtIn()), dir.resolve("index.html"));
        String cell = cells(chromium.dumpDom(dir.resolve("index.html"))).get(id);
        assertThat(cell).contains("4321 tries").contains("0.4321");
    }

    static final String HOSTILE_ID = "m\"'><img src=x onerror=\"document.title='pwned';"
            + "document.body.appendChild(document.createElement('marquee'))\"><script>document.title='pwned'<";
    static final String HOSTILE_TEXT =
            "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"
                    + " \"quoted\" & 'single'";

    @Test
    void hostileIdsAndSpecTextAreEscapedAndNothingExecutes() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("x0", HOSTILE_TEXT);
        fields.put("step", 2);
        Result evil = Result.builder("evil.theorem", "main", HOSTILE_ID, "holds")
                .assumptions(List.of("l-smooth"))
                .expected(Expected.HOLDS)
                .outcome(Outcome.BROKEN)
                .tries(3)
                .seed(1)
                .worstRatio(2.0)
                .counterexample(new Counterexample(fields, HOSTILE_TEXT, "./optcheck run --replay " + HOSTILE_TEXT, 1))
                .conventions(Map.of("lr", HOSTILE_TEXT))
                .series(new Series(mapOf(HOSTILE_TEXT, new double[] {1, 2}, "bound", new double[] {1, 1.5})))
                .build()
                .withWaiver(new WaiverMark(HOSTILE_TEXT, LocalDate.of(2099, 1, 31)));
        RunReport report = RunReport.of(
                "1.0",
                1,
                Instant.parse("2025-01-31T12:00:00Z"),
                10,
                Map.of("formula", HOSTILE_TEXT),
                List.of(evil),
                List.of(new Observation("obs", HOSTILE_ID, mapOf(HOSTILE_TEXT, new double[] {1, 2, 3}), Map.of())));
        TheoremText text = new TheoremText(
                "evil.theorem",
                HOSTILE_TEXT,
                HOSTILE_TEXT,
                Map.of("main", "x \\le " + HOSTILE_TEXT),
                Map.of("l-smooth", HOSTILE_TEXT),
                Map.of("holds", HOSTILE_TEXT),
                HOSTILE_TEXT);
        Path page = tmp.resolve("hostile.html");
        HtmlReport.write(report, Map.of("evil.theorem", text), page);
        String d = chromium.dumpDom(page);

        assertThat(d)
                .doesNotContain("pwned</title>")
                .contains("<title>optcheck report: 1 result: 0 pass, 1 fail (1 waived), 0 info, gate passes</title>");
        assertThat(d).doesNotContain("<marquee").doesNotContain("<img").doesNotContain("<script");
        // Verbatim as text: a text node serializes only &, < and > as references, so the quotes stay
        // literal (in an attribute they would be &quot;).
        assertThat(d).contains(textNode(HOSTILE_ID)).contains(textNode(HOSTILE_TEXT));
        assertThat(d).contains("waived until 2099-01-31");

        // Control: the same browser, flags and check do catch a script that runs.
        Path control = tmp.resolve("control.html");
        Files.writeString(
                control,
                "<!DOCTYPE html><html><head><title>safe</title></head><body>"
                        + "<img src=x onerror=\"document.body.appendChild(document.createElement('marquee'))\">"
                        + "<script>document.title='pwned'</script></body></html>");
        String c = chromium.dumpDom(control);
        assertThat(c).contains("<title>pwned</title>");
        assertThat(c).contains("<marquee");
    }

    // ------------------------------------------------------------------ DOM helpers

    private static void checkCurves(String id, JsonNode series, Map<String, String> curves) {
        assertThat(curves).as(id).isNotNull();
        List<String> names = new ArrayList<>();
        series.fieldNames().forEachRemaining(names::add);
        assertThat(curves.keySet()).as(id).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            double[] y = values(series.get(name));
            int expected;
            if (y.length <= SvgPlot.AREA_WIDTH) {
                expected = (int) Arrays.stream(y).filter(v -> !Double.isNaN(v)).count(); // every point
            } else {
                expected = Downsample.minMax(y, SvgPlot.AREA_WIDTH).length;
            }
            String g = curves.get(name);
            Matcher d = Pattern.compile("<path class=\"line\" d=\"([^\"]*)\"").matcher(g);
            assertThat(d.find()).as(id + " " + name).isTrue();
            int vertices = count(d.group(1), "[ML]");
            int clipped = count(g, "class=\"clip\"");
            assertThat(vertices + clipped)
                    .as(id + " / " + name + ": drawn points")
                    .isEqualTo(expected);
            assertThat(g).contains("data-total=\"" + y.length + "\"");
        }
    }

    private static double[] values(JsonNode a) {
        double[] y = new double[a.size()];
        for (int i = 0; i < y.length; i++) {
            JsonNode v = a.get(i);
            y[i] = v.isNumber()
                    ? v.doubleValue()
                    : switch (v.asText()) {
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        case "-Infinity" -> Double.NEGATIVE_INFINITY;
                        default -> throw new AssertionError("not a number: " + v);
                    };
        }
        return y;
    }

    private static String id(JsonNode res) {
        return res.get("theorem").asText() + "/" + res.get("conclusion").asText() + "/"
                + res.get("method").asText() + "/" + res.get("regime").asText();
    }

    /** Matrix cells: result id to the cell's inner HTML. */
    private static Map<String, String> cells(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile(
                        "<a class=\"cell [^\"]*\"[^>]*? data-result=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            String prev = out.put(unescape(m.group(1)), m.group(2));
            assertThat(prev).as("two cells for " + m.group(1)).isNull();
        }
        return out;
    }

    /** Plots: data-plot id to (curve name to the curve group's inner HTML). */
    private static Map<String, Map<String, String>> plots(String html) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<svg [^>]*data-plot=\"([^\"]*)\"[^>]*>(.*?)</svg>", Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            Map<String, String> curves = new LinkedHashMap<>();
            Matcher g = Pattern.compile(
                            "<g class=\"curve [^\"]*\" data-curve=\"([^\"]*)\"([^>]*)>(.*?)</g>", Pattern.DOTALL)
                    .matcher(m.group(2));
            while (g.find()) {
                curves.put(unescape(g.group(1)), g.group(2) + ">" + g.group(3));
            }
            out.put(unescape(m.group(1)), curves);
        }
        return out;
    }

    private static String svg(String html, String id) {
        Matcher m = Pattern.compile(
                        "<svg [^>]*data-plot=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("plot " + id).isTrue();
        return m.group();
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
    }

    /** How a browser serializes a text node: &, < and > as references, quotes as they are. */
    private static String textNode(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, double[]> mapOf(String k1, double[] v1, String k2, double[] v2) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Map<String, double[]> mapOf(String k1, double[] v1) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(k1, v1);
        return m;
    }

    @SuppressWarnings("unused")
    private static Set<String> set(List<String> l) {
        return new HashSet<>(l);
    }
}
