package io.optcheck.theory.conf;

import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.AffineGradientOracle;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;
import java.util.Optional;

/**
 * conf.gradient-scale-invariance (THEOREMS.md section 4, adapt.scale-invariance, for any method
 * of a declared kind): every gradient multiplied coordinate-wise by a fixed d &gt; 0 leaves the
 * update sequence of Adam-type and sign kinds unchanged when eps = 0; the update of GD-type
 * kinds scales with d, so regime drop:normalized-update must break. d_i are powers of two, which
 * commute with IEEE rounding, so the claim is checked to the path tolerance of the two runs.
 */
public final class GradientScaleInvariance extends ConformanceProperty {

    public GradientScaleInvariance(MethodProvider provider) {
        super("conf.gradient-scale-invariance", provider);
    }

    @Override
    protected Optional<String> applicability(Regime regime) {
        boolean normalized = ConfGens.NORMALIZED.contains(kind());
        if (regime.breaking()) {
            return normalized
                    ? Optional.of("kind " + kind().id() + " normalizes its update; the breaking regime is for "
                            + "GD, heavy ball, Nesterov and SGD (see regime holds)")
                    : Optional.empty();
        }
        if (kind() == MethodKind.ADADELTA) {
            // Derived: with eps = 0, RMS[dx]_0 = 0, so AdaDelta never moves and the claim would hold
            // vacuously; with eps > 0 the step depends on |g| through sqrt(E[g^2] + eps).
            return Optional.of(
                    "kind adadelta has no exact gradient-scale invariance: at eps = 0 it never moves "
                            + "(RMS[dx]_0 = 0), so the check would be vacuous, and at eps > 0 sqrt(E[g^2] + eps) depends on the scale");
        }
        if (kind() == MethodKind.ADABELIEF) {
            // Derived: at eps = 0, s scales with d^2 and m with d, so the step is invariant wherever it is
            // defined; s = 0 (b1 = 0, or b2 = 0 with g_t = m_t-1) makes it m/0.
            for (String name : new String[] {"b1", "b2"}) {
                if (!kind().hyperparameters().contains(name)
                        || ConfGens.range(ranges(), name).contains(0)) {
                    return Optional.of(methodId() + " allows " + name + " = 0, where AdaBelief at eps = 0 divides by "
                            + "s = 0 (b1 = 0: g_t - m_t = 0); gradient-scale invariance holds exactly where the step is "
                            + "defined, so it is checked when the declared ranges of b1 and b2 exclude 0");
                }
            }
        }
        if (!normalized) {
            return Optional.of("kind " + kind().id() + " does not normalize its update, so it is not gradient-scale "
                    + "invariant; regime drop:normalized-update shows that it breaks");
        }
        return Optional.empty(); // eps = 0 (assumption eps-zero) against the declared range: the rule in notApplicable
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return Cases.<ConfGens.Options>on(regime)
                .when(
                        List.of("holds", "drop:normalized-update"),
                        () -> new ConfGens.Options(false, true, false, true, false, false, true, false, false))
                .get();
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        int dim = in.dimension();
        Trajectory ref = run(method(in.h()), oracle(in), in.x0(), steps());
        return check(
                method(in.h()),
                AffineGradientOracle.scaled(in.q(), in.vec()),
                in.q(),
                in.x0(),
                ref.steps(),
                TrajectoryCheck.followsReference(ref, dim, tighten()));
    }
}
