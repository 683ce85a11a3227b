package io.optcheck.theory.dist;

import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.vr.VrGens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real problems of the distributed theorems: the examples of a split (shards of a data-parallel
 * step, micro-batches of an accumulated one) are rotated quadratic components f_i(x) = (1/2)
 * (x - c_i)^T Q_i diag(l_i) Q_i^T (x - c_i) with their own eigenvalues and eigenvectors (the
 * rotated family of the variance-reduction theorems, {@link VrGens#rotatedSums}: the H_i do not
 * commute), d in [1, 10], mu = 1/kappa log-uniform in [1e-4, 1] (a knob), every l_ij in [mu, 1]
 * (L = 1). K in [1, 4] parts of sizes in [1, 4] (so n &lt;= 16), the point x in [-2, 2]^d.
 */
final class DistGens {

    private DistGens() {}

    /** A split of n = sum sizes rotated components at a point x. */
    record Split(VrGens.Sum sum, int[] sizes, double[] x) {

        CertifiedSum f() {
            return sum.general();
        }
    }

    /**
     * Splits whose parts all have the size of the first ({@code equal}), or independently drawn
     * sizes (the only thing the breaking regimes change).
     */
    static Gen<Split> rotatedSplits(boolean equal) {
        return Gens.integers(1, 4)
                .flatMap(k -> Gens.listsOfSize(Gens.integers(1, 4), k))
                .map(raw -> {
                    int[] sizes = raw.stream().mapToInt(Integer::intValue).toArray();
                    if (equal) {
                        Arrays.fill(sizes, sizes[0]);
                    }
                    return sizes;
                })
                .flatMap(sizes -> {
                    int n = Arrays.stream(sizes).sum();
                    return VrGens.rotatedSums(n, n, 10, 1e-4, 1)
                            .flatMap(s ->
                                    Problems.points(s.general().dimension(), 2).map(x -> new Split(s, sizes, x)));
                });
    }

    /** max size / min size: 1 for equal parts. */
    static double imbalance(int[] sizes) {
        int lo = Arrays.stream(sizes).min().orElse(1);
        int hi = Arrays.stream(sizes).max().orElse(1);
        return (double) hi / lo;
    }

    static final String IMBALANCED = "part sizes max/min >= 2";

    static final String HIGH_KAPPA = "kappa >= 1e3";

    static final String HIGH_D = "d >= 5";

    /** min_i mu_i: the certified strong convexity of every component (L = 1, so kappa = 1/mu). */
    static double mu(CertifiedSum f) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < f.n(); i++) {
            m = Math.min(m, f.componentMu(i));
        }
        return m;
    }

    /** The coverage labels of a rotated instance: dimension, kappa, curvature spread, imbalance. */
    static List<String> labels(CertifiedSum f, int[] sizes) {
        List<String> l = new ArrayList<>();
        l.add(f.dimension() >= 5 ? HIGH_D : "d < 5");
        l.add(1 / mu(f) >= 1e3 ? HIGH_KAPPA : "kappa < 1e3");
        l.add(VrGens.spreadLabel(f));
        if (sizes != null) {
            l.add("K = " + sizes.length);
            l.add(imbalance(sizes) >= 2 ? IMBALANCED : "part sizes max/min < 2");
        }
        return l;
    }

    /**
     * What a rotated regime must have generated: d &gt;= 5 and curvature spread &gt;= 0.5 on 10% of
     * the tries, kappa &gt;= 1e3 on 2% (kappa is the certified max_i L_i / min_i mu_i of the drawn
     * eigenvalues, not the drawn lower end mu: about 6% of the draws), and where the part sizes are
     * drawn independently, parts whose sizes differ by a factor 2 on 10%.
     */
    static List<Property.Coverage> coverage(boolean unequalParts) {
        List<Property.Coverage> c = new ArrayList<>();
        c.add(new Property.Coverage(HIGH_D, 10));
        c.add(new Property.Coverage(HIGH_KAPPA, 2));
        c.add(new Property.Coverage(VrGens.SPREAD, 10));
        if (unequalParts) {
            c.add(new Property.Coverage(IMBALANCED, 10));
        }
        return c;
    }
}
