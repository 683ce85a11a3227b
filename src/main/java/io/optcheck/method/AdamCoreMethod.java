package io.optcheck.method;

import io.optcheck.api.Precision;

/**
 * What the methods whose step is {@link AdamCore}'s share ({@link Adam}, {@link AdamW},
 * {@link AmsGrad}): the declared conventions, their accessor, and Adam's update with them. AMSGrad
 * replaces the update with its maximum of v.
 */
abstract sealed class AdamCoreMethod extends AdaptiveMethod permits Adam, AdamW, AmsGrad {
    /** The declared conventions. */
    final AdaptiveOptions options;

    /**
     * @param lr learning rate, finite and {@code > 0}
     * @param options the declared conventions
     */
    AdamCoreMethod(double lr, AdaptiveOptions options) {
        super(lr);
        this.options = options;
    }

    /** The declared conventions. */
    public AdaptiveOptions options() {
        return options;
    }

    /** The start, stored in the format the options compute in. */
    @Override
    public AdaptiveState init(double[] x0) {
        Precision p = options.precision();
        return super.init(p == Precision.FLOAT64 ? x0 : p.round(x0));
    }

    /** Adam's step with the declared conventions. */
    @Override
    protected AdaptiveState update(AdaptiveState state, double[] x, double[] g) {
        return AdamCore.update(state, x, g, lr, options, false);
    }
}
