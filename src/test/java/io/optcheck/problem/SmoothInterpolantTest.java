package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SmoothInterpolantTest {

    /**
     * THEOREMS.md's explicit counterexample to the T form of gd.nonconvex-stationarity at h = 1.70,
     * L = 1: GD on the maximal 1-smooth interpolant of its data has ||g0||^2 = ||g1||^2 = 1.02907
     * > 2L(f0 - f_low)/2 = 1.0000, with inf f about 7.6e-7. The printed data are rounded to 5
     * digits and the interpolation conditions are tight there, so they interpolate only with
     * L = 1 + 1e-4 (at L = 1 the rounded data have no interpolating values); the figures agree
     * to about 1e-4.
     */
    @Test
    void theoremsSheetCounterexampleBreaksTheTForm() {
        double h = 1.7;
        double[] g0 = {0.86227, 0.53438};
        double[] x1 = {-h * g0[0], -h * g0[1]};
        double[][] xs = {{0, 0}, x1, {0, -1.81691}};
        double[][] gs = {g0, {-0.86227, 0.53438}, {0, 0}};
        double l = 1 + 1e-4;
        assertThat(Interpolations.realise(1, -1, xs, gs, new double[] {1, 0.51454, 0.08899})
                        .f())
                .isNull();
        Interpolations.Draw draw = Interpolations.realise(l, -l, xs, gs, new double[] {1, 0.51454, 0.08899});
        SmoothInterpolant f = draw.f();
        assertThat(f).isNotNull();
        assertThat(Interpolations.verify(f)).isNull();
        double fLow = f.certificate().fLow().orElseThrow();
        assertThat(fLow).isCloseTo(7.6e-7, within(1e-4));
        assertThat(f.value(f.lowPoint())).isCloseTo(fLow, within(1e-12));
        double[] x = {0, 0};
        double[] gA = f.gradient(x);
        double[] xB = {x[0] - h * gA[0], x[1] - h * gA[1]};
        double[] gB = f.gradient(xB);
        double minG2 = Math.min(gA[0] * gA[0] + gA[1] * gA[1], gB[0] * gB[0] + gB[1] * gB[1]);
        double bound = 2 * l * (f.value(x) - fLow) / 2;
        assertThat(minG2).isCloseTo(1.02907, within(1e-4));
        assertThat(bound).isCloseTo(1.0, within(1e-4));
        assertThat(minG2).isGreaterThan(bound);
    }

    /** Whatever the data, the realised function is in its class: sampled L and mu hold. */
    @Test
    void realisedFunctionIsInItsClassEvenForNonInterpolatingData() {
        double[][] xs = {{0, 0}, {1, 0}, {0, 1}};
        double[][] gs = {{1, 0}, {-1, 0.5}, {0.3, -2}};
        for (double mu : new double[] {-1, 0, 0.25}) {
            SmoothInterpolant f = new SmoothInterpolant(1, mu, xs, gs, new double[] {0, 0, 0});
            assertThat(f.sampledClassRatio(200)).as("mu = " + mu).isLessThanOrEqualTo(1 + 1e-9);
        }
    }

    /**
     * Two points: the smooth class needs ||g_1 - g_0|| <= L ||x_1 - x_0|| (the two conditions add
     * up to ||dg||^2/(2L) - (L/2)||dx||^2 <= 0); the convex class needs monotone gradients too.
     */
    @Test
    void infeasibleDataAreRejected() {
        double[][] xs = {{0}, {1}};
        double[][] gs = {{1}, {-1}};
        assertThat(Interpolations.realise(1, -1, xs, gs, new double[] {0, 0}).f())
                .isNull();
        assertThat(Interpolations.realise(2, -2, xs, gs, new double[] {0, 0}).f())
                .isNotNull();
        assertThat(Interpolations.realise(2, 0, xs, gs, new double[] {0, 0}).f())
                .isNull();
    }

    /** Data of (1/2)x^2 interpolate exactly: f(x_i) = f_i and grad f(x_i) = g_i. */
    @Test
    void quadraticDataInterpolate() {
        double[][] xs = {{-1}, {0.5}, {2}};
        double[][] gs = {{-1}, {0.5}, {2}};
        SmoothInterpolant f = Interpolations.realise(1, 0, xs, gs, new double[] {0.5, 0.125, 2})
                .f();
        assertThat(f).isNotNull();
        assertThat(f.interpolationResidual()).isLessThan(1e-15);
        assertThat(f.value(new double[] {1})).isCloseTo(0.5, within(1e-15));
    }
}
