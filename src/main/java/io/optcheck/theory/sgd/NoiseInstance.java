package io.optcheck.theory.sgd;

import io.optcheck.oracle.UniformMinibatch;
import io.optcheck.problem.FiniteSumLeastSquares;
import io.optcheck.theory.Described;
import java.util.Map;

/** A finite sum, a point, two batch sizes b &lt; B and the sampling scheme. */
record NoiseInstance(FiniteSumLeastSquares f, double[] x, int small, int big, boolean replacement)
        implements Described {

    UniformMinibatch sampler(int size) {
        return new UniformMinibatch(size, replacement, 0, f.n());
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = EstimatorTheorems.described(f, x);
        m.put("b", small);
        m.put("B", big);
        m.put("replacement", replacement);
        return m;
    }
}
