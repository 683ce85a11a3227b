package io.optcheck.method;

/**
 * AMSGrad (Reddi, Kale &amp; Kumar, "On the Convergence of Adam and Beyond", ICLR 2018,
 * Algorithm 2): as {@link Adam}, but the denominator uses vhat_t = max(vhat_{t-1}, v_t), the
 * running maximum of the RAW second moment. Bias-correction convention: the paper has none
 * ({@code biasCorrection = false} reproduces Algorithm 2 exactly); with it on, m is divided by
 * 1 - b1^t and vhat by 1 - b2^t after the maximum is taken (PyTorch's amsgrad = True), or,
 * declared with the convention {@code max-over = corrected}, the maximum is taken over the
 * bias-corrected v / (1 - b2^t).
 * NaN or infinite gradients propagate; the {@link Runner} ends the run.
 */
public final class AmsGrad extends AdamCoreMethod {
    private final boolean maxOverCorrected;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param options the declared conventions
     */
    public AmsGrad(double lr, AdaptiveOptions options) {
        this(lr, options, false);
    }

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param options the declared conventions
     * @param maxOverCorrected the maximum over v / (1 - b2^t) instead of over the raw v
     */
    public AmsGrad(double lr, AdaptiveOptions options, boolean maxOverCorrected) {
        super(lr, options);
        this.maxOverCorrected = maxOverCorrected;
    }

    @Override
    public String id() {
        return "amsgrad";
    }

    @Override
    public AdaptiveState init(double[] x0) {
        return AdaptiveState.initial(x0, true);
    }

    @Override
    protected AdaptiveState update(AdaptiveState state, double[] x, double[] g) {
        return AdamCore.update(state, x, g, lr, options, true, maxOverCorrected);
    }
}
