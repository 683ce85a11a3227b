package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MathTextTest {

    private static String html(String latex) {
        String h = MathText.toHtml(latex);
        assertThat(h).startsWith("<span class=\"math\">").endsWith("</span>");
        return h.substring("<span class=\"math\">".length(), h.length() - "</span>".length());
    }

    @Test
    void relationsGreekLettersNormsAndNabla() {
        assertThat(html("a \\le b \\ge c \\ne d")).isEqualTo("a ≤ b ≥ c ≠ d");
        assertThat(html("\\eta\\mu\\kappa\\lambda\\rho")).isEqualTo("ημκλρ");
        assertThat(html("\\|\\nabla f(x)\\|")).isEqualTo("‖∇f(x)‖");
        assertThat(html("A \\iff B")).isEqualTo("A ⟺ B");
    }

    @Test
    void scriptsBecomeSubAndSup() {
        assertThat(html("x_t")).isEqualTo("x<sub>t</sub>");
        assertThat(html("x_{t+1}^2")).isEqualTo("x<sub>t+1</sub><sup>2</sup>");
        assertThat(html("x^*")).isEqualTo("x<sup>*</sup>");
        assertThat(html("\\lambda_n^2")).isEqualTo("λ<sub>n</sub><sup>2</sup>");
    }

    @Test
    void fractionsAndRootsGetParenthesesOnlyWhenNeeded() {
        assertThat(html("\\tfrac{\\eta}{2}")).isEqualTo("η/2");
        assertThat(html("\\frac{L R^2}{2\\lambda_n^2}")).isEqualTo("(L R<sup>2</sup>)/(2λ<sub>n</sub><sup>2</sup>)");
        assertThat(html("\\frac{\\sqrt\\kappa - 1}{\\sqrt\\kappa + 1}")).isEqualTo("(√κ - 1)/(√κ + 1)");
        assertThat(html("\\sqrt{(1-a\\mu)(1-aL)}")).isEqualTo("√((1-aμ)(1-aL))");
        assertThat(html("\\sqrt{\\mu/L}")).isEqualTo("√(μ/L)");
        assertThat(html("\\frac{2}{(n+1)}")).isEqualTo("2/(n+1)");
    }

    @Test
    void textSizingAndSpacing() {
        assertThat(html("\\text{for every } \\eta")).isEqualTo("for every  η");
        assertThat(html("\\left(1\\right)\\bigl(2\\bigr)\\Bigl(3\\Bigr)")).isEqualTo("(1)(2)(3)");
        assertThat(html("a\\,b\\quad c")).isEqualTo("a\u2009b\u2003c");
        assertThat(html("\\operatorname{sign} e")).isEqualTo("sign e");
        assertThat(html("\\max_i |x|")).isEqualTo("max<sub>i</sub> |x|");
    }

    @Test
    void unknownCommandsStayVisibleAndNothingIsDropped() {
        assertThat(html("\\weird{x}")).isEqualTo("\\weirdx");
        assertThat(html("a}b")).isEqualTo("a}b");
        assertThat(html("x_")).isEqualTo("x<sub></sub>");
    }

    @Test
    void markupInTheInputStaysText() {
        String h = html("<script>alert(1)</script> \\text{<img src=x onerror=\"alert(1)\">} & 'q'");
        assertThat(h).doesNotContain("<script").doesNotContain("<img");
        assertThat(h)
                .isEqualTo(
                        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;"
                                .replace("&#39;q&#39;", "′q′"));
    }

    private static long count(String s, String sub) {
        return (s.length() - s.replace(sub, "").length()) / sub.length();
    }

    @Test
    void accentsBecomeCombiningCharacters() {
        assertThat(html("\\hat w + \\tilde{w} + \\bar x")).isEqualTo("w\u0302 + w\u0303 + x\u0304");
        assertThat(html("f_{\\rm low}")).isEqualTo("f<sub>low</sub>");
    }

    @Test
    void ceilingsAndSetBraces() {
        assertThat(html("\\left\\lceil \\frac{\\ln(1/\\varepsilon)}{2} \\right\\rceil"))
                .isEqualTo("⌈ (ln(1/ε))/2 ⌉");
        assertThat(html("\\min\\{t : x\\}")).isEqualTo("min{t : x}");
    }

    @Test
    void everyFormulaOfTheSpecsConvertsWithoutLeftoverLatex() throws IOException {
        List<String> formulas = new ArrayList<>();
        Pattern p = Pattern.compile("latex: '(.*)'");
        try (Stream<Path> files = Files.walk(Path.of("specs"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".md")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    formulas.add(m.group(1).replace("''", "'"));
                }
            }
        }
        assertThat(formulas).hasSizeGreaterThan(5);
        for (String latex : formulas) {
            String plain = html(latex).replaceAll("</?su[bp]>", "");
            assertThat(plain)
                    .as(latex)
                    .doesNotContain("\\")
                    .doesNotContain("^")
                    .doesNotContain("_")
                    .doesNotContain("<");
            // braces are grouping, except the escaped ones \{ \}, which are shown
            assertThat(plain.chars().filter(ch -> ch == '{').count()).as(latex).isEqualTo(count(latex, "\\{"));
            assertThat(plain.chars().filter(ch -> ch == '}').count()).as(latex).isEqualTo(count(latex, "\\}"));
        }
    }
}
