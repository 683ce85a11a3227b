package io.optcheck.theory.gd;

import io.optcheck.method.Method;
import io.optcheck.method.NesterovAcceleratedGradient;
import io.optcheck.problem.MomentumProblems;
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
 * gd.nesterov-convex (Nesterov 1983; PEPit accelerated_gradient_convex). For convex, L-smooth f
 * and step 1/L, the lambda form of Nesterov's method satisfies
 * f(x_n) - f* &lt;= L R^2/(2 lambda_n^2) &lt;= 2 L R^2/(n+1)^2 at every n; R = ||x_0 - x*|| for the
 * minimizer nearest x_0. The simplified form (momentum (t-1)/(t+2)) satisfies 2 L R^2/(n+1)^2 by
 * the same argument with lambda_t = (t+1)/2 (lambda_{t+1}^2 - lambda_{t+1} &lt;= lambda_t^2; Beck
 * &amp; Teboulle 2009, Tseng 2008); its EMPIRICAL worst case 2 L R^2/((n+2)(n+3)) (Taylor et al.
 * 2017, via PEPit) is only reported, as the tight reference of that conclusion. Breaking: a step
 * above 1/L, and monotone decrease, which Nesterov's method does not have.
 */
public final class NesterovConvex extends KindTheorem<MomentumInstance> {

    /** The theorem as its spec declares it. */
    public NesterovConvex() {
        super("gd.nesterov-convex");
    }

    static final int STEPS = 100;

    /** A regime applies to a method that declares its form of Nesterov's method. */
    @Override
    protected boolean keeps(Regime r) {
        return binding().follows(form(r));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Gen<MomentumInstance> instances(Regime r) {
        Gen<Problem> family = Gens.frequency(
                Gens.weight(2, MomentumProblems.problems(Problems.quadratics())),
                Gens.weight(2, MomentumProblems.problems(Problems.quadratics().singular())),
                Gens.weight(2, MomentumProblems.spectrumKnobQuadratics()),
                Gens.weight(3, MomentumProblems.huberSums()));
        Gen<Double> h = Cases.<Gen<Double>>on(r)
                .when(List.of("holds", "simplified", "monotone"), () -> Gens.just(1.0))
                .when(
                        "step-gt-1-over-l",
                        () -> Gens.doubles(1, 2).knob("step L").filter("step L > 1", v -> v > 1))
                .get();
        return family.flatMap(
                p -> Gens.combine(MomentumProblems.knobStarts(p.objective().dimension(), 10), h)
                        .as((x0, hv) -> new MomentumInstance(p, x0, hv, Double.NaN)));
    }

    /**
     * The nesterov-form convention a regime is about: the simplified-rate conclusion is a theorem
     * about the simplified momentum (t-1)/(t+2), every other regime about the lambda form.
     */
    static Map<String, String> form(Regime r) {
        return Map.of("nesterov-form", r.conclusion().equals("simplified-rate") ? "simplified" : "lambda");
    }

    private Method<?> method(MomentumInstance in, Regime r) {
        return binding().following(form(r)).create(lr(in.h() / in.l()));
    }

    @Override
    protected Evaluation checkOn(MomentumInstance in, Regime r) {
        double l = in.l();
        double fStar = in.fStar();
        double r0 = Vectors.dist(in.x0(), in.nearestMinimizer());
        double lr2 = l * r0 * r0;
        double runScale = Math.abs(in.f().value(in.x0())) + Math.abs(fStar);
        String conclusion = r.conclusion();
        double[] lambda = {0};
        return TrajectoryCheck.run(method(in, r), in.f(), in.x0(), STEPS, (t, prev, cur, series) -> {
            lambda[0] = NesterovAcceleratedGradient.nextLambda(lambda[0]);
            if (conclusion.equals("monotone")) {
                series.point("f(x_t)", in.f().value(cur));
                return MomentumChecks.increaseAtMostZero(in.f(), t, prev, cur, runScale);
            }
            double bound;
            if (tighten() != 0) {
                // Wrong constant: L R^2/(2 (n+1)^2), a quarter of 2 L R^2/(n+1)^2 (a common misstatement).
                bound = lr2 / (2.0 * (t + 1) * (t + 1));
            } else if (conclusion.equals("rate")) {
                bound = lr2 / (2 * lambda[0] * lambda[0]);
            } else {
                bound = 2 * lr2 / ((t + 1.0) * (t + 1.0));
            }
            Check c = MomentumChecks.gapAtMost(in.f(), fStar, t, prev, cur, bound, runScale);
            series.point("f(x_t) - f*", c.observed());
            series.point("bound", bound);
            return c;
        });
    }

    @Override
    public Map<String, Object> describe(MomentumInstance in) {
        Map<String, Object> m = in.describe();
        m.put("R (to the nearest minimizer)", Vectors.dist(in.x0(), in.nearestMinimizer()));
        return m;
    }

    @Override
    public OptionalDouble thresholdValue(MomentumInstance in, Regime r) {
        return OptionalDouble.of(in.h());
    }

    @Override
    public List<String> labels(MomentumInstance in, Regime r) {
        return MomentumLabels.of(in);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        if (r.breaking()) {
            return List.of();
        }
        return List.of(
                new Property.Coverage(QuadraticLabels.DIM_GE_10, 1),
                new Property.Coverage(QuadraticLabels.KAPPA_GE_1E3, 1),
                new Property.Coverage(MomentumLabels.SINGULAR, 10),
                new Property.Coverage(MomentumLabels.NOT_QUADRATIC, 10));
    }
}
