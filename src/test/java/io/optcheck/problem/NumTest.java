package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("formatting")
class NumTest {

    @Test
    void formatsShortDecimalsIndependentOfLocale() {
        assertThat(Num.fmt(1.0)).isEqualTo("1");
        assertThat(Num.fmt(0.1)).isEqualTo("0.1");
        assertThat(Num.fmt(1.0 / 3)).isEqualTo("0.333333");
        assertThat(Num.fmt(-2.5)).isEqualTo("-2.5");
        assertThat(Num.fmt(123456)).isEqualTo("123456");
        assertThat(Num.fmt(1234567)).isEqualTo("1.23457e6");
        assertThat(Num.fmt(1e-7)).isEqualTo("1e-7");
        assertThat(Num.fmt(-1.5e-300)).isEqualTo("-1.5e-300");
        assertThat(Num.fmt(0.0001)).isEqualTo("0.0001");
        assertThat(Num.fmt(2.0000004)).isEqualTo("2");
        assertThat(Num.fmt(0.0)).isEqualTo("0");
        assertThat(Num.fmt(-0.0)).isEqualTo("0");
        assertThat(Num.fmt(Double.NaN)).isEqualTo("NaN");
        assertThat(Num.fmt(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Num.fmt(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void formatsVectorsAndMatrices() {
        assertThat(Num.fmt(new double[0])).isEqualTo("()");
        assertThat(Num.fmt(new double[] {1, 0.5})).isEqualTo("(1, 0.5)");
        assertThat(Num.fmt(new double[8])).isEqualTo("(0, 0, 0, 0, 0, 0, ... (d = 8))");
        assertThat(Num.fmt(new double[][] {{1, 2}, {2, 5}})).isEqualTo("[[1, 2], [2, 5]]");
    }

    @Test
    void objectivesDescribeThemselves() {
        assertThat(Quadratic.diagonal(new double[] {3}).describe())
                .isEqualTo("1/2 x^T H x - b^T x, H = diag(3), b = (0)");
        assertThat(Quadratic.of(new double[][] {{2, 0.5}, {0.5, 1}}, new double[] {1, 0})
                        .describe())
                .isEqualTo("1/2 x^T H x - b^T x, H = [[2, 0.5], [0.5, 1]], b = (1, 0)");
        assertThat(new Logistic(new double[][] {{1.5}}, new double[] {-1}).describe())
                .isEqualTo("(1/n) sum log(1 + exp(-y_i x_i^T w)), n = 1, d = 1, X = [[1.5]], y = (-1)");
    }
}
