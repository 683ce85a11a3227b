package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class OrthogonalTest {

    static double[] normals(RandomGenerator r, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian();
        }
        return z;
    }

    @Test
    void isOrthogonalToRoundingLevel() {
        RandomGenerator r = new Well19937c(3L);
        for (int d = 1; d <= 12; d++) {
            double[][] q = Orthogonal.fromGaussian(normals(r, d * d), d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += q[k][i] * q[k][j];
                    }
                    assertThat(Math.abs(s - (i == j ? 1 : 0)))
                            .as("d=%d (%d,%d)", d, i, j)
                            .isLessThanOrEqualTo(1e-13);
                }
            }
        }
    }

    /**
     * With the sign fix, Q^T G = R' must be upper triangular with a POSITIVE diagonal, which
     * makes the factorization unique and Q Haar-distributed (Mezzadri 2007).
     */
    @Test
    void signFixGivesPositiveDiagonalOfR() {
        RandomGenerator r = new Well19937c(5L);
        for (int trial = 0; trial < 50; trial++) {
            int d = 1 + trial % 6;
            double[] z = normals(r, d * d);
            double[][] q = Orthogonal.fromGaussian(z, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double rij = 0;
                    for (int k = 0; k < d; k++) {
                        rij += q[k][i] * z[k * d + j];
                    }
                    if (i == j) {
                        assertThat(rij).as("R[%d][%d]", i, i).isPositive();
                    } else if (i > j) {
                        assertThat(Math.abs(rij)).isLessThanOrEqualTo(1e-12);
                    }
                }
            }
        }
    }

    @Test
    void oneDimensionalCaseIsTheSignOfTheInput() {
        assertThat(Orthogonal.fromGaussian(new double[] {-0.3}, 1)[0][0]).isEqualTo(-1.0);
        assertThat(Orthogonal.fromGaussian(new double[] {2.0}, 1)[0][0]).isEqualTo(1.0);
    }

    @Test
    void isDeterministicInItsInput() {
        double[] z = normals(new Well19937c(9L), 16);
        assertThat(Orthogonal.fromGaussian(z, 4)).isDeepEqualTo(Orthogonal.fromGaussian(z, 4));
    }
}
