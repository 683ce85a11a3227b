package io.optcheck.theory.gd;

import io.optcheck.problem.MarginData;
import io.optcheck.problem.Num;
import io.optcheck.theory.Described;
import java.util.Map;

/**
 * Gradient descent on two-dimensional logistic data with a built-in SVM: the data, the start w0
 * and the step as a fraction h of 1/L, L = ||X||_2^2/(4n) from the certificate.
 */
public record LogisticInstance(MarginData data, double[] w0, double h) implements Described {

    double l() {
        return data.logistic().certificate().L().orElseThrow();
    }

    double eta() {
        return h / l();
    }

    /**
     * w_tilde of Soudry et al. (Thm 3): the solution of (eta/n) exp(-z_s^T w) = alpha_s for the two
     * support vectors (the factor 1/n because f is the mean, not the sum, of the losses).
     */
    double[] wTilde() {
        double[][] z = data.z();
        int n = z.length;
        double b1 = Math.log(eta() / (n * data.alpha()[0]));
        double b2 = Math.log(eta() / (n * data.alpha()[1]));
        double det = z[0][0] * z[1][1] - z[0][1] * z[1][0];
        return new double[] {(b1 * z[1][1] - b2 * z[0][1]) / det, (z[0][0] * b2 - z[1][0] * b1) / det};
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = data.describe();
        m.put("L", l());
        m.put("eta L", h);
        m.put("w0", Num.fmt(w0));
        m.put("w_tilde", Num.fmt(wTilde()));
        return m;
    }
}
