package io.optcheck.theory.sgd;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.Sampling;
import io.optcheck.oracle.ExampleRows;
import io.optcheck.problem.FiniteSumLeastSquares;
import io.optcheck.problem.FiniteSums;
import io.optcheck.problem.Num;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Described;
import java.util.Map;

/**
 * A finite sum and a point at which a user's gradient estimator is checked: least-squares data
 * from the generator of the built-in minibatch theorems ({@link FiniteSums#leastSquares}, entries
 * in [-2, 2] shrinking to whole numbers) and x in [-2, 2]^d, d in [1, {@value #MAX_D}].
 */
record EstimatorInstance(FiniteSumLeastSquares f, double[] x) implements Described {

    /** The largest dimension generated. */
    static final int MAX_D = 3;

    /** The choice-tree size the n range aims to stay below for plain samplers. */
    private static final double TREE_TARGET = 1e4;

    int n() {
        return f.n();
    }

    int d() {
        return f.dimension();
    }

    ExampleGradients table() {
        return ExampleRows.at(f, x);
    }

    /**
     * The smallest n: B without replacement (a B-subset needs n &gt;= B), and at least 2 always
     * (with one example there is nothing to sample, so no sampling bug can show).
     */
    static int minN(Sampling s, int b) {
        return Math.max(2, s == Sampling.WITHOUT_REPLACEMENT ? b : 1);
    }

    /**
     * The largest n: up to minN + 4, as long as a plain sampler's tree stays below 1e4 leaves: n^B
     * answer sequences with replacement (and for importance sampling), n!/(n-B)! for a partial
     * Fisher-Yates without replacement. Never below minN.
     */
    static int maxN(Sampling s, int b) {
        int lo = minN(s, b);
        int hi = lo;
        for (int n = lo + 1; n <= lo + 4; n++) {
            double leaves = 1;
            for (int k = 0; k < b; k++) {
                leaves *= s == Sampling.WITHOUT_REPLACEMENT ? n - k : n;
            }
            if (leaves > TREE_TARGET) {
                break;
            }
            hi = n;
        }
        return hi;
    }

    static Gen<EstimatorInstance> instances(int minN, int maxN) {
        return Gens.combine(Gens.integers(minN, maxN), Gens.integers(1, MAX_D))
                .as((n, d) -> new int[] {n, d})
                .flatMap(nd -> Gens.combine(FiniteSums.leastSquares(nd[0], nd[1]), Problems.points(nd[1], 2))
                        .as(EstimatorInstance::new));
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = EstimatorTheorems.described(f, x);
        ExampleGradients g = table();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < g.n(); i++) {
            rows.append(i == 0 ? "" : " ").append(Num.fmt(g.row(i)));
        }
        m.put("perExampleGradients", rows.toString());
        m.put("grad f(x)", Num.fmt(f.gradient(x)));
        return m;
    }
}
