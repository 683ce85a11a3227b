package io.optcheck.theory.vr;

import io.optcheck.problem.Vectors;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Tolerance;
import java.util.Map;

/** The exact unbiasedness check the variance-reduced estimators share. */
final class VrChecks {

    private VrChecks() {}

    /**
     * E[v] = grad f(x), exact: the mean of the n estimates against (1 + tighten) grad f(x), within
     * the rounding of n terms of magnitude {@code mag} (raised to the largest |grad f(x)_k|).
     */
    static Evaluation unbiased(String quantity, double[] mean, double[] full, double mag, double tighten, int n) {
        int d = full.length;
        double worst = 0;
        for (int k = 0; k < d; k++) {
            worst = Math.max(worst, Math.abs(mean[k] - (1 + tighten) * full[k]));
            mag = Math.max(mag, Math.abs(full[k]));
        }
        Evaluation.Builder b = new Evaluation.Builder();
        b.add(Check.atMost(quantity, 1, worst, 0, Tolerance.of(n * mag, d)));
        return b.completed(Map.of("E[v] - grad f", Vectors.minus(mean, full)));
    }
}
