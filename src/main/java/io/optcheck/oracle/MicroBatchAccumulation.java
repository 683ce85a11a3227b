package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;

/**
 * Gradient accumulation over K micro-batches that partition the examples in order (sizes
 * n_1..n_K, sum n): either the sum of all per-example gradients divided by the TOTAL count
 * (equal to the large-batch gradient), or each micro-batch normalised by its OWN size and the K
 * results averaged -- the 2024 gradient-accumulation bug class (e.g. the Hugging Face
 * transformers loss-normalisation fix of October 2024), which weights examples of small
 * micro-batches more. Deterministic: one outcome with probability 1.
 */
public final class MicroBatchAccumulation implements BatchEstimator {

    /** How the accumulated sum is normalised. */
    public enum Normalisation {
        TOTAL,
        OWN
    }

    private final int[] sizes;
    private final Normalisation norm;

    public MicroBatchAccumulation(int[] sizes, Normalisation norm) {
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("need K >= 1 micro-batches of size >= 1: " + Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        this.norm = norm;
    }

    @Override
    public void enumerate(ExampleGradients g, Outcomes visitor) {
        double[] out = new double[g.dimension()];
        compute(g, out);
        visitor.accept(1.0, out);
    }

    @Override
    public void draw(ExampleGradients g, RandomGenerator rng, double[] out) {
        compute(g, out);
    }

    private void compute(ExampleGradients g, double[] out) {
        int total = Arrays.stream(sizes).sum();
        if (total != g.n()) {
            throw new IllegalArgumentException("micro-batch sizes sum to " + total + ", n = " + g.n());
        }
        int d = g.dimension();
        Arrays.fill(out, 0);
        double[] part = new double[d];
        int i = 0;
        for (int s : sizes) {
            Arrays.fill(part, 0);
            for (int k = 0; k < s; k++, i++) {
                ExampleRows.addRow(g, i, part);
            }
            for (int j = 0; j < d; j++) {
                out[j] += norm == Normalisation.TOTAL ? part[j] : part[j] / s;
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] /= norm == Normalisation.TOTAL ? total : sizes.length;
        }
    }

    @Override
    public String describe() {
        return "accumulation over micro-batches of sizes " + Arrays.toString(sizes) + ", normalised by "
                + (norm == Normalisation.TOTAL ? "the total count" : "each micro-batch's own size, then averaged");
    }
}
