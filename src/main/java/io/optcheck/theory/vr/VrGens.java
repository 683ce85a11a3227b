package io.optcheck.theory.vr;

import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.Problems;
import io.optcheck.problem.RotatedQuadraticSum;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finite-sum family behind the variance-reduction and one-step theorems: diagonal quadratic
 * components f_i(x) = (1/2) sum_j h_ij (x_j - c_ij)^2 with L = 1 (every |h_ij| &lt;= 1, exact),
 * n in [1, nMax], d in [1, dMax], centers in [-2, 2] (shrinking to whole numbers).
 *
 * <p>With every component mu-strongly convex (the holds generators) mu = 1/kappa is drawn
 * log-uniformly in [0.01, 1] and h_ij in [mu, 1]. With that assumption inverted, h_ij is drawn in
 * [-1, 1] (components may be merely convex or concave) and the instance keeps only those draws
 * whose AVERAGE is strongly convex; its mu is then the certified min_j (1/n) sum_i h_ij (rounded
 * down), also required to be &gt;= 0.01 so both generators cover the same kappa range.
 */
public final class VrGens {

    private VrGens() {}

    /** A drawn sum with its certified constants (L = 1). */
    public record Sum(DiagonalQuadraticSum f, double mu, CertifiedSum general) {

        Sum(DiagonalQuadraticSum f, double mu) {
            this(f, mu, f);
        }
    }

    public static final double MU_MIN = 0.01;

