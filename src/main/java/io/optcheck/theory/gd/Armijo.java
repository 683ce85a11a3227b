package io.optcheck.theory.gd;

import io.optcheck.method.ArmijoBacktracking;
import io.optcheck.method.DirectionRule;
import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Described;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * gd.armijo (Nocedal &amp; Wright, Numerical Optimization, sec. 3.1 and 3.5). For L-smooth f bounded
 * below and 0 &lt; c &lt; 1: the Armijo condition f(x - a g) &lt;= f(x) - c a ||g||^2 holds for every
 * a &lt;= 2(1-c)/L; so backtracking from alpha0 with factor beta stops after at most
 * max(0, ceil(log(alpha0 L/(2(1-c)))/log(1/beta))) shrinks, and the accepted step satisfies
 * a &gt;= min(alpha0, 2 beta (1-c)/L) and the Armijo condition.
 */
public final class Armijo extends DeclaredTheorem<Armijo.Instance> implements OnQuadratics<Armijo.Instance> {

    static final int STEPS = 30;

    /** alpha0 beta^k &gt;= min(alpha0, beta abar) (1 + tighten), abar = 2(1-c)|g^T p|/(L ||p||^2), exactly. */
    static boolean exactStepLongEnough(
            Quadratic q,
            double[] x,
            double[] p,
            double l,
            double c,
            double alpha0,
            double beta,
            long k,
            double tighten) {
        BigDecimal[] bp = HighPrecision.big(p);
        BigDecimal slope = HighPrecision.dot(ExactQuadratic.gradient(q, HighPrecision.big(x)), bp)
                .abs();
        BigDecimal abar = BigDecimal.valueOf(2)
                .multiply(BigDecimal.ONE.subtract(new BigDecimal(c)))
                .multiply(slope)
                .divide(new BigDecimal(l).multiply(HighPrecision.normSq(bp)), HighPrecision.MC);
        BigDecimal a0 = new BigDecimal(alpha0);
        BigDecimal b = new BigDecimal(beta);
        BigDecimal accepted = a0.multiply(b.pow((int) k));
        BigDecimal lower = a0.min(b.multiply(abar)).multiply(BigDecimal.ONE.add(new BigDecimal(tighten)));
        return HighPrecision.holds(false, accepted, lower);
    }

    /**
     * A quadratic, a start, alpha0 = rho/L, beta, c, the fraction s of 2(1-c)/L at which the
     * Armijo region is probed, and the direction perturbation (w = 0: p = -g).
     */
    public record Instance(Quadratic q, double[] x0, double rho, double beta, double c, double s, double w, double[] u)
            implements Described {
        double l() {
            return q.certificate().L().orElseThrow();
        }

        double alpha0() {
            return rho / l();
        }

        DirectionRule rule() {
            return w == 0 ? DirectionRule.STEEPEST : DirectionRule.perturbedSteepest(w, u);
        }

        ArmijoBacktracking method() {
            return new ArmijoBacktracking(alpha0(), beta, c, 1.0, ArmijoBacktracking.DEFAULT_MAX_SHRINKS, rule());
        }

        /** The shrink bound K = max(0, ceil(log(alpha0 L/(2(1-c)))/log(1/beta))); +inf for c >= 1. */
        double shrinkBound() {
            if (!(c < 1)) {
                return Double.POSITIVE_INFINITY;
            }
            return Math.max(0, Math.ceil(Math.log(rho / (2 * (1 - c))) / Math.log(1 / beta)));
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = LineSearchChecks.describe(q, l(), x0);
            m.put("alpha0 L", rho);
            m.put("beta", beta);
            m.put("c", c);
            m.put("shrink bound K", shrinkBound());
            if (w != 0) {
                m.put("direction", DirectionRule.perturbedSteepest(w, u).describe());
            }
            return m;
        }
    }

    /** The theorem as its spec declares it. */
    public Armijo() {
        super("gd.armijo");
    }

