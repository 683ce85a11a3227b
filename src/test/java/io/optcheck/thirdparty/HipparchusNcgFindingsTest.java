package io.optcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import org.junit.jupiter.api.Test;

/**
 * What ncg.brent-line-search found on Hipparchus, asserted so that a later optcheck change cannot
 * silently stop finding it. CatalogProperties only checks verdicts, and the orthogonality regime
 * has expected "none" (verdict info whatever it observes).
 */
class HipparchusNcgFindingsTest {

    private static final Theorem<?> T = Catalog.builtIn().get("ncg.brent-line-search");

    /**
     * The value-stopped Brent search leaves |grad f(x_t)^T s_t| far above the bound its own
     * tolerances suggest (measured with RunSettings.ci(): worst ratio 2236 at 300 tries, 8.3 at 100; this test runs 20 tries and requires > 2).
     */
    @Test
    void lineSearchIsFarFromExactAtDefaultSettings() {
        Result r = TheoremRunner.run(T, T.regime("orthogonal"), 50, RunSettings.ci());
        assertThat(r.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(r.worstRatio()).isGreaterThan(2);
    }

    /** Negative curvature: Hipparchus's bracket search ends in its evaluation limit (refused). */
    @Test
    void negativeCurvatureIsRefusedWithHipparchusMessage() {
        Result r = TheoremRunner.run(T, T.regime("drop:strictly-convex-quadratic"), 100, RunSettings.ci());
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.error().message()).contains("maximal count (500) exceeded");
    }
}
