package io.optcheck.theory.dist;

import static io.optcheck.theory.Assumptions.EQUAL_SHARDS;

import io.optcheck.api.Precision;
import io.optcheck.problem.CertifiedSum;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.sgd.BatchGens;
import io.optcheck.theory.sgd.BatchInstance;
import io.optcheck.theory.sgd.UnbiasedMinibatch;
import java.util.ArrayList;
import java.util.List;

/**
 * dist.data-parallel (Goyal et al. 2017, "Accurate, Large Minibatch SGD", sec. 3): K workers
 * with equal shards each return their shard mean; the unweighted average of the K means equals
 * the full-batch gradient exactly (up to rounding). With unequal shards the unweighted average
 * weights each example by 1/(K n_k) instead of 1/n: biased. The rotated regimes run the same
 * check on rotated, heterogeneous components ({@link DistGens#rotatedSplits}).
 */
public final class DataParallel extends DeclaredTheorem<BatchInstance> {

    /** Worker batch of the rotated instances: at least every shard size, so each takes its whole shard. */
    private static final int WHOLE_SHARD = 4;

    /** The theorem as its spec declares it. */
    public DataParallel() {
        super("dist.data-parallel");
    }

    @Override
    public Gen<BatchInstance> instances(Regime r) {
        return Cases.<Gen<BatchInstance>>on(r)
                .when("holds", () -> BatchGens.instances(BatchGens.Variant.SHARD_MEANS_EQUAL))
                .when("drop:" + EQUAL_SHARDS, () -> BatchGens.instances(BatchGens.Variant.SHARD_MEANS_UNEQUAL))
                .when("holds-rotated", () -> rotated(true))
                .when("unequal-shards-rotated", () -> rotated(false))
                .get();
    }

    private static Gen<BatchInstance> rotated(boolean equal) {
        return DistGens.rotatedSplits(equal)
                .map(s -> new BatchInstance(
                        s.f(), s.x(), s.sizes(), WHOLE_SHARD, false, null, 0, null, Precision.FLOAT64, null));
    }

    @Override
    public Evaluation evaluate(BatchInstance in, Regime r) {
        return UnbiasedMinibatch.meanCheck(in, tighten(), "(1/K) sum_k shard mean_k");
    }

    @Override
    public List<String> labels(BatchInstance in, Regime r) {
        if (in.f() instanceof CertifiedSum f) {
            return DistGens.labels(f, in.sizes());
        }
        return List.of("K = " + in.sizes().length);
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return Cases.<List<Property.Coverage>>on(r)
                .when("holds-rotated", () -> DistGens.coverage(false))
                .when("unequal-shards-rotated", () -> DistGens.coverage(true))
                .orElse(ArrayList::new);
    }
}
