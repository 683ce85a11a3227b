package io.optcheck.theory.gd;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.problem.MomentumProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.MethodBinding;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;
import java.util.Map;

/**
 * gd.heavy-ball-quadratic (Polyak 1964; Lessard, Recht &amp; Packard 2016, sec. 4.6). On a
 * quadratic with eigenvalues in [mu, L], heavy ball with a = 4/(sqrt L + sqrt mu)^2,
 * b = rho^2, rho = (sqrt kappa - 1)/(sqrt kappa + 1) and x_{-1} = x_0 satisfies
 * ||x_t - x*|| &lt;= (1 + (1 + rho) t) rho^t R at every t. Along an eigenvector with eigenvalue
 * L the characteristic polynomial is (z + rho)^2, and with e_{-1} = e_0 the error is exactly
 * (1 + (1 + rho) t)(-rho)^t e_0: the bound is tight there.
 *
 * <p>Breaking regime drop:quadratic: the Lessard-Recht-Packard function is 1-strongly convex and
 * 25-smooth but not quadratic; with the same tuning (a = 1/9, b = 4/9) heavy ball can cycle.
 * The start is searched; the counterexample reports the limit behaviour from the found start.
 */
public final class HeavyBallQuadratic extends KindTheorem<MomentumInstance> {

    /** The theorem as its spec declares it. */
    public HeavyBallQuadratic() {
        super("gd.heavy-ball-quadratic");
    }

    static final int STEPS = 100;

    /** The fixed horizon N of the distance-at-horizon conclusion. */
    static final int HORIZON = 3000;

    @Override
    public Gen<MomentumInstance> instances(Regime r) {
        return Cases.<Gen<MomentumInstance>>on(r)
                .when(
                        "holds",
                        () -> MomentumProblems.problems(Problems.quadratics())
                                .flatMap(p -> Problems.points(p.objective().dimension(), 10)
                                        .map(x0 -> new MomentumInstance(
                                                p,
                                                x0,
                                                Double.NaN,
                                                p.certificate().mu().orElseThrow()))))
                .when(
                        List.of("drop:quadratic", "cycle"),
                        () -> MomentumProblems.lessard()
                                .flatMap(p -> MomentumProblems.knobStarts(1, 10)
                                        .map(x0 -> new MomentumInstance(
                                                p,
                                                x0,
                                                Double.NaN,
                                                p.certificate().mu().orElseThrow()))))
                .get();
    }

    /** rho = (sqrt L - sqrt mu)/(sqrt L + sqrt mu). */
    static double rho(double l, double mu) {
        double sl = Math.sqrt(l);
        double sm = Math.sqrt(mu);
        return (sl - sm) / (sl + sm);
    }

    /** The quadratic tuning of the theorem: lr = 4/(sqrt L + sqrt mu)^2, momentum = rho^2. */
    static Hyperparameters tuned(double l, double mu) {
        double s = Math.sqrt(l) + Math.sqrt(mu);
        double rho = rho(l, mu);
        return lrMomentum(4 / (s * s), rho * rho);
    }

    @Override
    protected Evaluation checkOn(MomentumInstance in, Regime r) {
        // The holds regime tunes on an enclosure of the stored spectrum (MomentumInstance#spectralMargin).
        double margin = Cases.is(r, "holds") ? in.spectralMargin() : 0;
        double l = in.l() + margin;
        double mu = in.muUsed() - margin > 0 ? in.muUsed() - margin : in.muUsed();
        Hyperparameters hp = tuned(l, mu);
        Method<?> hb = method(hp);
        double rho = rho(l, mu);
        double[] xStar = in.certificate().xStar().orElseThrow();
        double r0 = Vectors.dist(in.x0(), xStar);
        int d = in.dimension();
        double[][] older = {in.x0()};
        // One 300-digit run per trajectory, advanced to each marginal step's t (not re-run from x0).
        MomentumRecheck.HeavyBallQuadraticRun[] exact = {null};
        boolean atHorizon = r.conclusion().equals("distance-at-horizon");
        return TrajectoryCheck.run(hb, in.f(), in.x0(), atHorizon ? HORIZON : STEPS, (t, prev, cur, series) -> {
            double e = Vectors.dist(cur, xStar);
            if (atHorizon && t < HORIZON) {
                // Only t = N is checked in this conclusion; earlier steps carry no bound, so no check.
                older[0] = prev;
                return null;
            }
            double bound = (1 + (1 + rho) * t) * Math.pow(rho, t) * r0 * (1 - tighten());
            // x_t combines x_t-1, a grad f(x_t-1) and b (x_t-1 - x_t-2): their sizes enter the scale.
            double scale = e
                    + bound
                    + Vectors.norm(prev)
                    + hp.get("lr") * Vectors.norm(in.f().gradient(prev))
                    + hp.get("momentum") * Vectors.dist(prev, older[0]);
            if (bound == 0) {
                scale = Math.max(scale, r0 + Vectors.norm(in.x0()));
            }
            older[0] = prev;
            series.point("||x_t - x*||", e);
            series.point("bound", bound);
            Check c = Check.atMost("||x_t - x*||", t, e, bound, Tolerance.of(scale, d));
            if (in.f() instanceof Quadratic q) {
                double eps = tighten();
                c = c.withExact(MomentumRecheck.PRECISION, () -> {
                    if (exact[0] == null) {
                        exact[0] = new MomentumRecheck.HeavyBallQuadraticRun(q, in.x0(), xStar, l, mu);
                    }
                    return exact[0].holdsAt(t, eps);
                });
                if (eps == 0) {
                    c = c.decideMarginal();
                }
            }
            return c;
        });
    }

    @Override
    public Map<String, Object> describe(MomentumInstance in) {
        Map<String, Object> m = in.describe();
        double l = in.l();
        double mu = in.muUsed();
        Hyperparameters hp = tuned(l, mu);
        m.put("a", hp.get("lr"));
        m.put("b", hp.get("momentum"));
        m.put("rho", rho(l, mu));
        if (!(in.f() instanceof Quadratic)) {
            try {
                m.putAll(LimitBehaviour.of(
                                method(hp),
                                in.f(),
                                in.x0(),
                                in.certificate().xStar().orElseThrow())
                        .fields());
            } catch (MethodBinding.Rejected e) {
                m.put("limit behaviour", "not measured: " + e.getMessage());
            }
        }
        return m;
    }

    @Override
    public List<String> labels(MomentumInstance in, Regime r) {
        return MomentumLabels.of(in);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return Cases.is(r, "holds") ? MomentumLabels.quadraticCoverage() : List.of();
    }
}
