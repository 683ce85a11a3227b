package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.Phase;
import io.optcheck.result.Outcome;
import io.optcheck.result.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("formatting")
@ExtendWith(TurkishDefaultLocale.class)
class FmtTest {

    @Test
    void significantDigitsWithAPointNeverAComma() {
        assertThat(Fmt.sig(0.5, 4, "∞")).isEqualTo("0.5");
        assertThat(Fmt.sig(0.97351, 4, "∞")).isEqualTo("0.9735");
        assertThat(Fmt.sig(1234.5678, 4, "∞")).isEqualTo("1235");
        assertThat(Fmt.sig(100, 4, "∞")).isEqualTo("100");
        assertThat(Fmt.sig(0.001, 4, "∞")).isEqualTo("0.001");
        assertThat(Fmt.sig(1.23456e-9, 4, "∞")).isEqualTo("1.235e-9");
        assertThat(Fmt.sig(-0.000123456, 4, "∞")).isEqualTo("-1.235e-4");
        assertThat(Fmt.sig(12345678, 4, "∞")).isEqualTo("1.235e7");
        assertThat(Fmt.sig(2.0004, 6, "∞")).isEqualTo("2.0004");
        assertThat(Fmt.sig(0.0, 4, "∞")).isEqualTo("0");
        assertThat(Fmt.sig(-0.0, 4, "∞")).isEqualTo("0");
    }

    @Test
    void nonFiniteValuesAreSpelledOut() {
        assertThat(Fmt.sig(Double.NaN, 4, "∞")).isEqualTo("NaN");
        assertThat(Fmt.sig(Double.POSITIVE_INFINITY, 4, "∞")).isEqualTo("∞");
        assertThat(Fmt.sig(Double.NEGATIVE_INFINITY, 4, "inf")).isEqualTo("-inf");
    }

    @Test
    void aRatioOtherThanOneNeverReadsAsOne() {
        assertThat(Fmt.ratio(1.0, "∞")).isEqualTo("1");
        assertThat(Fmt.ratio(1.00049, "∞")).isEqualTo("1.0005");
        assertThat(Fmt.ratio(0.99996, "∞")).isEqualTo("0.99996");
        assertThat(Fmt.ratio(1.0 + Math.ulp(1.0), "∞")).isEqualTo("1+2.2e-16");
        assertThat(Fmt.ratio(1.0 - 3e-9, "∞")).isEqualTo("1-3.0e-09");
        assertThat(Fmt.ratio(1.0000031, "∞")).isEqualTo("1.000003");
        assertThat(Fmt.ratio(1.2345, "∞"))
                .isEqualTo("1.234"); // half-even at 4 digits (1.2345 is below the tie in binary)
    }

    @Test
    void secondsAndValues() {
        assertThat(Fmt.seconds(12345)).isEqualTo("12.345 s");
        assertThat(Fmt.seconds(5)).isEqualTo("0.005 s");
        assertThat(Fmt.value(List.of(0.5, 2, "x"), "∞")).isEqualTo("[0.5, 2, x]");
        assertThat(Fmt.value(Map.of("k", Double.POSITIVE_INFINITY), "∞")).isEqualTo("{k: ∞}");
    }

    @Test
    void oneLineMakesLineBreaksVisible() {
        assertThat(Fmt.oneLine("a\nb\r\nc\rd\te")).isEqualTo("a\\nb\\nc\\nd e");
    }

    @Test
    void lowerCaseIdsAreLocaleSafe() {
        // Under tr, "INFO".toLowerCase() would be "ınfo" (dotless i).
        assertThat(Verdict.INFO.json()).isEqualTo("info");
        assertThat(Outcome.REFUSED.json()).isEqualTo("refused");
        assertThat(Phase.EDGE.json()).isEqualTo("edge");
        assertThat(Outcome.fromJson("refused")).isEqualTo(Outcome.REFUSED);
    }
}
