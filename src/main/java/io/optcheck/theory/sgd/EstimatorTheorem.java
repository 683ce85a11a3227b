package io.optcheck.theory.sgd;

import io.optcheck.api.Sampling;
import io.optcheck.prop.Gen;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Regime;
import java.util.List;
import java.util.Map;

/**
 * A theorem of section 2 retargeted to a user's gradient estimator: the spec's theorem (id,
 * assumptions, conclusions with their tight ratios, regimes), reported under the estimator's id
 * and conventions. A subclass keeps the spec regimes that apply to the estimator ({@link #keeps})
 * and states each as the estimator's declaration puts it in force ({@link #statedFor}); it checks
 * with the built-in theorem's check on the distribution of the estimator's estimates.
 */
abstract class EstimatorTheorem extends DeclaredTheorem<EstimatorInstance> {

    private final String estimatorId;
    private final Sampling sampling;
    private final int batchSize;
    private final String check;

    /**
     * The theorem {@code theoremId} on the estimator {@code estimatorId} of this declaration,
     * checked by {@code check} ("exact enumeration" or "statistical").
     */
    EstimatorTheorem(String theoremId, String estimatorId, Sampling sampling, int batchSize, String check) {
        super(theoremId);
        this.estimatorId = estimatorId;
        this.sampling = sampling;
        this.batchSize = batchSize;
        this.check = check;
    }

    @Override
    public final String methodId() {
        return estimatorId;
    }

    final Sampling sampling() {
        return sampling;
    }

    final int batchSize() {
        return batchSize;
    }

    @Override
    public final Map<String, String> conventions() {
        return EstimatorTheorems.conventions(sampling, batchSize, check);
    }

    /** Tables of n examples, n from the least the declaration allows to the most an exact check enumerates. */
    @Override
    public Gen<EstimatorInstance> instances(Regime r) {
        return EstimatorInstance.instances(
                EstimatorInstance.minN(sampling, batchSize), EstimatorInstance.maxN(sampling, batchSize));
    }

    @Override
    public List<String> labels(EstimatorInstance in, Regime r) {
        return List.of("n = " + in.n(), "d = " + in.d());
    }

    /** The declaration's fields of a counterexample: estimator, sampling, B. */
    final Map<String, Object> declaration() {
        return EstimatorTheorems.declared(estimatorId, sampling, batchSize);
    }

    /** {@code r} with these assumptions in force and this description (see {@link #statedFor}). */
    static Regime restated(Regime r, List<String> assumptions, String description) {
        return new Regime(
                r.id(),
                r.conclusion(),
                r.expected(),
                assumptions,
                r.dropped(),
                description,
                r.threshold(),
                r.declared());
    }
}
