package io.optcheck.theory.gd;

import io.optcheck.api.Precision;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;

/**
 * gd.condition-number computed in a low-precision format (specs gd/condition-number.md, "In low
 * precision"): the instances, the stall floor and the run lengths. The quadratic is diag(mu, L) with
 * L = 2^j (so eta = 1/L is exact in every format) and x* = (c, c), c a number of the format well
 * inside its binade; the start is on the mu-eigenvector, x0 = (c + e0, c), so the L coordinate has
 * gradient exactly 0 and never moves.
 */
final class RoundedCount {

    private RoundedCount() {}

    /** The largest kappa drawn in p: kappa u must stay small, so that the stall stays in c's binade. */
    static double maxKappa(Precision p) {
        return p == Precision.BFLOAT16 ? 16 : 1000;
    }

    /**
     * The instances of p's regimes. {@code stall}: kappa &gt;= 2 and eps = r eps_floor with r in
     * [1e-3, 4], shrinking toward r = 4 (knob "4 - r"), so the shrunk counterexample has the largest
     * eps that still breaks. Otherwise kappa &gt;= 1 and eps between {@link #epsMin} and 0.5, where the
     * rounded count is certain to be reached.
     */
    static Gen<ConditionNumber.Instance> instances(Precision p, boolean stall) {
        double kMax = maxKappa(p);
        Gen<Double> kappa = stall
                ? Gens.logDoubles(2, kMax).withSpecials(3, kMax - 1).knob("kappa")
                : Gens.logDoubles(1, kMax).withSpecials(1, 2, kMax).knob("kappa");
        Gen<Integer> lExp = Gens.integers(-4, 4);
        Gen<Double> mantissa = Gens.doubles(1.25, 1.75).knob("mantissa of x*");
        Gen<Integer> cExp = Gens.integers(-8, 8);
        Gen<Boolean> negative = Gens.booleans();
        Gen<Double> start = Gens.logDoubles(1.0 / 64, 4).knob("|x0 - x*| / |x*|");
        Gen<Boolean> below = Gens.booleans();
        Gen<Double> epsKnob = stall
                ? Gens.doubles(0, 4 - 1e-3).knob("4 - r")
                : Gens.doubles(0, 1).knob("log position of eps in [eps_min, 0.5]");
        Gen<Double> xStar = Gens.combine(mantissa, cExp, negative).as((m, k, n) -> (n ? -m : m) * Math.scalb(1.0, k));
        return Gens.combine(kappa, lExp, xStar)
                .as((k, j, c) -> new double[] {k, j, c})
                .flatMap(a -> Gens.combine(start, below, epsKnob).as((s, b, e) -> {
                    double l = Math.scalb(1.0, (int) a[1]);
                    double mu = l / a[0];
                    double c = p.round(a[2]);
                    double x0 = p.round(c + (b ? -1 : 1) * s * Math.abs(c));
                    Quadratic q = Quadratic.diagonal(new double[] {mu, l}, new double[] {c, c});
                    ConditionNumber.Instance in =
                            new ConditionNumber.Instance(q, mu, l / mu, new double[] {x0, c}, 0, p);
                    double eps;
                    if (stall) {
                        eps = (4 - e) * epsFloor(in, p);
                    } else {
                        double lo = epsMin(in, p);
                        eps = Math.exp((1 - e) * Math.log(lo) + e * Math.log(0.5));
                    }
                    return new ConditionNumber.Instance(q, mu, l / mu, in.x0(), eps, p);
                }))
                .filter(
                        stall ? "0 < eps < 0.5 (eps = r eps_floor)" : "eps_min < 0.5 (the rounded count is reachable)",
                        in -> in.eps() > 0 && in.eps() < 0.5 && (stall || epsMin(in, p) < 0.5));
    }

    /** |x0 - x*| along the mu-eigenvector. */
    static double e0(ConditionNumber.Instance in) {
        return Math.abs(in.x0()[0] - xStar(in));
    }

    static double xStar(ConditionNumber.Instance in) {
        return in.q().certificate().xStar().orElseThrow()[0];
    }

    /** The gap between numbers of p at x* (x* is inside its binade, so the same on both sides). */
    static double gap(ConditionNumber.Instance in, Precision p) {
        return p.ulp(xStar(in));
    }

    /** rho = 1 - mu/L, exact in double (L is a power of 2). */
    static double rho(ConditionNumber.Instance in) {
        return 1 - in.mu() / in.l();
    }

    /**
     * The stall floor eps_floor = (floor(kappa/2) gap / |e0|)^2: once the iterate is within kappa gap
     * of x*, every rounded move is a whole number of gaps, one gap while e/kappa is above half a gap,
     * none below, so the iterate stops floor(kappa/2) gaps from x*, where f - f* = eps_floor (f0 - f*).
     */
    static double epsFloor(ConditionNumber.Instance in, Precision p) {
        double e = Math.floor(in.kappa() / 2) * gap(in, p) / e0(in);
        return e * e;
    }

    /**
     * The smallest eps the holds regimes draw: (2 kappa E_max / |e0|)^2, with E_max the rounding
     * bound of one update ({@link RoundedUpdate#error}) at |x| = |x*| + 2|e0| and |g| = 2 mu |e0|.
     * The accumulated error a_t stays below kappa E_max, which is then at most half of sqrt(eps) |e0|:
     * the band reaches f - f* &lt;= eps (f0 - f*) at the latest when rho^t &lt;= sqrt(eps)/2.
     */
    static double epsMin(ConditionNumber.Instance in, Precision p) {
        double e0 = e0(in);
        double x = Math.abs(xStar(in)) + 2 * e0;
        double eMax = RoundedUpdate.error(p, 1, new double[] {x}, new double[] {2 * in.mu() * e0}, 1 / in.l())[0];
        double r = 2 * in.kappa() * eMax / e0;
        return r * r;
    }

    /** The least t with rho^t &lt;= v, for 0 &lt; v &lt; 1 (1 when rho = 0). */
    static int stepsTo(double rho, double v) {
        if (rho == 0) {
            return 1;
        }
        return (int) Math.ceil(Math.log(v) / Math.log(rho)) + 1;
    }

    /**
     * The holds regimes' run: past the step where the band guarantees the count (rho^t &lt;=
     * sqrt(eps)/2), and past the stall ({@link #stallSteps}), so the band is checked where rounding
     * decides the iterate.
     */
    static int holdsSteps(ConditionNumber.Instance in, Precision p) {
        return Math.max(stepsTo(rho(in), Math.sqrt(in.eps()) / 2), stallSteps(in, p));
    }

    /**
     * Steps until the iterate has stalled: the real trajectory is within a gap of x* (rho^t |e0|
     * &lt;= gap), and up to kappa one-gap moves have brought the rounded one down to the floor.
     */
    static int stallSteps(ConditionNumber.Instance in, Precision p) {
        return stepsTo(rho(in), Math.min(0.5, gap(in, p) / e0(in))) + (int) Math.ceil(in.kappa());
    }
}
