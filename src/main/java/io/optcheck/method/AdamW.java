package io.optcheck.method;

/**
 * AdamW (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", ICLR 2019,
 * Algorithm 2): the Adam step of {@link Adam} followed by a decoupled decay
 * x_t -= lr * wd * x_{t-1} (PyTorch's convention, the default) or wd * x_{t-1} (the paper with
 * schedule multiplier 1), declared by {@code decayTimesLr}. The decay never enters g, m or v.
 * NaN or infinite gradients propagate; the {@link Runner} ends the run.
 */
public final class AdamW extends AdamCoreMethod {

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param weightDecay wd {@code >= 0}
     * @param decayTimesLr true: lr * wd * x; false: wd * x
     * @param options the other conventions (their weight-decay fields are replaced)
     */
    public AdamW(double lr, double weightDecay, boolean decayTimesLr, AdaptiveOptions options) {
        super(lr, options.withWeightDecay(weightDecay, true, decayTimesLr));
    }

    @Override
    public String id() {
        return "adamw";
    }
}