    @Override
    public Gen<Instance> instances(Regime r) {
        Gen<Double> rho = Gens.logDoubles(1e-2, 1e2).knob("alpha0 L");
        Gen<Double> beta = Gens.doubles(0.1, 0.9).withEdges(0.5).knob("beta");
        Gen<Double> c = Cases.<Gen<Double>>on(r)
                .when(
                        List.of("holds", "backtracking", "drop:descent-direction"),
                        () -> Gens.doubles(1e-4, 0.99).withEdges(0.5).knob("c"))
                .when("drop:armijo-c-in-0-1", () -> Gens.doubles(1, 2).knob("c"))
                .get();
        Gen<Double> s =
                Gens.doubles(0, 1).withSpecials(1.0).knob("a L / (2(1-c))").filter("s > 0", v -> v > 0);
        Gen<Double> w = Cases.<Gen<Double>>on(r)
                .when(List.of("holds", "backtracking", "drop:armijo-c-in-0-1"), () -> Gens.just(0.0))
                .when(
                        "drop:descent-direction",
                        () -> Gens.doubles(0, 3).knob("w").filter("w > 0", v -> v > 0))
                .get();
        Gen<double[]> params = Gens.combine(rho, beta, c, s).as((a, b, cc, ss) -> new double[] {a, b, cc, ss});
        return Problems.quadratics().flatMap(q -> {
            int d = q.dimension();
            Gen<double[]> x0 = Problems.points(d, 10).filter("x0 != x*", v -> !LineSearchChecks.zero(v));
            Gen<double[]> u =
                    Gens.doubleArrays(Gens.doubles(-1, 1), d).filter("u != 0", v -> !LineSearchChecks.zero(v));
            return Gens.combine(x0, params, w, u)
                    .as((xv, pv, wv, uv) -> new Instance(q, xv, pv[0], pv[1], pv[2], pv[3], wv, uv));
        });
    }

    @Override
    public Evaluation evaluate(Instance in, Regime r) {
        Quadratic q = in.q();
        int d = q.dimension();
        double l = in.l();
        double c = in.c();
        double tighten = tighten();
        boolean region = r.conclusion().equals("armijo-region");
        return TrajectoryCheck.run(in.method(), q, in.x0(), STEPS, (t, prev, cur, series) -> {
            double[] g = q.gradient(prev);
            // The method's own rule, every component below 2^-500: quick seed 96 reached a gradient of
            // norm 4.8e-151 > 2^-500 = 3.1e-151 whose largest component is below it, and the step the
            // method stays put at was read as an accepted step a = 0 (ratio infinite).
            if (ArmijoBacktracking.staysPut(g)) {
                return LineSearchChecks.stationary(t); // the method stays put there (see its javadoc)
            }
            double gn = Vectors.norm(g);
            double xn = Vectors.norm(prev);
            if (region) {
                double a = in.s() * 2 * (1 - c) / l;
                double[] y = Vectors.along(prev, -a, g);
                return armijo(q, prev, y, a * gn * gn, c, tighten, t, "a = s 2(1-c)/L", series);
            }
            // The direction the method used (the checker applies the instance's rule itself). For
            // p = -g everything below reduces to the statement; for another descent direction the same
            // derivation holds with the Armijo region a <= abar = 2(1-c)|g^T p|/(L ||p||^2).
            double[] p = in.rule().direction(prev, g);
            double pn = Vectors.norm(p);
            double cos = 0;
            for (int i = 0; i < d; i++) {
                cos += (g[i] / gn) * (p[i] / pn);
            }
            double abar = 2 * (1 - c) * (-cos) * gn / (l * pn);
            double[] delta = Vectors.minus(cur, prev);
            double slope = -Vectors.dot(g, delta); // = a |g^T p|
            // (1) Armijo at the accepted step, read from the iterates.
            Check arm = armijo(q, prev, cur, slope, c, tighten, t, "accepted step", series);
            // (2) The accepted step is not too short.
            double proj = 0;
            for (int i = 0; i < d; i++) {
                proj += (p[i] / pn) * delta[i];
            }
            double aObs = proj / pn;
            double lower = Math.min(in.alpha0(), in.beta() * abar) * (1 + tighten);
            Check step = Check.atLeast(
                    "accepted step a (read from the iterates)",
                    t,
                    aObs,
                    lower,
                    LineSearchChecks.tol(aObs + Math.abs(lower) + (xn + Vectors.norm(cur)) / pn, d));
            // (3) The number of shrinks, recovered as the k with a = alpha0 beta^k.
            long k = Math.max(0, Math.round(Math.log(aObs / in.alpha0()) / Math.log(in.beta())));
            step = step.withExact(
                    HighPrecision.DECIMAL
                            + " on the accepted step alpha0 beta^k (k read from the iterates), with abar from the exact gradient",
                    () -> exactStepLongEnough(q, prev, p, l, c, in.alpha0(), in.beta(), k, tighten));
            double kBound = c < 1
                    ? Math.max(0, Math.ceil(Math.log(in.alpha0() / abar) / Math.log(1 / in.beta())))
                    : Double.POSITIVE_INFINITY;
            double bound = kBound * (1 - tighten);
            // c >= 1: the theorem bounds no shrink count (K is infinite), so there is no check (3).
            Check shrinks = Double.isFinite(bound) ? Check.atMost("backtracking shrinks", t, k, bound, 0) : null;
            if (shrinks != null && !shrinks.ok() && tighten == 0 && k >= 1) {
                // One shrink too many is a rounding decision if Armijo held within the tolerance at the
                // rejected step alpha0 beta^(k-1), which the theorem covers (it is <= abar).
                double aPrev = in.alpha0() * Math.pow(in.beta(), k - 1);
                if (aPrev <= abar * (1 + 1e-9)) { // abar and beta^k are themselves rounded
                    double[] y = Vectors.along(prev, aPrev, p);
                    Check atPrev = armijo(q, prev, y, -aPrev * Vectors.dot(g, p), c, tighten, t, "rejected step", null);
                    if (atPrev.slack() >= -atPrev.tol()) {
                        // Held: the bound that applies is K + 1, reached exactly (ratio 1), marked rechecked.
                        shrinks = new Check(
                                "backtracking shrinks (K + 1: the extra shrink rejected a step that satisfied "
                                        + "Armijo within rounding)",
                                t,
                                k,
                                k,
                                Check.Direction.AT_MOST,
                                0,
                                true,
                                true);
                    } else {
                        shrinks = shrinks.rechecked(false);
                    }
                }
            }
            series.point("shrinks", k);
            series.point("shrink bound K", bound);
            return LineSearchChecks.worstOf(arm, step, shrinks);
        });
    }

