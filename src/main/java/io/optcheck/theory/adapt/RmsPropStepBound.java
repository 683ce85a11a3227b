package io.optcheck.theory.adapt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.method.exact.ExactAdaptive;
import io.optcheck.problem.HighPrecision;
import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
                .when("regret-without-max", () -> {
                    DenominatorBound bound = new DenominatorBound(
                            in.dimension(), in.lr(), in.b2(), in.eps(), false, DenominatorBound.Second.RAW_V);
                    return RegretCheck.run(
                            m, in, 1, bound, update(in), bound.exact(), "rmsprop, conventions " + resolved());
                })
                .get();
    }

    /** Every step moves each coordinate by at most lr/sqrt(1 - rho). */
    private Evaluation stepBound(Method<?> m, OnlineInstance in) {
        double bound = in.lr() / Math.sqrt(1 - in.b2()) * (1 - tighten());
        Evaluation.Builder b = new Evaluation.Builder();
        TrajectoryCheck.Series series = new TrajectoryCheck.Series();
        String precision = HighPrecision.DECIMAL + " on the real-number step of the reference update (rmsprop,"
                + " conventions " + resolved() + "): v_t from the gradients, then exact comparisons of squares";
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
                    // The recheck captures t only: the instance is immutable and v_t is recomputed
                    // from its gradients.
                    return b.add(Check.atMost("max_i |x_t,i - x_t-1,i|", t, step, bound, Tolerance.of(scale + bound, 1))
                            .withExact(precision, () -> exactStepHolds(in, t)));
                });
        return TrajectoryCheck.finish(b, tr, series);
    }

    /** The declared conventions with the kind's defaults filled in (the reference's for the built-in). */
    private Map<String, String> resolved() {
        return MethodProviders.resolvedConventions(binding().kind(), binding().declaredConventions());
    }

    /** The reference update of the bound method's kind and conventions, in 300-digit decimals. */
    private ExactAdaptive.Update update(OnlineInstance in) {
        return ExactAdaptive.Update.rmsProp(in.lr(), in.b2(), in.eps(), resolved());
    }

    /**
     * The step bound at step t on the real-number algorithm: for every coordinate with g_t,i != 0,
     * lr |g_t,i|/(sqrt(v_t,i) + eps) &lt;= f lr/sqrt(1 - rho) (f = 1 - tightening), i.e.
     * sqrt(g^2 (1 - rho)) &lt;= f sqrt(v_t) + f eps, with v_t recomputed from v_0 and the gradients.
     */
    boolean exactStepHolds(OnlineInstance in, int t) {
        ExactAdaptive.Run run = new ExactAdaptive.Run(update(in), in.dimension());
        for (int s = 1; s <= t; s++) {
            run.advance(HighPrecision.big(in.g()[s - 1]));
        }
        BigDecimal oneMinusRho = BigDecimal.ONE.subtract(HighPrecision.big(in.b2()));
        BigDecimal f = HighPrecision.big(1 - tighten());
        BigDecimal e = f.multiply(HighPrecision.big(in.eps()));
        for (int j = 0; j < in.dimension(); j++) {
            BigDecimal g = HighPrecision.big(in.g()[t - 1][j]);
            if (g.signum() != 0 && !rootAtMost(g.multiply(g).multiply(oneMinusRho), f, run.v(j), e)) {
                return false;
            }
        }
        return true;
    }

    /**
     * sqrt(a) &lt;= f sqrt(v) + e for a, f, v, e &gt;= 0, decided exactly: the arguments are finite
     * decimals and the comparison reduces to comparisons of products of them (no square root taken).
     */
    static boolean rootAtMost(BigDecimal a, BigDecimal f, BigDecimal v, BigDecimal e) {
        BigDecimal f2v = f.multiply(f).multiply(v);
        if (e.signum() == 0) {
            return a.compareTo(f2v) <= 0;
        }
        BigDecimal e2 = e.multiply(e);
        if (a.compareTo(e2) <= 0) {
            return true; // sqrt(a) <= e
        }
        // Both sides of sqrt(a) - e <= f sqrt(v) are >= 0: square, a + e^2 - f^2 v <= 2 e sqrt(a).
        BigDecimal r = a.add(e2).subtract(f2v);
        return r.signum() <= 0
                || r.multiply(r).compareTo(BigDecimal.valueOf(4).multiply(e2).multiply(a)) <= 0;
    }
}
