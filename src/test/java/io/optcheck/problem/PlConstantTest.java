package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Certifies the PL constant recorded for phi(u) = u^2 + 3 sin^2 u (SinePotential, a = 3):
 * phi'(u)^2 / (2 phi(u)) &gt;= 0.175 for every u != 0, and locates the tight constant 0.17553.
 * phi is even, so u &gt; 0 suffices. Three pieces:
 * <ul>
 *   <li>(0, 0.1]: phi'' = 2 + 6 cos 2u &gt;= 2 + 6 cos 0.2 &gt; 7.88 there and phi'(0) = 0, so
 *       d/du [phi'^2/2 - 7.88 phi] = phi' (phi'' - 7.88) &gt;= 0 and the PL ratio is &gt;= 7.88;</li>
 *   <li>[0.1, 10]: a grid of step 1e-6; on each cell [a, b] the ratio r = phi'^2/(2 phi) has
 *       |r'| = |phi'/phi| |phi'' - r| &lt;= (8/a)(8 + 32) (|phi'| &lt;= 8u, phi &gt;= u^2,
 *       r &lt;= 32, |phi''| &lt;= 8), so r &gt;= (r(a) + r(b))/2 - (b - a) 160/a on the cell;</li>
 *   <li>[10, inf): phi' &gt;= 2u - 3 and phi &lt;= u^2 + 3 give r &gt;= (2u - 3)^2 / (2u^2 + 6),
 *       which is increasing for u &gt;= 10 and equals 289/206 &gt; 1.4 at u = 10.</li>
 * </ul>
 */
class PlConstantTest {

    static double phi(double u) {
        double s = StrictMath.sin(u);
        return u * u + 3 * s * s;
    }

    static double dphi(double u) {
        return 2 * u + 3 * StrictMath.sin(2 * u);
    }

    static double ratio(double u) {
        double d = dphi(u);
        return d * d / (2 * phi(u));
    }

    @Test
    void nearZeroPhiIsStronglyConvex() {
        assertThat(2 + 6 * StrictMath.cos(0.2)).isGreaterThan(7.88);
    }

    @Test
    void gridWithDerivativeBoundCertifiesTheConstant() {
        double h = 1e-6;
        double lowest = Double.POSITIVE_INFINITY;
        double minRatio = Double.POSITIVE_INFINITY;
        double argMin = Double.NaN;
        double prev = ratio(0.1);
        int cells = (int) Math.round((10 - 0.1) / h);
        for (int k = 1; k <= cells; k++) {
            double a = 0.1 + (k - 1) * h;
            double b = 0.1 + k * h;
            double rb = ratio(b);
            double cellLower = (prev + rb) / 2 - (b - a) * 160 / a;
            lowest = Math.min(lowest, cellLower);
            if (rb < minRatio) {
                minRatio = rb;
                argMin = b;
            }
            prev = rb;
        }
        assertThat(lowest)
                .as("certified lower bound of the PL ratio on [0.1, 10]")
                .isGreaterThanOrEqualTo(SinePotential.PL_PHI_3);
        assertThat(minRatio).as("tight PL constant").isBetween(0.17553, 0.17554);
        assertThat(argMin).as("where it is attained").isBetween(2.2016, 2.2018);
    }

    @Test
    void tailBoundIsIncreasingBeyondTen() {
        double prev = 0;
        for (double u = 10; u <= 1e6; u *= 1.01) {
            double lower = (2 * u - 3) * (2 * u - 3) / (2 * u * u + 6);
            assertThat(lower).isGreaterThan(1.4).isGreaterThanOrEqualTo(prev);
            assertThat(ratio(u)).isGreaterThanOrEqualTo(lower * (1 - 1e-12));
            prev = lower;
        }
    }

    @Test
    void certificateRecordsTheBoundScaledByTheSmallestScale() {
        SinePotential f = SinePotential.of(new double[] {1, 0.25}, 3);
        assertThat(f.certificate().pl().getAsDouble()).isEqualTo(0.175 * 0.25);
        assertThat(f.certificate().entry(Certificate.Constant.PL).orElseThrow().exactness())
                .isEqualTo(Exactness.BOUND);
        assertThat(f.certificate().L().getAsDouble()).isEqualTo(8.0);
        assertThat(SinePotential.of(new double[] {1}, 5).certificate().pl()).isEmpty();
    }
}
