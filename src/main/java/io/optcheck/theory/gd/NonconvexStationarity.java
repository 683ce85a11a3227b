package io.optcheck.theory.gd;

import io.optcheck.method.exact.ExactGd;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Interpolations;
import io.optcheck.problem.NonconvexProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.SmoothInterpolant;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * gd.nonconvex-stationarity. For L-smooth f &gt;= f_low and eta = h/L:
 *
 * <ul>
 *   <li>(T form) min_{0 &lt;= t &lt; T} ||grad f(x_t)||^2 &lt;= 2 L (f(x_0) - f_low) / T for every
 *       T &gt;= 1 iff h in [2 - sqrt 2, h*], h* = 1.675131 the root of h^3 - 4h + 2 (from the exact
 *       worst case below: the form holds for every T iff c(h) &gt;= 1);</li>
 *   <li>(general step, Nesterov 2004 p. 28 as quoted by Abbaszadehpeivasti, de Klerk &amp; Zamani
 *       2022) min_{t &lt; T} ||grad f(x_t)||^2 &lt;= 2 L (f(x_0) - f_low) / (1 + (T - 1) h (2 - h))
 *       for every h in (0, 2);</li>
 *   <li>(exact worst case, Abbaszadehpeivasti, de Klerk &amp; Zamani, Optim. Lett. 2022; Rotaru,
 *       Glineur &amp; Patrinos 2024 for h &gt; 1) min_{0 &lt;= t &lt;= N} ||grad f(x_t)||^2 &lt;=
 *       2 L (f(x_0) - f_low) / (1 + N c(h)), c(h) = h(4 - h)/2 for h &lt;= 1 and h(4 - h^2)/2 for
 *       1 &lt;= h &lt;= sqrt 3.</li>
 * </ul>
 * Instances: rippled quadratics (closed form) and the worst-case interpolation family (maximal
 * L-smooth interpolants of GD-path data, whose data are the search knobs). For h in (h*, 2) the
 * T form breaks on a 2-D interpolant; no 1-D instance breaks it below 1 + 1/sqrt 2.
 */
public final class NonconvexStationarity extends KindTheorem<StationarityInstance> {

    /** The theorem as its spec declares it. */
    public NonconvexStationarity() {
        super("gd.nonconvex-stationarity");
    }

    static final int STEPS = 100;

    private static final MathContext MC = new MathContext(60);

    /** 2 - sqrt 2 rounded up: every double h &gt;= it has c(h) &gt;= 1. */
    static final double H_LOW =
            upperDouble(BigDecimal.valueOf(2).subtract(BigDecimal.valueOf(2).sqrt(MC)));

    /** h* = 1.675131..., the root of h^3 - 4h + 2 in (1, sqrt 3), rounded down. */
    static final double H_STAR = lowerDouble(cubicRoot());

    /** 1 + 1/sqrt 2 rounded down: from here on (L/2)x^2 already breaks the T form at T = 2. */
    static final double H_1D = lowerDouble(
            BigDecimal.ONE.add(BigDecimal.ONE.divide(BigDecimal.valueOf(2).sqrt(MC), MC)));