    /**
     * f(x) - f(y) &gt;= c * slope (times 1 + tighten), where slope = -grad f(x)^T (y - x), with the
     * exact recheck of a marginal case; shared with the plug-in line-search check.
     */
    static Check armijo(
            Quadratic q,
            double[] x,
            double[] y,
            double slope,
            double c,
            double tighten,
            int t,
            String what,
            TrajectoryCheck.Series series) {
        int d = q.dimension();
        double f0 = q.value(x);
        double f1 = q.value(y);
        double bound = c * slope * (1 + tighten);
        double scale = q.valueScale(x)
                + q.valueScale(y)
                + Math.abs(bound)
                + Vectors.norm(q.gradient(y)) * (Vectors.norm(x) + Vectors.dist(x, y))
                + c * Vectors.norm(q.gradient(x)) * (Vectors.norm(x) + Vectors.norm(y));
        Check ch = Check.atLeast(
                "Armijo decrease f(x) - f(x+) vs c a ||g||^2 (" + what + ")",
                t,
                f0 - f1,
                bound,
                LineSearchChecks.tol(scale, d));
        if (series != null) {
            series.point("Armijo decrease", f0 - f1);
            series.point("c a ||g||^2", bound);
        }
        if (ch.marginal() && tighten == 0) {
            BigDecimal e0 = ExactQuadratic.value(q, x);
            BigDecimal e1 = ExactQuadratic.value(q, y);
            ch = ch.rechecked(
                    HighPrecision.holds(false, e0.subtract(e1), new BigDecimal(c).multiply(new BigDecimal(slope))));
        }
        return ch;
    }

    @Override
    public OptionalDouble thresholdValue(Instance in, Regime r) {
        return OptionalDouble.of(in.c());
    }

    @Override
    public Quadratic quadratic(Instance in) {
        return in.q();
    }

    @Override
    public String boundaryLabel() {
        return "a exactly 2(1-c)/L";
    }

    @Override
    public boolean atBoundary(Instance in) {
        return in.s() == 1.0;
    }
}
