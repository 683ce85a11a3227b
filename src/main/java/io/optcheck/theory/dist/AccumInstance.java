package io.optcheck.theory.dist;

import io.optcheck.oracle.ExampleRows;
import io.optcheck.oracle.MicroBatchAccumulation;
import io.optcheck.problem.FiniteSum;
import io.optcheck.problem.Num;
import io.optcheck.theory.Described;
import io.optcheck.theory.sgd.EstimatorTheorems;
import java.util.Arrays;
import java.util.Map;

/** A large batch (all n examples) split into micro-batches of the given sizes, and a normalisation. */
record AccumInstance(FiniteSum f, double[] x, int[] sizes, MicroBatchAccumulation.Normalisation norm)
        implements Described {

    MicroBatchAccumulation estimator() {
        return new MicroBatchAccumulation(sizes, norm);
    }

    double[] accumulated() {
        double[] out = new double[f.dimension()];
        estimator().draw(ExampleRows.at(f, x), null, out);
        return out;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = EstimatorTheorems.described(f, x);
        m.put("microBatchSizes", Arrays.toString(sizes));
        m.put(
                "normalisation",
                norm == MicroBatchAccumulation.Normalisation.TOTAL ? "total count" : "own size, then averaged");
        double[] acc = accumulated();
        double[] full = f.gradient(x);
        double diff = 0;
        double nf = 0;
        for (int j = 0; j < acc.length; j++) {
            diff = Math.hypot(diff, acc[j] - full[j]);
            nf = Math.hypot(nf, full[j]);
        }
        m.put("accumulated", Num.fmt(acc));
        m.put("largeBatchGradient", Num.fmt(full));
        m.put("differenceNorm", diff);
        m.put("relativeDifference", nf == 0 ? Double.NaN : diff / nf);
        return m;
    }
}
