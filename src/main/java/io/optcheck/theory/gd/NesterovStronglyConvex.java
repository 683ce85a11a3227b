package io.optcheck.theory.gd;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.NesterovConstantMomentum;
import io.optcheck.problem.Problem;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * gd.nesterov-strongly-convex (PEPit accelerated_gradient_strongly_convex; Nesterov, Lectures on
 * Convex Optimization (2018), sec. 2.2). For mu-strongly convex, L-smooth f, step 1/L, momentum
 * (sqrt L - sqrt mu)/(sqrt L + sqrt mu) and x_{-1} = x_0:
 * f(x_n) - f* &lt;= (1 - sqrt(mu/L))^n (f(x_0) - f* + (mu/2) R^2) at every n. Breaking regime
 * drop:mu-strongly-convex: the mu given to the momentum and the bound is above the true one.
 */
public final class NesterovStronglyConvex extends KindTheorem<MomentumInstance> {

    /** The theorem as its spec declares it. */
    public NesterovStronglyConvex() {
        super("gd.nesterov-strongly-convex");
    }

    static final int STEPS = 100;

    @Override
    public Gen<MomentumInstance> instances(Regime r) {
        Gen<Problem> family = MomentumInstance.stronglyConvexProblems();
        Gen<Double> u = Cases.<Gen<Double>>on(r)
                .when("holds", () -> Gens.just(0.0))
                .when("drop:mu-strongly-convex", () -> Gens.logDoubles(1e-6, 1).knob("mu overstatement u"))
                .get();
        return family.flatMap(p -> Gens.combine(Problems.points(p.objective().dimension(), 10), u)
                .as((x0, uv) -> {
                    double mu = p.certificate().mu().orElseThrow();
                    double l = p.certificate().L().orElseThrow();
                    return new MomentumInstance(p, x0, 1.0, uv == 0 ? mu : mu + uv * (l - mu));
                }));
    }

    @Override
    protected Evaluation checkOn(MomentumInstance in, Regime r) {
        double l = in.l();
        double mu = in.muUsed();
        double fStar = in.fStar();
        double[] xStar = in.certificate().xStar().orElseThrow();
        double r0 = Vectors.dist(in.x0(), xStar);
        double gap0 = in.f().value(in.x0()) - fStar;
        double q = 1 - Math.sqrt(mu / l);
        // Wrong constant for the sensitivity test: the (mu/2) R^2 term forgotten.
        double start = tighten() != 0 ? gap0 : gap0 + mu / 2 * r0 * r0;
        double runScale = Math.abs(gap0) + Math.abs(fStar) + mu / 2 * r0 * r0;
        return TrajectoryCheck.run(method(tuning(l, mu)), in.f(), in.x0(), STEPS, (t, prev, cur, series) -> {
            double bound = Math.pow(q, t) * start;
            Check c = MomentumChecks.gapAtMost(in.f(), fStar, t, prev, cur, bound, runScale);
            series.point("f(x_t) - f*", c.observed());
            series.point("bound", bound);
            return c;
        });
    }

    /**
     * The tuning of the theorem (Nesterov 2018, scheme (2.2.22)): lr = 1/L, momentum = (sqrt L - sqrt mu)/(sqrt L + sqrt mu),
     * computed as {@link NesterovConstantMomentum#tuned} computes it.
     */
    static Hyperparameters tuning(double l, double mu) {
        double sl = Math.sqrt(l);
        double sm = Math.sqrt(mu);
        return lrMomentum(1 / l, (sl - sm) / (sl + sm));
    }

    @Override
    public Map<String, Object> describe(MomentumInstance in) {
        Map<String, Object> m = in.describe();
        Hyperparameters h = tuning(in.l(), in.muUsed());
        m.put("eta", h.get("lr"));
        m.put("beta", h.get("momentum"));
        return m;
    }

    @Override
    public OptionalDouble thresholdValue(MomentumInstance in, Regime r) {
        return OptionalDouble.of(in.muUsed() / in.trueMu());
    }

    @Override
    public List<String> labels(MomentumInstance in, Regime r) {
        return MomentumLabels.of(in);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return r.breaking()
                ? List.of()
                : List.of(
                        new Property.Coverage(QuadraticLabels.DIM_GE_10, 1),
                        new Property.Coverage(QuadraticLabels.KAPPA_GE_1E3, 1),
                        new Property.Coverage(MomentumLabels.NOT_QUADRATIC, 5));
    }
}
