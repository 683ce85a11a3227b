package io.optcheck.theory.gd;

import io.optcheck.method.ArmijoBacktracking;
import io.optcheck.method.DirectionRule;
import io.optcheck.method.LineSearchState;
import io.optcheck.method.Method;
import io.optcheck.method.WolfeLineSearch;
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
import java.util.Map;

/**
 * gd.zoutendijk (Nocedal &amp; Wright, Numerical Optimization, Theorem 3.2). For L-smooth f bounded
 * below and Wolfe steps along descent directions, sum_t cos^2(theta_t) ||grad f(x_t)||^2 &lt;
 * infinity. The proof gives the finite check used here, at every T:
 *
 * <pre>sum_{t &lt; T} cos^2(theta_t) ||grad f(x_t)||^2 &lt;= L (f(x_0) - f_low) / (c1 (1 - c2)).</pre>
 *
 * The breaking regime drops the curvature condition: steps are Armijo steps only, with initial
 * trial steps alpha0 r^t that decay geometrically (backtracking from them keeps every step an
 * Armijo step); their sum is finite, so GD stalls away from the minimizer and the sum grows
 * linearly until it passes the bound.
 */
public final class Zoutendijk extends DeclaredTheorem<Zoutendijk.Instance>
        implements OnQuadratics<Zoutendijk.Instance> {

    static final int STEPS = 60;
    /** Armijo-only runs stop once the scheduled step is below 1e-5/L (see stepsFor). */
    static final double MIN_SCHEDULED_STEP_L = 1e-5;

    /** A quadratic, a start, c1, c2, the first trial step rho/L and the decay r of the Armijo schedule. */
    public record Instance(Quadratic q, double[] x0, double c1, double c2, double rho, double r) implements Described {
        double l() {
            return q.certificate().L().orElseThrow();
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = LineSearchChecks.describe(q, l(), x0);
            m.put("c1", c1);
            m.put("c2", c2);
            m.put("alpha L (first trial)", rho);
            m.put("step decay r (Armijo-only regime)", r);
            return m;
        }
    }

    /** The theorem as its spec declares it. */
    public Zoutendijk() {
        super("gd.zoutendijk");
    }

    @Override
    public Gen<Instance> instances(Regime reg) {
        Gen<Double> c1 = Gens.logDoubles(1e-4, 0.5).knob("c1");
        Gen<Double> v = Gens.doubles(0, 1).knob("c2 position").filter("0 < v < 1", x -> x > 0 && x < 1);
        Gen<Double> rho = Gens.logDoubles(1e-2, 1e2).knob("alpha L");
        Gen<Double> r = Gens.doubles(0.5, 0.95).knob("step decay r");
        Gen<double[]> consts = Gens.combine(c1, v, rho, r)
                .as((a, b, c, e) -> new double[] {a, a + (1 - a) * b, c, e})
                .filter("c2 < 1", c -> c[1] < 1);
        return Problems.quadratics()
                .flatMap(q -> Gens.combine(
                                Problems.points(q.dimension(), 10).filter("x0 != x*", x -> !LineSearchChecks.zero(x)),
                                consts)
                        .as((x, c) -> new Instance(q, x, c[0], c[1], c[2], c[3])));
    }

    /** Steps of the run: Armijo-only runs stop before the scheduled step falls below 1e-5/L. */
    static int stepsFor(Instance in, boolean armijoOnly) {
        if (!armijoOnly) {
            return STEPS;
        }
        // rho r^k >= 1e-5 keeps the required decrease far above the rounding of f (the method would
        // otherwise refuse with "no measurable Armijo step", a floating-point limit, not the theorem).
        int n = (int) Math.floor(Math.log(MIN_SCHEDULED_STEP_L / in.rho()) / Math.log(in.r())) + 1;
        return Math.max(1, Math.min(STEPS, n));
    }

    @Override
    public Evaluation evaluate(Instance in, Regime reg) {
        Quadratic q = in.q();
        int d = q.dimension();
        double l = in.l();
        boolean armijoOnly = Cases.<Boolean>on(reg)
                .when("holds", () -> false)
                .when("drop:wolfe-curvature", () -> true)
                .get();
        Method<LineSearchState> method = armijoOnly
                ? new ArmijoBacktracking(
                        in.rho() / l,
                        0.5,
                        in.c1(),
                        in.r(),
                        ArmijoBacktracking.DEFAULT_MAX_SHRINKS,
                        DirectionRule.STEEPEST)
                : new WolfeLineSearch(in.rho() / l, in.c1(), in.c2());
        double fLow = q.certificate().fLow().orElseThrow();
        double f0 = q.value(in.x0());
        double factor = tighten() != 0 ? 1 : 1 / (in.c1() * (1 - in.c2())); // teeth: the factor dropped
        double bound = l * (f0 - fLow) * factor;
        double[] sum = {0};
        return TrajectoryCheck.run(method, q, in.x0(), stepsFor(in, armijoOnly), (t, prev, cur, series) -> {
            double[] g = q.gradient(prev);
            double gn = Vectors.norm(g);
            double[] delta = Vectors.minus(cur, prev);
            double dn = Vectors.norm(delta);
            if (gn > 0 && dn > 0) {
                double cos = 0;
                for (int i = 0; i < d; i++) {
                    cos -= (g[i] / gn) * (delta[i] / dn);
                }
                sum[0] += cos * cos * gn * gn;
            }
            series.point("sum cos^2 ||g||^2", sum[0]);
            series.point("bound", bound);
            // A sum of t rounded terms: relative error about t eps; f(x0) - f_low carries the rounding of f(x0).
            double scale = (t + 1) * sum[0] + bound + l * factor * q.valueScale(in.x0());
            return Check.atMost(
                    "sum_{s<t} cos^2(theta_s) ||grad f(x_s)||^2", t, sum[0], bound, LineSearchChecks.tol(scale, d));
        });
    }

    @Override
    public Quadratic quadratic(Instance in) {
        return in.q();
    }
}
