package io.optcheck.theory.conformance;

import static io.optcheck.theory.Assumptions.DECLARED_HYPERPARAMETER_RANGE;
import static io.optcheck.theory.Assumptions.DECLARED_KIND;
import static io.optcheck.theory.Assumptions.FIXED_INPUTS;

import io.optcheck.method.MethodProvider;
import io.optcheck.method.Trajectory;
import io.optcheck.report.Expected;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import java.util.List;

/**
 * conf.determinism: two fresh methods with the same hyperparameters, started at the same x0 on
 * the same exact gradients, give bit-identical iterates at every step. A method that reads a
 * clock, an unseeded random source or shared mutable state fails it.
 */
public final class Determinism extends ConformanceProperty {

    public Determinism(MethodProvider provider) {
        this(provider, 0);
    }

    private Determinism(MethodProvider provider, double tighten) {
        super(provider, tighten);
    }

    @Override
    public String id() {
        return "conf.determinism";
    }

    @Override
    public List<String> assumptions() {
        return List.of(DECLARED_KIND, DECLARED_HYPERPARAMETER_RANGE, FIXED_INPUTS);
    }

    @Override
    public List<Regime> regimes() {
        return List.of(regime("holds", "bit-identical", Expected.HOLDS, assumptions(), null,
            "two runs with the same inputs: bit-identical iterates"));
    }

    @Override
    public Determinism withTightenedBounds(double eps) {
        return new Determinism(provider, eps);
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        Trajectory first = run(method(in.h()), oracle(in), in.x0(), steps());
        return check(method(in.h()), oracle(in), in.q(), in.x0(), first.steps(), (t, prev, cur, series) ->
            bitIdentity("max_i |x_t,i(run 2) - x_t,i(run 1)|", t, cur, moved(first.x(t))));
    }
}