    /**
     * The leading fields of a counterexample on a sum with L = 1: n, d, the objective, L, mu and
     * the step; the caller adds its own (start, table, path) in order.
     */
    public static Map<String, Object> described(CertifiedSum f, double mu, double eta) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", f.n());
        m.put("d", f.dimension());
        m.put("objective", f.describe());
        m.put("L", 1.0);
        m.put("mu", mu);
        m.put("eta", eta);
        return m;
    }

    /** How the component curvatures are drawn. */
    public enum Components {
        /** h_ij in [mu, 1], mu drawn: every component mu-strongly convex. */
        STRONGLY_CONVEX,
        /** h_ij in [0, 1]: every component convex; mu is the average's. */
        CONVEX,
        /** h_ij in [-1, 1]: components may be concave; mu is the average's. */
        ANY
    }

    public static Gen<Sum> sums(
            boolean componentsStronglyConvex, boolean commonMinimizer, int nMin, int nMax, int dMax) {
        return sums(
                componentsStronglyConvex ? Components.STRONGLY_CONVEX : Components.ANY,
                commonMinimizer,
                nMin,
                nMax,
                dMax,
                MU_MIN);
    }

    public static Gen<Sum> sums(Components kind, boolean commonMinimizer, int nMin, int nMax, int dMax, double muMin) {
        boolean componentsStronglyConvex = kind == Components.STRONGLY_CONVEX;
        return Gens.combine(
                        Gens.integers(nMin, nMax),
                        Gens.integers(1, dMax),
                        Gens.logDoubles(muMin, 1).knob("mu / L"))
                .as((n, d, mu) -> new Object[] {n, d, mu})
                .flatMap(o -> {
                    int n = (Integer) o[0];
                    int d = (Integer) o[1];
                    double mu = (Double) o[2];
                    Gen<double[]> row = componentsStronglyConvex
                            ? Gens.doubleArrays(Gens.doubles(mu, 1).shrinkDigits(2), d)
                            : Gens.doubleArrays(
                                    Gens.doubles(kind == Components.CONVEX ? 0 : -1, 1)
                                            .shrinkDigits(1),
                                    d);
                    Gen<double[]> center = Gens.doubleArrays(Gens.doubles(-2, 2).shrinkDigits(0), d);
                    Gen<List<double[]>> centers =
                            commonMinimizer ? center.map(c -> Collections.nCopies(n, c)) : Gens.listsOfSize(center, n);
                    return Gens.combine(Gens.listsOfSize(row, n), centers).as((hs, cs) -> {
                        DiagonalQuadraticSum f =
                                new DiagonalQuadraticSum(hs.toArray(new double[0][]), cs.toArray(new double[0][]));
                        return new Sum(f, componentsStronglyConvex ? mu : f.averageMuLowerBound());
                    });
                })
                .filter("average mu-strongly convex with mu >= " + muMin, s -> s.mu() >= muMin);
    }

    /**
     * Rotated sums (item: heterogeneous, non-commuting curvatures): f_i(x) = (1/2) (x - c_i)^T
     * Q_i diag(l_i) Q_i^T (x - c_i) with a random orthogonal Q_i per component
     * ({@link RotatedQuadraticSum}), n in [nMin, nMax], d in [1, dMax], centers in [-2, 2]^d (whole
     * numbers after shrinking), L = 1. With {@code muMax} &gt; 0 every eigenvalue l_ij is drawn in
     * [mu, 1] with mu = 1/kappa log-uniform in [muMin, muMax] (a knob): every component is
     * mu-strongly convex, and the certified mu is min_i mu_i. Otherwise (muMax = 0) l_ij is in
     * [muMin, 1] and mu is the certified lambda_min of the average.
     */
    public static Gen<Sum> rotatedSums(int nMin, int nMax, int dMax, double muMin, double muMax) {
        return rotatedSums(nMin, nMax, dMax, muMin, muMax, false, false);
    }

    /**
     * As {@link #rotatedSums(int, int, int, double, double)}, with one drawn curvature (eigenvalues
     * and rotation) shared by every component ({@code sharedCurvature}) and one drawn center shared
     * by every component ({@code sharedCenter}); both false draws exactly what the five-argument form
     * draws.
     */
    public static Gen<Sum> rotatedSums(
            int nMin, int nMax, int dMax, double muMin, double muMax, boolean sharedCurvature, boolean sharedCenter) {
        return Gens.combine(
                        Gens.integers(nMin, nMax),
                        Gens.integers(1, dMax),
                        muMax > 0 ? Gens.logDoubles(muMin, muMax).knob("mu / L") : Gens.doubles(muMin, muMin))
                .as((n, d, mu) -> new Object[] {n, d, mu})
                .flatMap(o -> {
                    int n = (Integer) o[0];
                    int d = (Integer) o[1];
                    double mu = (Double) o[2];
                    Gen<double[]> eig = Gens.doubleArrays(Gens.doubles(mu, 1).shrinkDigits(2), d);
                    Gen<double[]> center = Gens.doubleArrays(Gens.doubles(-2, 2).shrinkDigits(0), d);
                    Gen<double[][]> rotation = src -> Problems.orthogonal(src, d);
                    return Gens.combine(
                                    sharedCurvature
                                            ? eig.map(l -> Collections.nCopies(n, l))
                                            : Gens.listsOfSize(eig, n),
                                    sharedCurvature
                                            ? rotation.map(q -> Collections.nCopies(n, q))
                                            : Gens.listsOfSize(rotation, n),
                                    sharedCenter
                                            ? center.map(c -> Collections.nCopies(n, c))
                                            : Gens.listsOfSize(center, n))
                            .as((ls, qs, cs) -> {
                                RotatedQuadraticSum f = new RotatedQuadraticSum(
                                        ls.toArray(new double[0][]),
                                        qs.toArray(new double[0][][]),
                                        cs.toArray(new double[0][]));
                                double certified = Double.POSITIVE_INFINITY;
                                for (int i = 0; i < n; i++) {
                                    certified = Math.min(certified, f.componentMu(i));
                                }
                                return new Sum(null, muMax > 0 ? certified : f.averageMuLowerBound(), f);
                            });
                });
    }

    /** A point in [-2, 2]^d, shrinking toward 0 (so toward the offset it is added to). */
    public static Gen<double[]> offsets(int d) {
        return Gens.doubleArrays(Gens.doubles(-2, 2).shrinkDigits(1), d);
    }

    /**
     * How much the components' curvatures differ: max_j (max_i h_ij - min_i h_ij) for a diagonal
     * sum, max_i L_i - min_i mu_i for any other. With spread 0 (every component with the same
     * curvature) a stale SVRG snapshot or SAGA table still gives the exact gradient up to a constant,
     * so the coverage rules of the checks from a reached state ask for spread &gt;= 0.5.
     */
    public static double curvatureSpread(CertifiedSum f) {
        double spread = 0;
        if (f instanceof DiagonalQuadraticSum q) {
            for (int j = 0; j < q.dimension(); j++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < q.n(); i++) {
                    lo = Math.min(lo, q.curvature(i, j));
                    hi = Math.max(hi, q.curvature(i, j));
                }
                spread = Math.max(spread, hi - lo);
            }
            return spread;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < f.n(); i++) {
            lo = Math.min(lo, f.componentMu(i));
            hi = Math.max(hi, f.componentL(i));
        }
        return hi - lo;
    }

    /** The coverage label of {@link #curvatureSpread}. */
    public static final String SPREAD = "curvature spread >= 0.5";

    public static String spreadLabel(CertifiedSum f) {
        return curvatureSpread(f) >= 0.5 ? SPREAD : "curvature spread < 0.5";
    }
}
