package io.optcheck.theory.dist;

import static io.optcheck.theory.Assumptions.EQUAL_SHARDS;

import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.sgd.BatchGens;
import io.optcheck.theory.sgd.BatchInstance;
import io.optcheck.theory.sgd.UnbiasedMinibatch;
import java.util.List;

/**
 * dist.data-parallel (Goyal et al. 2017, "Accurate, Large Minibatch SGD", sec. 3): K workers
 * with equal shards each return their shard mean; the unweighted average of the K means equals
 * the full-batch gradient exactly (up to rounding). With unequal shards the unweighted average
 * weights each example by 1/(K n_k) instead of 1/n: biased.
 */
public final class DataParallel extends DeclaredTheorem<BatchInstance> {

    /** The theorem as its spec declares it. */
    public DataParallel() {
        super("dist.data-parallel");
    }

    @Override
    public Gen<BatchInstance> instances(Regime r) {
        return BatchGens.instances(Cases.<BatchGens.Variant>on(r)
                .when("holds", () -> BatchGens.Variant.SHARD_MEANS_EQUAL)
                .when("drop:" + EQUAL_SHARDS, () -> BatchGens.Variant.SHARD_MEANS_UNEQUAL)
                .get());
    }

    @Override
    public Evaluation evaluate(BatchInstance in, Regime r) {
        return UnbiasedMinibatch.meanCheck(in, tighten(), "(1/K) sum_k shard mean_k");
    }

    @Override
    public List<String> labels(BatchInstance in, Regime r) {
        return List.of("K = " + in.sizes().length);
    }
}
