package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;

/**
 * AdamW (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", ICLR 2019,
 * Algorithm 2): the Adam step of {@link Adam} followed by a decoupled decay
 * x_t -= lr * wd * x_{t-1} (PyTorch's convention, the default) or wd * x_{t-1} (the paper with
 * schedule multiplier 1), declared by {@code decayTimesLr}. The decay never enters g, m or v.
 * NaN or infinite gradients propagate; the {@link Runner} ends the run.
 */
public final class AdamW implements Method<AdaptiveState> {
    private final double lr;
    private final AdaptiveOptions options;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param weightDecay wd {@code >= 0}
     * @param decayTimesLr true: lr * wd * x; false: wd * x
     * @param options the other conventions (their weight-decay fields are replaced)
     */
    public AdamW(double lr, double weightDecay, boolean decayTimesLr, AdaptiveOptions options) {
        this.lr = AdaGrad.checkLr(lr);
        this.options = options.withWeightDecay(weightDecay, true, decayTimesLr);
    }

    public double lr() {
        return lr;
    }

    public AdaptiveOptions options() {
        return options;
    }

    @Override
    public String id() {
        return "adamw";
    }

    @Override
    public AdaptiveState init(double[] x0) {
        return AdaptiveState.initial(x0, false);
    }

    @Override
    public AdaptiveState step(AdaptiveState state, GradientOracle oracle) {
        return AdamCore.step(state, oracle, lr, options, false);
    }
}
