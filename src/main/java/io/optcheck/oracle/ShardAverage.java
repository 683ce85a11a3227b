package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.problem.Num;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomGenerator;

/**
 * Data-parallel averaging over K simulated workers (Goyal et al. 2017): worker k runs its own
 * estimator on its shard and the results are combined as sum_k w_k g_k. With w_k = 1/K (the
 * UNWEIGHTED average) this equals the full gradient only when the shards have equal size; with
 * w_k = n_k/n it is exact for any sizes. The workers draw independently, so the enumeration is
 * the product of the workers' outcome lists.
 */
public final class ShardAverage implements BatchEstimator {

    private final List<BatchEstimator> workers;
    private final double[] weights;

    /** Combines the workers with the given weights (one per worker). */
    public ShardAverage(List<BatchEstimator> workers, double[] weights) {
        if (workers.isEmpty() || weights.length != workers.size()) {
            throw new IllegalArgumentException("need one weight per worker, K >= 1");
        }
        this.workers = List.copyOf(workers);
        this.weights = weights.clone();
    }

    /** The unweighted average (1/K) sum_k g_k. */
    public static ShardAverage unweighted(List<BatchEstimator> workers) {
        double[] w = new double[workers.size()];
        Arrays.fill(w, 1.0 / workers.size());
        return new ShardAverage(workers, w);
    }

    @Override
    public void enumerate(ExampleGradients g, Outcomes visitor) {
        int d = g.dimension();
        List<List<double[]>> est = new ArrayList<>();
        List<List<Double>> prob = new ArrayList<>();
        for (BatchEstimator w : workers) {
            List<double[]> e = new ArrayList<>();
            List<Double> p = new ArrayList<>();
            w.enumerate(g, (pr, v) -> {
                e.add(v.clone());
                p.add(pr);
            });
            est.add(e);
            prob.add(p);
        }
        long total = 1;
        for (List<double[]> e : est) {
            total *= e.size();
            if (total > Enumeration.MAX_OUTCOMES) {
                throw new IllegalArgumentException("more than " + Enumeration.MAX_OUTCOMES + " joint outcomes");
            }
        }
        int k = workers.size();
        int[] idx = new int[k];
        double[] out = new double[d];
        for (long c = 0; c < total; c++) {
            Arrays.fill(out, 0);
            double p = 1;
            for (int w = 0; w < k; w++) {
                double[] v = est.get(w).get(idx[w]);
                p *= prob.get(w).get(idx[w]);
                for (int j = 0; j < d; j++) {
                    out[j] += weights[w] * v[j];
                }
            }
            visitor.accept(p, out);
            for (int w = k - 1; w >= 0; w--) {
                if (++idx[w] < est.get(w).size()) {
                    break;
                }
                idx[w] = 0;
            }
        }
    }

    @Override
    public void draw(ExampleGradients g, RandomGenerator rng, double[] out) {
        int d = g.dimension();
        double[] v = new double[d];
        Arrays.fill(out, 0);
        for (int w = 0; w < workers.size(); w++) {
            workers.get(w).draw(g, rng, v);
            for (int j = 0; j < d; j++) {
                out[j] += weights[w] * v[j];
            }
        }
    }

    @Override
    public String describe() {
        List<String> s = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            s.add(Num.fmt(weights[w]) + " x [" + workers.get(w).describe() + "]");
        }
        return "sum of " + String.join(" + ", s);
    }
}
