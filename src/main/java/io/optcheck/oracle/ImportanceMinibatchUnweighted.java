package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.problem.Num;
import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;

/**
 * A BIASED estimator for the breaking regimes: B indices drawn i.i.d. with probabilities p_i
 * (importance sampling), averaged as (1/B) sum g_i WITHOUT the 1/(n p_i) reweighting that would
 * make it unbiased. Its mean is sum_i p_i grad f_i, not (1/n) sum_i grad f_i, unless p is
 * uniform (Needell, Srebro &amp; Ward 2014 give the correctly weighted version). Enumeration:
 * multisets with probability multinomial * prod p_i^{m_i}.
 */
public final class ImportanceMinibatchUnweighted implements BatchEstimator {

    private final int b;
    private final double[] p;
    private final int from;

    /** Over all examples: p has one probability per example. */
    public ImportanceMinibatchUnweighted(int b, double[] p) {
        this(b, p, 0);
    }

    /**
     * Over the examples from .. from + p.length - 1 (a shard).
     *
     * @param p sampling probabilities, positive, summing to 1
     */
    public ImportanceMinibatchUnweighted(int b, double[] p, int from) {
        if (b < 1 || p.length == 0) {
            throw new IllegalArgumentException("need b >= 1 and n >= 1");
        }
        for (double v : p) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("probabilities must be positive: " + Num.fmt(p));
            }
        }
        this.b = b;
        this.p = p.clone();
        this.from = from;
    }

    @Override
    public void enumerate(ExampleGradients g, Outcomes visitor) {
        int n = p.length;
        int d = g.dimension();
        double[] est = new double[d];
        for (Enumeration.Multiset ms : Enumeration.multisets(n, b)) {
            ExampleRows.multisetMean(g, from, ms.counts(), b, est);
            visitor.accept(Enumeration.probability(ms, p), est);
        }
    }

    @Override
    public void draw(ExampleGradients g, RandomGenerator rng, double[] out) {
        Arrays.fill(out, 0);
        for (int k = 0; k < b; k++) {
            double u = rng.nextDouble();
            int i = 0;
            double acc = p[0];
            while (u >= acc && i < p.length - 1) {
                i++;
                acc += p[i];
            }
            ExampleRows.addRow(g, from + i, out);
        }
        ExampleRows.divide(g, out, b);
    }

    @Override
    public String describe() {
        return "importance sampling B = " + b + " over examples " + from + ".." + (from + p.length - 1) + " with p = "
                + Num.fmt(p) + ", not reweighted";
    }
}
