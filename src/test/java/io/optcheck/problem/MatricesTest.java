package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatricesTest {

    static final double[][] A = {{1, 2}, {3, 4}};
    static final double[][] B = {{5, 6}, {7, 8}};

    @Test
    void productsTransposeTraceAndIdentityOfSmallMatrices() {
        assertThat(Matrices.times(A, B)).isDeepEqualTo(new double[][] {{19, 22}, {43, 50}});
        assertThat(Matrices.times(A, new double[] {1, -1})).containsExactly(-1, -1);
        assertThat(Matrices.absTimes(A, new double[] {1, -1})).containsExactly(3, 7);
        assertThat(Matrices.transpose(A)).isDeepEqualTo(new double[][] {{1, 3}, {2, 4}});
        assertThat(Matrices.trace(A)).isEqualTo(5);
        assertThat(Matrices.identity(3)).isDeepEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    @Test
    void sumsRunInIndexOrder() {
        // 1 + 1e16 rounds to 1e16 (the spacing of doubles there is 2), so index order gives 0;
        // any order that adds 1e16 and -1e16 first gives 1.
        double[][] m = {{1, 1e16, -1e16}, {0, 0, 0}, {0, 0, 0}};
        double[] ones = {1, 1, 1};
        assertThat(Matrices.times(m, ones)[0]).isEqualTo(0.0);
        double[][] n = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}}; // column 0 of m n is m's row 0 summed
        assertThat(Matrices.times(m, n)[0][0]).isEqualTo(0.0);
    }

    @Test
    void aNonSquareShapeIsRefusedWithItsSize() {
        double[][] wide = {{1, 2, 3}, {4, 5, 6}};
        assertThatThrownBy(() -> Matrices.times(wide, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a 3 x 3 matrix, got 2 rows of 3");
        assertThatThrownBy(() -> Matrices.absTimes(A, new double[] {1, 2, 3}))
                .hasMessage("expected a 3 x 3 matrix, got 2 rows of 2");
    }

    @Test
    void alongAndMaxAbs() {
        assertThat(Vectors.along(new double[] {1, 2}, 0.5, new double[] {2, -4}))
                .containsExactly(2, 0);
        assertThat(Vectors.maxAbs(new double[] {-3, 2})).isEqualTo(3);
        assertThat(Vectors.maxAbs(new double[0])).isEqualTo(0);
        assertThat(Vectors.maxAbs(new double[] {1, Double.NaN, 2})).isNaN();
    }
}
