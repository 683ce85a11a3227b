package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("formatting")
@ExtendWith(TurkishDefaultLocale.class)
class SvgPlotTest {

    private static double[] geometric(int n, double rho) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.pow(rho, i + 1);
        }
        return y;
    }

    private static int vertices(String svg, String curve) {
        Matcher g = Pattern.compile(
                        "data-curve=\"" + Pattern.quote(curve) + "\".*?<path class=\"line\" d=\"([^\"]*)\"",
                        Pattern.DOTALL)
                .matcher(svg);
        assertThat(g.find()).isTrue();
        Matcher m = Pattern.compile("[ML]").matcher(g.group(1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void geometricRatesGetALogScaleLinearOnesDoNot() {
        assertThat(SvgPlot.autoScale(List.of(new SvgPlot.Curve("e", 1, geometric(50, 0.8), SvgPlot.Style.MEASURED))))
                .isEqualTo(SvgPlot.Scale.LOG);
        assertThat(SvgPlot.autoScale(
                        List.of(new SvgPlot.Curve("e", 1, new double[] {5, 4, 3, 2, 1}, SvgPlot.Style.MEASURED))))
                .isEqualTo(SvgPlot.Scale.LINEAR);
        // mostly zeros or negative: a log scale would clip most of the curve, so linear
        assertThat(SvgPlot.autoScale(
                        List.of(new SvgPlot.Curve("e", 1, new double[] {1000, 0, 0, -1, 1}, SvgPlot.Style.MEASURED))))
                .isEqualTo(SvgPlot.Scale.LINEAR);
    }

    @Test
    void logScaleClipsZerosNegativesAndInfinitiesAndSaysSo() {
        double[] y = {1, 0.1, 0, -2, 0.001, Double.POSITIVE_INFINITY, Double.NaN, 1e-4};
        String svg = SvgPlot.builder()
                .id("p")
                .title("t")
                .scale(SvgPlot.Scale.LOG)
                .curve(new SvgPlot.Curve("err", 1, y, SvgPlot.Style.MEASURED))
                .render();
        assertThat(svg).contains("data-scale=\"log\"");
        assertThat(svg)
                .contains(
                        "log scale: 2 values &lt;= 0 or -inf of &#39;err&#39; clipped: drawn as ▼ on the bottom edge");
        assertThat(svg).contains("1 value = +inf of &#39;err&#39; clipped: drawn as ▲ on the top edge");
        assertThat(svg).contains("1 NaN value of &#39;err&#39; not drawn");
        assertThat(svg.split("class=\"clip\"", -1)).hasSize(4); // three triangles
        assertThat(vertices(svg, "err")).isEqualTo(4); // 1, 0.1, 0.001, 1e-4
        assertThat(svg).contains("data-total=\"8\" data-kept=\"7\" data-clipped=\"3\" data-nan=\"1\"");
        // decades as tick labels, the axis says it is logarithmic
        assertThat(svg).contains(">0.001</text>").contains(">1</text>").contains("(log scale)");
    }

    @Test
    void linearScaleDrawsZerosAndNegativesAsThey() {
        String svg = SvgPlot.builder()
                .scale(SvgPlot.Scale.LINEAR)
                .curve(new SvgPlot.Curve("v", 1, new double[] {1, 0, -2}, SvgPlot.Style.MEASURED))
                .render();
        assertThat(vertices(svg, "v")).isEqualTo(3);
        assertThat(svg).doesNotContain("class=\"clip\"").doesNotContain("class=\"note\"");
    }

    @Test
    void longCurvesAreDownsampledToMinAndMaxPerPixelColumnAndTheNoteSaysSo() {
        double[] y = new double[4000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.cos(i * 0.3) + 2;
        }
        String svg = SvgPlot.builder()
                .curve(new SvgPlot.Curve("c", 1, y, SvgPlot.Style.MEASURED))
                .render();
        int kept = Downsample.minMax(y, SvgPlot.AREA_WIDTH).length;
        assertThat(kept).isLessThan(y.length).isGreaterThan(SvgPlot.AREA_WIDTH);
        assertThat(vertices(svg, "c")).isEqualTo(kept);
        assertThat(svg)
                .contains("&#39;c&#39;: 4000 points drawn as " + kept + " (min and max of each of the "
                        + SvgPlot.AREA_WIDTH + " pixel columns kept)");
    }

    @Test
    void axesAreLabelledWithUnitsAndNumbersUseAPointWhateverTheLocale() {
        String svg = SvgPlot.builder()
                .yLabel("f(x_t) - f* [units of f]")
                .curve(new SvgPlot.Curve("f", 1, new double[] {0.25, 0.125, 0.0625}, SvgPlot.Style.MEASURED))
                .render();
        assertThat(svg).contains(">step t [iterations]</text>").contains(">f(x_t) - f* [units of f]</text>");
        assertThat(svg).doesNotContainPattern("\\d,\\d");
        assertThat(svg).containsPattern("\\d\\.\\d");
    }

    @Test
    void theViolationIsMarkedOnItsCurveAtItsStep() {
        String svg = SvgPlot.builder()
                .curve(new SvgPlot.Curve("bound", 1, new double[] {1, 1, 1}, SvgPlot.Style.BOUND))
                .curve(new SvgPlot.Curve("obs", 1, new double[] {0.5, 0.9, 3}, SvgPlot.Style.COUNTEREXAMPLE))
                .violation("obs", 3)
                .render();
        assertThat(svg)
                .contains("<g class=\"violation\" data-step=\"3\">")
                .contains("violation at t = 3")
                .contains("first violation")
                .contains("stroke-dasharray=\"7 4\"");
        // the marker circle sits on the last point of the counterexample curve
        Matcher dot = Pattern.compile(
                        "data-curve=\"obs\".*<circle class=\"pt\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"", Pattern.DOTALL)
                .matcher(svg);
        assertThat(dot.find()).isTrue();
        assertThat(svg).contains("<circle cx=\"" + dot.group(1) + "\" cy=\"" + dot.group(2) + "\" r=\"8\"");
    }

    @Test
    void outputIsDeterministicAndTextIsEscaped() {
        SvgPlot.Builder b = SvgPlot.builder()
                .title("<b>\"t\"</b>")
                .id("a\"b")
                .curve(new SvgPlot.Curve("<script>x</script>", 0, geometric(30, 0.5), SvgPlot.Style.OTHER));
        String svg = b.render();
        assertThat(b.render()).isEqualTo(svg);
        assertThat(svg)
                .doesNotContain("<script")
                .doesNotContain("<b>")
                .contains("&lt;script&gt;x&lt;/script&gt;")
                .contains("data-plot=\"a&quot;b\"");
    }

    @Test
    void nearlyConstantHugeOrExtremeValuesStillGetAFewDistinctTicks() {
        // Once looped forever: a tick of 1e4 stepped through multiples near 1e20 (k++ stops changing k).
        double[][] cases = {{1e20, 1e20 + 65536}, {1e300, 1.0000001e300}, {-1.7e308, 1.7e308}, {5, 5}, {-0.0, 0.0}};
        for (double[] y : cases) {
            String svg = SvgPlot.builder()
                    .scale(SvgPlot.Scale.LINEAR)
                    .curve(new SvgPlot.Curve("c", 1e17, y, SvgPlot.Style.MEASURED))
                    .render();
            Matcher m = Pattern.compile("<text class=\"tick\" x=\"78\"[^>]*>([^<]*)</text>")
                    .matcher(svg);
            List<String> labels = new ArrayList<>();
            while (m.find()) {
                labels.add(m.group(1));
            }
            assertThat(labels).as(Arrays.toString(y)).hasSizeBetween(2, 13).doesNotHaveDuplicates();
            assertThat(svg).doesNotContain("NaN");
            assertThat(vertices(svg, "c")).isEqualTo(2);
        }
    }

    @Test
    void aSinglePointIsVisibleAsADot() {
        String svg = SvgPlot.builder()
                .curve(new SvgPlot.Curve("one", 3000, new double[] {2.1}, SvgPlot.Style.MEASURED))
                .render();
        assertThat(svg).contains("class=\"pt\"").contains(">3000</text>");
        assertThat(vertices(svg, "one")).isEqualTo(1);
    }
}
