package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CertificateTest {

    @Test
    void withersReturnNewObjectsAndLeaveTheOriginalUnchanged() {
        Certificate a = Certificate.none().withL(3.0, Exactness.EXACT);
        Certificate b = a.withMu(1.0, Exactness.ROUNDED, "from SVD");
        assertThat(a.mu()).isEmpty();
        assertThat(b.L()).hasValue(3.0);
        assertThat(b.mu()).hasValue(1.0);
        assertThat(b.entry(Certificate.Constant.MU).orElseThrow().note()).isEqualTo("from SVD");
        assertThat(b.without(Certificate.Constant.L).L()).isEmpty();
        assertThat(Certificate.none().convex()).isEmpty();
        assertThat(a).isEqualTo(Certificate.none().withL(3.0, Exactness.EXACT));
    }

    @Test
    void xStarIsDefensivelyCopied() {
        double[] x = {1, 2};
        Certificate c = Certificate.none().withXStar(x, Exactness.EXACT);
        x[0] = 9;
        c.xStar().orElseThrow()[1] = 9;
        assertThat(c.xStar().orElseThrow()).containsExactly(1, 2);
    }

    @Test
    void rejectsNonFiniteAndNegativeConstants() {
        assertThatThrownBy(() -> Certificate.none().withL(Double.NaN, Exactness.EXACT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Certificate.none().withFStar(Double.NEGATIVE_INFINITY, Exactness.EXACT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Certificate.none().withMu(-1, Exactness.EXACT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Certificate.none().withXStar(new double[0], Exactness.EXACT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Certificate.none().withFStar(-2.5, Exactness.ROUNDED).fStar())
                .hasValue(-2.5);
    }

    @Test
    @Tag("formatting")
    void describesItselfInAStableOrderWithRootLocale() {
        Certificate c = Certificate.none()
                .withConvex(true)
                .withMu(0.5, Exactness.EXACT)
                .withL(1234.5678, Exactness.ROUNDED, "eig")
                .withXStar(new double[] {0.1, -2}, Exactness.EXACT);
        assertThat(c.describe())
                .isEqualTo("L = 1234.57 (ROUNDED; eig), mu = 0.5 (EXACT), xStar = (0.1, -2) (EXACT), convex = true");
        assertThat(c.toMap()).containsOnlyKeys("L", "mu", "xStar", "convex");
        assertThat(Certificate.none().describe()).isEqualTo("none");
    }
}
