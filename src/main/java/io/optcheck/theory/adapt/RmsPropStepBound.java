package io.optcheck.theory.adapt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;

/**
 * adapt.rmsprop-step-bound (Tieleman &amp; Hinton 2012; Defossez, Bottou, Bach &amp; Usunier, TMLR
 * 2022). RMSProp with v_0 = 0, v_t = rho v_t-1 + (1 - rho) g_t^2 and step lr g/(sqrt(v_t) + eps),
 * eps &gt;= 0 outside the root, moves each coordinate by at most lr/sqrt(1 - rho) per step, for any
 * gradient sequence, because v_t &gt;= (1 - rho) g_t^2. Equality at the first nonzero g with eps = 0.
 *
 * <p>Breaking regime regret-without-max: the regret bound that AMSGrad's max buys
 * ({@link DenominatorBound} with q_t = v_t) is claimed for RMSProp, whose denominator can
 * decrease; on Reddi's cycle it fails (the finite form of "RMSProp does not converge there").
 */
public final class RmsPropStepBound extends KindTheorem<OnlineInstance> {

    /** The theorem as its spec declares it. */
    public RmsPropStepBound() {
        super("adapt.rmsprop-step-bound");
    }

    @Override
    public Gen<OnlineInstance> instances(Regime r) {
        return Cases.<Gen<OnlineInstance>>on(r)
                .when(List.of("holds", "regret-without-max"), () -> OnlineGens.sequences(OnlineGens.eps(binding())))
                .get();
    }

    @Override
    protected Evaluation checkOn(OnlineInstance in, Regime r) {
        Hyperparameters h =
                Hyperparameters.of("lr", in.lr()).with("rho", in.b2()).with("eps", in.eps());
        Method<?> m = method(h);
        return Cases.<Evaluation>on(r)
                .when("holds", () -> stepBound(m, in))
                .when(
                        "regret-without-max",
                        () -> RegretCheck.run(
                                m,
                                in,
                                0,
                                true,
                                1,
                                new DenominatorBound(
                                        in.dimension(),
                                        in.lr(),
                                        in.b2(),
                                        in.eps(),
                                        false,
                                        DenominatorBound.Second.RAW_V)))
                .get();
    }

    /** Every step moves each coordinate by at most lr/sqrt(1 - rho). */
    private Evaluation stepBound(Method<?> m, OnlineInstance in) {
        double bound = in.lr() / Math.sqrt(1 - in.b2()) * (1 - tighten());
        Evaluation.Builder b = new Evaluation.Builder();
        TrajectoryCheck.Series series = new TrajectoryCheck.Series();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Trajectory tr = Runner.run(
                (Method) m, new RegretCheck.SequenceOracle(in.g()), in.x0(), in.g().length, (t, prev, cur) -> {
                    double step = 0;
                    double scale = 0;
                    for (int j = 0; j < cur.length; j++) {
                        double dj = Math.abs(cur[j] - prev[j]);
                        step = Double.isNaN(dj) ? Double.POSITIVE_INFINITY : Math.max(step, dj);
                        scale = Math.max(scale, Math.abs(prev[j]) + Math.abs(cur[j]));
                    }
                    series.point("max_i |x_t,i - x_t-1,i|", step);
                    return b.add(
                            Check.atMost("max_i |x_t,i - x_t-1,i|", t, step, bound, Tolerance.of(scale + bound, 1)));
                });
        return TrajectoryCheck.finish(b, tr, series);
    }
}
