package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Counterexample;
import io.optcheck.result.Observation;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Series;
import io.optcheck.result.Waiver;
import io.optcheck.result.WaiverMark;
import io.optcheck.result.WaiverReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("formatting")
@ExtendWith(TurkishDefaultLocale.class)
class HtmlReportTest {

    private static Result withSeries(Result r, double[] observed, double[] bound) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("f(x_t) - f*", observed);
        m.put("bound", bound);
        return r.toBuilder().series(new Series(m)).build();
    }

    private static RunReport sample() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eta L", 2.0001);
        fields.put("step", 3);
        Result broken = Fixtures.broken("gd.t", "eta-gt-2-over-l").toBuilder()
                .counterexample(new Counterexample(
                        fields, "eta L = 2.0001", "./optcheck run --replay gd.t/eta-gt-2-over-l/oc1-x", 5))
                .conventions(Map.of("lr", "eta = h / L"))
                .build();
        Map<String, Object> recheck = new LinkedHashMap<>();
        recheck.put("quantity", "f(x_t) - f*");
        recheck.put("step", 4);
        recheck.put("ulpsFromBound", 3.0);
        recheck.put("doubleVerdict", "violated");
        recheck.put("precision", "300-digit decimals");
        recheck.put("exactVerdict", "holds");
        recheck.put("classification", "rounding");
        Result held = Fixtures.held("gd.t", "holds").toBuilder()
                .worstRatio(0.97351)
                .tightReference(0.97097)
                .recheck(recheck)
                .build();
        Result failing = Fixtures.failing("gd.u", "holds")
                .withWaiver(new WaiverMark("known off-by-one, fixed in #12", LocalDate.of(2027, 1, 31)));
        Result info = Fixtures.info("gd.u", "no-guarantee");
        List<Result> results = List.of(
                withSeries(held, new double[] {1, 0.5, 0.25, 0.125}, new double[] {1, 0.6, 0.3, 0.2}),
                withSeries(broken, new double[] {1, 2, 5}, new double[] {1, 1.5, 4}),
                failing,
                info);
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("sharpness", new double[] {1, 2, 3});
        s.put("2/eta", new double[] {2, 2, 2});
        RunReport r = RunReport.of(
                "0.1.0",
                42,
                Fixtures.STARTED,
                12345,
                Map.of("formula", "tol = C d 2^-52 scale"),
                results,
                List.of(new Observation("land.sharpening", "gd", s, Map.of("peak", 3.0))));
        return r.with(
                r.results(),
                new WaiverReport(
                        List.of(new Waiver(failing.id(), "known off-by-one, fixed in #12", LocalDate.of(2027, 1, 31))),
                        List.of(),
                        List.of()));
    }

    private static Map<String, TheoremText> texts() {
        Map<String, String> regimes = new LinkedHashMap<>();
        regimes.put("holds", "h in (0, 1]");
        regimes.put("eta-gt-2-over-l", "h in (2, 4]");
        return Map.of(
                "gd.t",
                new TheoremText(
                        "gd.t",
                        "A test theorem",
                        "Nesterov (2018), Lemma 1.2.3",
                        Map.of("main", "f(x_{t+1}) \\le f(x_t)"),
                        Map.of("l-smooth", "f is L-smooth"),
                        regimes,
                        "## Derivation\ntext"));
    }

    @Test
    void headerStatesSeedTriesToleranceVersionAndWallTime() {
        String h = HtmlReport.render(sample(), texts());
        assertThat(h).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(h)
                .contains("<dt>Seed</dt><dd>42</dd>")
                .contains("<dt>Tries per regime</dt><dd>100 to 1000 (per result below)</dd>")
                .contains("<dt>Tolerance model</dt><dd>tol = C d 2^-52 scale</dd>")
                .contains("<dt>Version</dt><dd>0.1.0</dd>")
                .contains("<dt>Wall time</dt><dd>12.345 s</dd>");
        assertThat(h).contains("4 results: 2 pass, 1 fail (1 waived), 1 info");
        // failures are listed, with links, right under the verdict line
        assertThat(h)
                .containsPattern("<ul class=\"failing\"><li><a href=\"#r-[^\"]+\">gd.u / holds</a>: expected holds, "
                        + "outcome broken \\(waived until 2027-01-31\\)</li></ul>");
    }

    @Test
    void aMarginalResultSaysHowItsRecheckClassifiedIt() {
        assertThat(HtmlReport.render(sample(), texts()))
                .contains("higher-precision recheck")
                .contains(
                        "rounding: double says violated, 300-digit decimals says holds (3 ulps from the bound, step 4)");
    }

    @Test
    void selfContainedNoScriptNoNetwork() {
        // the only URL is the SVG namespace, which is a name, not a fetch
        String h = HtmlReport.render(sample(), texts()).replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(h)
                .doesNotContain("<script")
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("<link")
                .doesNotContain("@import")
                .doesNotContain("src=");
    }

    @Test
    void everyResultHasAMatrixCellLinkingToItsSection() {
        RunReport r = sample();
        String h = HtmlReport.render(r, texts());
        Matcher m = Pattern.compile("<a class=\"cell [^\"]*\" href=\"#([^\"]*)\" data-result=\"([^\"]*)\"")
                .matcher(h);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(2));
            assertThat(h).contains("id=\"" + m.group(1) + "\"");
        }
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                        r.results().stream().map(Result::id).toList());
    }

    @Test
    void cellsSayTheOutcomeInWordsNotOnlyInColour() {
        String h = HtmlReport.render(sample(), texts());
        assertThat(h)
                .contains("class=\"cell v-held\"")
                .contains("✓ held")
                .contains("class=\"cell v-broke\"")
                .contains("✗ broke")
                .contains("class=\"cell v-waived\"")
                .contains("FAIL (waived)")
                .contains("class=\"cell v-info\"");
        assertThat(h).contains("1000 tries</span> · worst ratio <span class=\"worst\">0.9735</span>");
        assertThat(h).contains("worst ratio <span class=\"worst\">1.0005</span>");
        assertThat(h).doesNotContainPattern("\\d,\\d{3}\\b(?! tries)"); // no comma decimal separators
    }

    @Test
    void waivedFailuresShowReasonAndExpiry() {
        String h = HtmlReport.render(sample(), texts());
        assertThat(h)
                .contains("waived until 2027-01-31")
                .contains("Waived until 2027-01-31: known off-by-one, fixed in #12.")
                .contains("<li><code>gd.u/main/gd/holds</code>, until 2027-01-31: known off-by-one, fixed in #12</li>");
    }

    @Test
    void theoremSectionHasStatementAssumptionsFiguresPlotAndReplay() {
        String h = HtmlReport.render(sample(), texts());
        assertThat(h)
                .contains("A test theorem")
                .contains("Nesterov (2018), Lemma 1.2.3")
                .contains("f(x<sub>t+1</sub>) ≤ f(x<sub>t</sub>)")
                .contains("<code>l-smooth</code>: f is L-smooth")
                .contains("h in (2, 4]");
        assertThat(h)
                .contains("<th>known tight value</th><td>0.971</td>")
                .contains("<th>worst / tight (how close the search came)</th><td>1.003</td>")
                .contains("<th>threshold eta L</th><td>2.0004 found vs 2 in theory</td>");
        assertThat(h)
                .contains("<code class=\"cmd\">./optcheck run --replay gd.t/eta-gt-2-over-l/oc1-x</code>")
                .contains("<code class=\"cmd\">./optcheck run --theorem gd.t --seed 42 --tries 1000</code>");
        assertThat(h).contains("Counterexample (violation at step t = 3), shrunk in 5 steps");
        assertThat(h).contains("<g class=\"violation\" data-step=\"3\">");
        assertThat(h).contains("f(x_t) - f* / f(x_t) - f*".substring(0, 11)).contains("[units of f]");
    }

    @Test
    void methodsListWhatHeldWhatBrokeAndTheConventions() {
        String h = HtmlReport.render(sample(), texts());
        Matcher m = Pattern.compile("<tr id=\"m-gd\" data-method=\"gd\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(h);
        assertThat(m.find()).isTrue();
        String row = m.group(1);
        assertThat(row)
                .contains("gd.t / holds")
                .contains("gd.t / eta-gt-2-over-l")
                .contains("gd.u / holds</a> (FAIL, waived)")
                .contains("<code>lr</code> = eta = h / L");
    }

    @Test
    void observationsAreDrawnAsCurves() {
        String h = HtmlReport.render(sample(), texts());
        assertThat(h)
                .contains("data-plot=\"land.sharpening/gd\"")
                .contains("data-curve=\"sharpness\"")
                .contains("data-curve=\"2/eta\"")
                .contains("<th>peak</th><td>3</td>");
    }

    @Test
    void aTheoremWithoutSpecTextIsShownByItsIds() {
        String h = HtmlReport.render(sample(), Map.of());
        assertThat(h).contains("No spec text was available for this theorem.").contains("gd.u");
    }

    @Test
    void unitsAreReadFromTheQuantityName() {
        assertThat(HtmlReport.units("f(x_t) - f*")).isEqualTo("[units of f]");
        assertThat(HtmlReport.units("||x_t - x*||")).isEqualTo("[units of x]");
        assertThat(HtmlReport.units("components whose sign flip disagrees")).isEqualTo("[count]");
    }
}
