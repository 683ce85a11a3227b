package io.optcheck.theory.sgd;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.Precision;
import io.optcheck.oracle.BatchEstimator;
import io.optcheck.oracle.ClippedGradients;
import io.optcheck.oracle.ExampleRows;
import io.optcheck.oracle.ImportanceMinibatchUnweighted;
import io.optcheck.oracle.RoundedMinibatch;
import io.optcheck.oracle.ShardAverage;
import io.optcheck.oracle.StaleGradients;
import io.optcheck.oracle.UniformMinibatch;
import io.optcheck.problem.FiniteSum;
import io.optcheck.problem.Num;
import io.optcheck.theory.Described;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A finite sum, a point, and a sampling scheme: K shards of the given sizes (K = 1 is plain
 * minibatch sampling), each worker drawing b examples of its shard uniformly with or without
 * replacement, the workers' means averaged WITHOUT weights. The holds generator makes the shards
 * equal; each breaking regime changes one thing: the sampling distribution (importance p), the
 * gradients (clipped at clip, or evaluated at x + delta), or the shard sizes.
 */
public record BatchInstance(
        FiniteSum f,
        double[] x,
        int[] sizes,
        int b,
        boolean replacement,
        double[][] importance,
        double clipFraction,
        double[] delta,
        Precision precision,
        RoundedMinibatch.Order order)
        implements Described {

    /** The same instance with its one worker summing in {@code p}, in {@code o}. */
    BatchInstance rounded(Precision p, RoundedMinibatch.Order o) {
        return new BatchInstance(f, x, sizes, b, replacement, importance, clipFraction, delta, p, o);
    }

    boolean lowPrecision() {
        return precision != Precision.FLOAT64;
    }

    int n() {
        return f.n();
    }

    int d() {
        return f.dimension();
    }

    /** The per-example gradients the estimator combines (clipped or stale where the regime says). */
    ExampleGradients table() {
        ExampleGradients g = delta == null ? ExampleRows.at(f, x) : StaleGradients.at(f, x, delta);
        if (clipFraction > 0) {
            g = ClippedGradients.clip(g, clipThreshold(g));
        }
        if (lowPrecision()) {
            // Stored in the format: only the batch's summation is left to round.
            double[][] rows = new double[g.n()][];
            for (int i = 0; i < g.n(); i++) {
                rows[i] = precision.round(g.row(i));
            }
            g = ExampleGradients.of(rows);
        }
        return g;
    }

    /** c = clipFraction * max_i ||grad f_i(x)||, so fraction 1 clips nothing. */
    double clipThreshold(ExampleGradients g) {
        double m = 0;
        for (int i = 0; i < g.n(); i++) {
            double s = 0;
            for (int j = 0; j < g.dimension(); j++) {
                s = Math.hypot(s, g.get(i, j));
            }
            m = Math.max(m, s);
        }
        return m == 0 ? 1 : clipFraction * m;
    }

    int workerBatch(int k) {
        return replacement ? b : Math.min(b, sizes[k]);
    }

    BatchEstimator estimator() {
        if (lowPrecision()) {
            return new RoundedMinibatch(workerBatch(0), replacement, n(), precision, order);
        }
        List<BatchEstimator> workers = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < sizes.length; k++) {
            if (importance != null) {
                workers.add(new ImportanceMinibatchUnweighted(workerBatch(k), importance[k], from));
            } else {
                workers.add(new UniformMinibatch(workerBatch(k), replacement, from, from + sizes[k]));
            }
            from += sizes[k];
        }
        return workers.size() == 1 ? workers.get(0) : ShardAverage.unweighted(workers);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = EstimatorTheorems.described(f, x);
        m.put("shardSizes", Arrays.toString(sizes));
        m.put("batchPerWorker", b);
        m.put("replacement", replacement);
        if (importance != null) {
            List<String> p = new ArrayList<>();
            for (double[] q : importance) {
                p.add(Num.fmt(q));
            }
            m.put("importanceProbabilities", String.join(" ", p));
        }
        if (clipFraction > 0) {
            m.put("clipFraction", clipFraction);
        }
        if (delta != null) {
            m.put("staleOffset", Num.fmt(delta));
        }
        if (lowPrecision()) {
            m.put("precision", precision.id());
            m.put("summation", order.id());
        }
        m.put("estimator", estimator().describe());
        return m;
    }
}
