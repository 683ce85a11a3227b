package io.optcheck.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Two-dimensional logistic-regression data built around a chosen hard-margin SVM: two support
 * vectors z_1, z_2 (z_i = y_i x_i) with z_s^T w_hat = 1 and w_hat = alpha_1 z_1 + alpha_2 z_2,
 * alpha &gt; 0, and further points of margin z^T w_hat &gt;= 1.5. For {@link Kind#SEPARABLE} data
 * these are the KKT conditions of min ||w||^2 s.t. z_i^T w &gt;= 1 (sufficient for this convex
 * problem), so w_hat is the SVM solution; the other kinds add points that break separability and
 * keep the built-in w_hat as the claim a user would make.
 *
 * <p>Certificate of w_hat and alpha: ROUNDED (2 x 2 solves on the stored doubles).
 *
 * @param logistic the objective, with labels y_i and features x_i = y_i z_i
 * @param z the label-folded points z_i = y_i x_i, support vectors first
 * @param wHat the built-in SVM direction (scaled so that the support vectors have margin 1)
 * @param alpha the dual variables of the two support vectors
 * @param kind separable, strictly or merely non-separable
 */
public record MarginData(Logistic logistic, double[][] z, double[] wHat, double[] alpha, Kind kind) {

    /** How the data relate to separability. */
    public enum Kind {
        /** some w has z_i^T w &gt; 0 for all i (here w_hat, with margin 1) */
        SEPARABLE,
        /** no w != 0 has z_i^T w &gt;= 0 for all i: 0 is inside the convex hull of the z_i */
        STRICTLY_NON_SEPARABLE,
        /** not separable, yet some w != 0 has z_i^T w &gt;= 0 for all i (Ji and Telgarsky 2019) */
        MERELY_NON_SEPARABLE
    }

    /** Fields for a counterexample. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", z.length);
        m.put("data", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        m.put("z = y x", Num.fmt(z));
        m.put("w_hat (built-in SVM)", Num.fmt(wHat));
        m.put("alpha", Num.fmt(alpha));
        return m;
    }
}
