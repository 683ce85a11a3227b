package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The Huber-sum family's certificates, checked against the objective itself (its Hessian,
 * values on a grid) rather than against the code that computed them.
 */
class CenteredHuberSumProperties {

    /** Points between every pair of consecutive kinks of coordinate i, and beyond the outermost. */
    static List<Double> pieceMidpoints(CenteredHuberSum f, int i) {
        TreeSet<Double> bp = new TreeSet<>();
        for (CenteredHuberSum.Term t : f.terms()) {
            if (t.coordinate() == i) {
                bp.add(t.centre() - t.kink());
                bp.add(t.centre() + t.kink());
            }
        }
        List<Double> p = new ArrayList<>(bp);
        List<Double> mids = new ArrayList<>();
        mids.add(p.get(0) - 1);
        mids.add(p.get(p.size() - 1) + 1);
        for (int j = 0; j + 1 < p.size(); j++) {
            mids.add(0.5 * (p.get(j) + p.get(j + 1)));
        }
        return mids;
    }

    static PropertyResult<CenteredHuberSum> certified(Gen<CenteredHuberSum> gen, boolean convex) {
        return Property.forAll("huber certificates", gen, (f, trial) -> {
                    Certificate c = f.certificate();
                    double l = c.L().orElseThrow();
                    double maxAbs = 0;
                    double min = Double.POSITIVE_INFINITY;
                    int d = f.dimension();
                    for (int i = 0; i < d; i++) {
                        for (double m : pieceMidpoints(f, i)) {
                            double[] x = new double[d];
                            x[i] = m;
                            double hii = f.hessian(x)[i][i];
                            maxAbs = Math.max(maxAbs, Math.abs(hii));
                            min = Math.min(min, hii);
                        }
                    }
                    // L is the largest |f''| over the pieces; the Hessian sums the curvatures in double, so
                    // the two agree to a few ulps (L itself is the exact sum, rounded up when inexact).
                    assertThat(l).isBetween(maxAbs * (1 - 1e-15), maxAbs * (1 + 1e-15));
                    assertThat(c.convex().orElseThrow()).isEqualTo(convex);
                    assertThat(min < 0).isEqualTo(!convex);
                    if (convex) {
                        assertThat(c.mu().orElseThrow()).isBetween(min * (1 - 1e-15), min * (1 + 1e-15));
                    }
                    // x* is a global minimizer: no grid point is lower, and f(x*) = f* up to rounding.
                    double[] xs = c.xStar().orElseThrow();
                    double fs = c.fStar().orElseThrow();
                    double scale = f.valueScale(xs) + Math.abs(fs);
                    assertThat(Math.abs(f.value(xs) - fs)).isLessThanOrEqualTo(1e-13 * Math.max(scale, 1e-300));
                    for (int i = 0; i < d; i++) {
                        for (int k = -200; k <= 200; k++) {
                            double[] x = xs.clone();
                            x[i] = xs[i] + k * 0.1;
                            assertThat(f.value(x))
                                    .as("f at %s vs f* %s", Num.fmt(x), fs)
                                    .isGreaterThanOrEqualTo(fs - 1e-12 * Math.max(f.valueScale(x), 1e-300));
                        }
                    }
                    double[] g = f.gradient(xs);
                    assertThat(Math.sqrt(g[0] * g[0]))
                            .isLessThanOrEqualTo(1e-12 * Math.max(1, l * (1 + Math.abs(xs[0]))));
                })
                .tries(150)
                .run();
    }

    @Test
    void convexFamilyCertificatesAreTrue() {
        PropertyResult<CenteredHuberSum> r = certified(HuberProblems.huberSums(), true);
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void stronglyConvexFamilyHasPositiveMu() {
        PropertyResult<CenteredHuberSum> r = Property.forAll(
                        "strongly convex",
                        HuberProblems.huberSums().stronglyConvex(),
                        (f, t) -> assertThat(f.certificate().mu().orElseThrow())
                                .isEqualTo(f.q())
                                .isPositive())
                .tries(300)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void nonConvexFamilyCertificatesAreTrue() {
        PropertyResult<CenteredHuberSum> r = certified(HuberProblems.nonConvex(HuberProblems.huberSums()), false);
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void theNearestMinimizerOfAFlatBottomIsTheProjection() {
        // Centres -3 and 3 with kink 1: between the kink intervals the slopes cancel,
        // f' = 1 - 1 = 0 on [-2, 2], a flat bottom of minimizers.
        CenteredHuberSum f = new CenteredHuberSum(
                1, 0, List.of(new CenteredHuberSum.Term(0, 1, 1, -3), new CenteredHuberSum.Term(0, 1, 1, 3)));
        assertThat(f.nearestMinimizer(new double[] {10})).containsExactly(2.0);
        assertThat(f.nearestMinimizer(new double[] {-7.5})).containsExactly(-2.0);
        assertThat(f.nearestMinimizer(new double[] {0.5})).containsExactly(0.5);
        assertThat(f.certificate().fStar().orElseThrow()).isEqualTo(f.value(new double[] {1.0}));
    }

    @Test
    void theDrori_TeboulleHuberFunctionHasItsConstants() {
        // L huber_delta: curvature L = 2 inside the kink interval, exact; minimizer 0; f* = 0.
        CenteredHuberSum f = new CenteredHuberSum(1, 0, List.of(new CenteredHuberSum.Term(0, 2, 0.25, 0)));
        assertThat(f.certificate().L().orElseThrow()).isEqualTo(2.0);
        assertThat(f.certificate().entry(Certificate.Constant.L).orElseThrow().exactness())
                .isEqualTo(Exactness.EXACT);
        assertThat(f.certificate().mu().orElseThrow()).isEqualTo(0.0);
        assertThat(f.certificate().xStar().orElseThrow()).containsExactly(0.0);
        assertThat(f.certificate().fStar().orElseThrow()).isEqualTo(0.0);
        // outside the kink: 2 * 0.25 (|x| - 0.125)
        assertThat(f.value(new double[] {3})).isEqualTo(0.5 * (3 - 0.125));
    }

    @Test
    void unboundedSumsAreRefused() {
        Assertions.assertThatThrownBy(() -> new CenteredHuberSum(
                        1, 0, List.of(new CenteredHuberSum.Term(0, 1, 1, 0), new CenteredHuberSum.Term(0, -2, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbounded");
    }
}
