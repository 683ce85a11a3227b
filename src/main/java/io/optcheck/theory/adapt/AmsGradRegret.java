package io.optcheck.theory.adapt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.exact.ExactAdaptive;
import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.MethodBinding;
import io.optcheck.theory.Regime;
import java.util.Map;

/**
 * adapt.amsgrad-regret (Reddi, Kale &amp; Kumar, ICLR 2018, Alg. 2; THEOREMS.md's derived form of
 * their Thm 4), with beta1 = 0, a constant alpha and no projection: for every gradient sequence,
 * every T and every x*, sum_t &lt;g_t, x_t - x*&gt; &lt;= sum_i [H_T,i M_i + sum_t g_t,i^2/H_t,i]/2
 * with H_t = (sqrt(vhat_t) + eps)/alpha recomputed from the gradients ({@link DenominatorBound}).
 * The bound needs H non-decreasing, which the max over the quantity that divides the step gives:
 * without bias correction (Alg. 2) and with the max over the corrected v; PyTorch's bias
 * correction after the max makes sqrt(vhat_t/(1 - b2^t)) non-monotone (no guarantee).
 */
public final class AmsGradRegret extends KindTheorem<OnlineInstance> {

    /** The theorem as its spec declares it. */
    public AmsGradRegret() {
        super("adapt.amsgrad-regret");
    }

    /** The conventions each regime is about. */
    static Map<String, String> conventions(Regime r) {
        return Cases.<Map<String, String>>on(r)
                .when("holds", () -> Map.of("bias-correction", "off"))
                .when("max-over-corrected", () -> Map.of("bias-correction", "on", "max-over", "corrected"))
                .when("bias-corrected", () -> Map.of("bias-correction", "on", "max-over", "raw"))
                .get();
    }

    /** A regime applies to a method that declares its conventions. */
    @Override
    protected boolean keeps(Regime r) {
        return binding().follows(conventions(r));
    }

    @Override
    public Gen<OnlineInstance> instances(Regime r) {
        // Every regime draws the same sequences; only its conventions differ (named here, so that a
        // spec regime without them is a load error).
        conventions(r);
        return OnlineGens.sequences(OnlineGens.eps(binding()));
    }

    @Override
    protected Evaluation checkOn(OnlineInstance in, Regime r) {
        MethodBinding b = binding().following(conventions(r));
        Map<String, String> conv = MethodProviders.resolvedConventions(
                MethodKind.AMSGRAD, b.isBuiltIn() ? conventions(r) : b.declaredConventions());
        boolean corrected = "on".equals(conv.get("bias-correction"));
        DenominatorBound.Second second = !corrected
                ? DenominatorBound.Second.MAX_RAW
                : "corrected".equals(conv.get("max-over"))
                        ? DenominatorBound.Second.MAX_CORRECTED
                        : DenominatorBound.Second.MAX_RAW_THEN_CORRECTED;
        Hyperparameters h = Hyperparameters.of("lr", in.lr())
                .with("b1", 0)
                .with("b2", in.b2())
                .with("eps", in.eps());
        DenominatorBound bound = new DenominatorBound(
                in.dimension(), in.lr(), in.b2(), in.eps(), "inside-sqrt".equals(conv.get("eps")), second);
        return RegretCheck.run(
                b.create(h),
                in,
                1 - tighten(),
                bound,
                ExactAdaptive.Update.amsGrad(in.lr(), in.b2(), in.eps(), conv),
                bound.exact(),
                "amsgrad, b1 = 0, conventions " + conv);
    }
}