    /** 1 - 1/sqrt 2 rounded up: below it (L/2)x^2 already breaks the T form at T = 2. */
    static final double H_1D_LOW = upperDouble(
            BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.valueOf(2).sqrt(MC), MC)));

    /** sqrt 3 rounded down: the end of the range where c(h) is the exact worst case. */
    static final double SQRT3 = lowerDouble(BigDecimal.valueOf(3).sqrt(MC));

    /** c(h) of the exact worst case (h in (0, sqrt 3]). */
    static double c(double h) {
        return h <= 1 ? h * (4 - h) / 2 : h * (4 - h * h) / 2;
    }

    @Override
    public Gen<StationarityInstance> instances(Regime r) {
        Gen<Double> h = Cases.<Gen<Double>>on(r)
                .when("holds", () -> Gens.just(1.0))
                .when(
                        "h-in-stationarity-range",
                        () -> Gens.doubles(H_LOW, H_STAR)
                                .withSpecials(H_LOW, 1.0, H_STAR)
                                .knob("h"))
                // h = (2 - sqrt 2) - u: shrinking u toward 0 moves h toward the theoretical boundary.
                .when(
                        "h-below-2-minus-sqrt2",
                        () -> Gens.doubles(0, H_LOW - H_1D_LOW)
                                .knob("2 - sqrt 2 - h")
                                .filter("u > 0", u -> u > 0)
                                .map(u -> H_LOW - u)
                                .filter("h < 2 - sqrt 2", v -> v < H_LOW))
                // Up to 1.70 (below 1 + 1/sqrt 2): at the range end 1.70711 the quadratic is tight at T = 2
                // (ratio exactly 1), a plateau the edge phase found and targeted search then could not leave.
                .when(
                        "h-above-hstar",
                        () -> Gens.doubles(H_STAR, 1.7)
                                .withSpecials(1.7)
                                .knob("h")
                                .filter("h > h*", v -> v > H_STAR))
                .when("general-step", () -> StepGens.between(0, 2, 1.0))
                .when("exact-worst-case", () -> StepGens.above(0, SQRT3, 1.0, SQRT3))
                .when("eta-gt-2-over-l", () -> StepGens.above(2, 4))
                .get();
        // The interpolation family in two dimensions (the T-form breaks for h in (h*, 1.70711] need
        // two; one-dimensional cases are covered by the ripples), 1 or 2 GD steps of data: 6 or 9
        // knobs, few enough for CMA-ES to climb to the worst case. Three tries in four.
        // In h-above-hstar the break needs T = 2 only: one step of data (6 knobs) keeps the search
        // on the knobs that matter.
        // Only the interpolation family can break the T form in (h*, 1.70] (no quadratic does, and
        // a ripple's ratio plateaus below 1): with ripples in the mix, targeted search spent most
        // of its budget climbing them (38% interpolants among 1000 tries of a missed seed) and the
        // break was caught on 27 of 40 seeds.
        return Cases.<Gen<StationarityInstance>>on(r)
                .when("h-above-hstar", () -> interpolants(h, 1))
                .orElse(() -> Gens.frequency(Gens.weight(1, ripples(h)), Gens.weight(3, interpolants(h, 2))));
    }

    private static Gen<StationarityInstance> ripples(Gen<Double> h) {
        return NonconvexProblems.ripples()
                .flatMap(f -> Gens.combine(Problems.points(f.dimension(), 10), h)
                        .as((x0, hv) -> StationarityInstance.of(f, x0, hv)));
    }

    private static Gen<StationarityInstance> interpolants(Gen<Double> h, int maxSteps) {
        return h.flatMap(hv -> Gens.integers(1, maxSteps)
                .flatMap(steps -> Interpolations.gdPath(1.0, -1.0, 2, steps, hv, false)
                        .map(draw -> StationarityInstance.of(draw, 2, hv))));
    }

    @Override
    public Optional<String> rejection(StationarityInstance in) {
        return Optional.ofNullable(in.rejection());
    }

    @Override
    protected Evaluation checkOn(StationarityInstance in, Regime r) {
        var f = in.f();
        int d = in.dimension();
        double l = in.l();
        double h = in.h();
        double fLow = in.fLow();
        double f0 = f.value(in.x0());
        double gap = f0 - fLow;
        String form = r.conclusion();
        double[] minG2 = {Double.POSITIVE_INFINITY};
        return TrajectoryCheck.run(method(lr(in.eta())), f, in.x0(), STEPS, (t, prev, cur, series) -> {
            double gn = Vectors.norm(f.gradient(prev));
            minG2[0] = Math.min(minG2[0], gn * gn);
            double gT = Vectors.norm(f.gradient(cur));
            double observed;
            double denominator;
            String quantity;
            switch (form) {
                case "general-step" -> {
                    observed = minG2[0];
                    denominator = 1 + (t - 1) * h * (2 - h);
                    quantity = "min_{s<T} ||grad f(x_s)||^2, T = step + 1";
                }
                case "exact-worst-case" -> {
                    observed = Math.min(minG2[0], gT * gT);
                    denominator = 1 + t * c(h);
                    quantity = "min_{s<=t} ||grad f(x_s)||^2";
                }
                default -> {
                    observed = minG2[0];
                    denominator = t;
                    quantity = "min_{s<T} ||grad f(x_s)||^2, T = step + 1";
                }
            }
            double bound = 2 * l * gap / denominator * (1 - tighten());
            // The bound combines f(x0) and f_low; the observed value is a sum of d squares.
            double tol = Tolerance.of(observed + 2 * l * (f.valueScale(in.x0()) + Math.abs(fLow)) / denominator, d);
            series.point(quantity, observed);
            series.point("bound", bound);
            // PEPit's empirical tight value, with the min over 0..t: a reference figure only.
            double pepit = 4.0 / 3.0 * l / t * (f0 - f.value(cur));
            series.point(
                    "min_{s<=t} ||grad f(x_s)||^2 / ((4/3)(L/t)(f(x0) - f(x_t)))", Math.min(minG2[0], gT * gT) / pepit);
            // The check's step is the number of GD steps behind it: T - 1 for the min over s < T. At
            // T = 1 only x_0 enters (||grad f(x_0)||^2 <= 2L(f(x_0) - f_low), an equality for the
            // maximal interpolant whose infimum is the one x_0 gives), so like t = 0 elsewhere it is
            // checked but kept out of the ratios, and the search scores the steps that GD took.
            return Check.atMost(quantity, form.equals("exact-worst-case") ? t : t - 1, observed, bound, tol);
        });
    }

    /**
     * The check on the real-number trajectory of an interpolant, in 300-digit arithmetic: the
     * gradients along exact GD, f(x_0) and f_low = inf f from the stored data. Ripples (cosines)
     * have no such model here.
     */
    @Override
    public Optional<Boolean> exactlyHolds(StationarityInstance in, Regime r, Check check) {
        if (!(in.f() instanceof SmoothInterpolant si) || si.dimension() > 2) {
            return Optional.empty();
        }
        MathContext mc = ExactGd.MC;
        int k = check.step();
        BigDecimal eta = new BigDecimal(in.eta());
        BigDecimal[] x = HighPrecision.big(in.x0());
        BigDecimal min = null;
        for (int s = 0; s <= k; s++) {
            BigDecimal[] g = si.exactGradient(x, mc);
            BigDecimal g2 = BigDecimal.ZERO;
            for (int i = 0; i < g.length; i++) {
                g2 = g2.add(g[i].multiply(g[i], mc), mc);
            }
            min = min == null || g2.compareTo(min) < 0 ? g2 : min;
            for (int i = 0; i < x.length; i++) {
                x[i] = x[i].subtract(eta.multiply(g[i], mc), mc);
            }
        }
        BigDecimal h = new BigDecimal(in.h());
        BigDecimal den = switch (r.conclusion()) {
            case "general-step" ->
                BigDecimal.ONE.add(BigDecimal.valueOf(k)
                        .multiply(h)
                        .multiply(BigDecimal.valueOf(2).subtract(h)));
            case "exact-worst-case" ->
                BigDecimal.ONE.add(BigDecimal.valueOf(k)
                        .multiply(
                                in.h() <= 1
                                        ? h.multiply(BigDecimal.valueOf(4).subtract(h))
                                                .divide(BigDecimal.valueOf(2))
                                        : h.multiply(BigDecimal.valueOf(4).subtract(h.multiply(h)))
                                                .divide(BigDecimal.valueOf(2))));
            default -> BigDecimal.valueOf(k + 1);
        };
        BigDecimal gap = si.exactValue(HighPrecision.big(in.x0()), mc).subtract(si.exactLow(mc), mc);
        BigDecimal bound = BigDecimal.valueOf(2)
                .multiply(new BigDecimal(in.l()))
                .multiply(gap)
                .multiply(BigDecimal.ONE.subtract(new BigDecimal(tighten())))
                .divide(den, mc);
        return Optional.of(HighPrecision.holds(true, min, bound));
    }

    @Override
    public OptionalDouble thresholdValue(StationarityInstance in, Regime r) {
        return OptionalDouble.of(in.h());
    }

    @Override
    public List<String> labels(StationarityInstance in, Regime r) {
        return in.labels();
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        // h-above-hstar draws from the interpolation family only (see instances): no ripples to cover.
        return Cases.is(r, "h-above-hstar") ? List.of() : RippleInstance.COVERAGE;
    }

    private static BigDecimal cubicRoot() {
        // Newton on p(h) = h^3 - 4h + 2 from h = 1.7 (p' = 3h^2 - 4 > 0 on [1.2, sqrt 3]).
        BigDecimal x = new BigDecimal("1.7");
        for (int i = 0; i < 60; i++) {
            BigDecimal p = x.pow(3, MC)
                    .subtract(x.multiply(BigDecimal.valueOf(4), MC), MC)
                    .add(BigDecimal.valueOf(2), MC);
            BigDecimal dp = x.pow(2, MC).multiply(BigDecimal.valueOf(3), MC).subtract(BigDecimal.valueOf(4), MC);
            x = x.subtract(p.divide(dp, MC), MC);
        }
        return x;
    }

    private static double lowerDouble(BigDecimal v) {
        double d = v.doubleValue();
        return new BigDecimal(d).compareTo(v) > 0 ? Math.nextDown(d) : d;
    }

    private static double upperDouble(BigDecimal v) {
        double d = v.doubleValue();
        return new BigDecimal(d).compareTo(v) < 0 ? Math.nextUp(d) : d;
    }
}
