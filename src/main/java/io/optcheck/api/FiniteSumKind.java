package io.optcheck.api;

import java.util.List;

/**
 * What a finite-sum plug-in ({@link PluggableFiniteSum} or {@link VarianceReducedEstimator})
 * claims to be. The kind decides which theorems apply (THEOREMS.md vr.svrg, vr.saga) and what a
 * step must do; the hyperparameters are those a theorem sets when it builds the method.
 */
public enum FiniteSumKind {

    /**
     * SVRG, Option II (Johnson &amp; Zhang 2013). Hyperparameters {@code lr} (eta) and {@code m}
     * (the inner length, a whole number &gt;= 1). Epoch s starts at the snapshot x~ = x_0 with
     * grad f(x~); each step is ONE inner step x_t = x_{t-1} - eta (grad f_i(x_{t-1}) - grad f_i(x~)
     * + grad f(x~)) with i = nextIndex(n); after the m-th inner step the position is the new
     * snapshot, the inner iterate x_t for t uniform in {0, ..., m-1} (drawn with nextIndex(m)), and
     * the next epoch starts there.
     */
    SVRG("svrg", List.of("lr", "m")),

    /**
     * SAGA (Defazio, Bach &amp; Lacoste-Julien 2014), without the prox step. Hyperparameter
     * {@code lr} (eta). A table g_i = grad f_i(phi_i) starts at grad f_i(x_0); each step draws
     * exactly one index j = nextIndex(n), moves x+ = x - eta (grad f_j(x) - g_j + (1/n) sum_i g_i)
     * and stores g_j = grad f_j(x).
     */
    SAGA("saga", List.of("lr"));

    private final String id;
    private final List<String> hyperparameters;

    FiniteSumKind(String id, List<String> hyperparameters) {
        this.id = id;
        this.hyperparameters = hyperparameters;
    }

    /** The kebab-case id used in reports. */
    public String id() {
        return id;
    }

    /** The names of the hyperparameters a theorem sets. */
    public List<String> hyperparameters() {
        return hyperparameters;
    }
}
