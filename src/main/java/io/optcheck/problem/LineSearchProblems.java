package io.optcheck.problem;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * Problem families for the line-search theorems, as generators with knobs for targeted search.
 */
public final class LineSearchProblems {

    private LineSearchProblems() {}

    /**
     * The {@link KinkedSlope} family: M log-uniform in [1, 100], s in (0, 1) and the length
     * A - (1 - s)/M of the flat stretch in [0, 10], all three search knobs. Shrinks toward M = 1,
     * small s and a short flat stretch.
     */
    public static Gen<KinkedSlope> kinkedSlopes() {
        Gen<Double> m = Gens.logDoubles(1, 100).knob("M");
        Gen<Double> s = Gens.doubles(0, 1).knob("s").filter("0 < s < 1", v -> v > 0 && v < 1);
        Gen<Double> flat = Gens.doubles(0, 10).knob("A - (1-s)/M");
        return Gens.combine(m, s, flat)
                .as((mv, sv, fv) -> new KinkedSlope(mv, sv, (1 - sv) / mv + fv))
                .named("kinked slopes");
    }

    /**
     * A quadratic with a start point, and the start's description: the start gradient direction
     * cos(angle) v_lo + sin(angle) v_hi + offPlane w/||w||, where v_lo and v_hi are eigenvectors of
     * the smallest and largest |eigenvalue| and w is a random vector.
     */
    public record QuadraticStart(Quadratic q, double[] x0, double angle, double offPlane) {
        public QuadraticStart {
            x0 = x0.clone();
        }

        @Override
        public double[] x0() {
            return x0.clone();
        }

        /** The fields every report of such a start shows: dimension, objective, eigenvalues and x0. */
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dimension", q.dimension());
            m.put("objective", q.describe());
            m.put("eigenvalues", Num.fmt(q.eigenvalues()));
            m.put("x0", Num.fmt(x0));
            return m;
        }
    }

    /**
     * Quadratics of {@link Problems#quadratics()} with a start x0 = R H^{-1} g0 / ||H^{-1} g0||,
     * where the start gradient direction g0 = cos(angle) v_lo + sin(angle) v_hi + offPlane w/||w||
     * has two knobs: the angle in [0, pi/2] in the plane of the extreme eigenvectors and the
     * off-plane weight in [0, 1]. Every direction of x0 can be written this way, so this is a
     * parametrisation of all starts, chosen so that targeted search can steer the start gradient.
     * R is in [0.1, 10].
     *
     * <p>With {@code indefinite} the same quadratic has the sign of some eigenvalues flipped (each
     * with probability 1/2, at least one): H is indefinite, f is unbounded below, and the
     * certificate says so. The start is built from the convex spectrum, so both variants draw the
     * same choices.
     */
    public static Gen<QuadraticStart> quadraticStarts(boolean indefinite) {
        Gen<Double> angle = Gens.doubles(0, Math.PI / 2).knob("start gradient angle");
        Gen<Double> off = Gens.doubles(0, 1).knob("off-plane weight");
        Gen<Double> radius = Gens.doubles(0.1, 10);
        return Problems.quadratics()
                .flatMap(q -> {
                    int d = q.dimension();
                    Gen<double[]> w = Gens.doubleArrays(Gens.doubles(-1, 1), d);
                    Gen<boolean[]> flips = Gens.named("eigenvalue sign flips", src -> {
                        boolean[] f = new boolean[d];
                        if (!indefinite) {
                            return f;
                        }
                        boolean any = false;
                        for (int i = 0; i < d; i++) {
                            f[i] = src.drawBoolean(0.5);
                            any |= f[i];
                        }
                        if (!any) {
                            f[src.draw(Gens.integers(0, d - 1))] = true;
                        }
                        return f;
                    });
                    return Gens.combine(Gens.combine(angle, off).as((a, o) -> new double[] {a, o}), radius, w, flips)
                            .as((ao, r, wv, fl) -> build(q, ao[0], ao[1], r, wv, fl));
                })
                .named(indefinite ? "indefinite quadratics with starts" : "strictly convex quadratics with starts");
    }

    private static QuadraticStart build(
            Quadratic q, double angle, double off, double radius, double[] w, boolean[] flip) {
        int d = q.dimension();
        double[] lambda;
        double[][] v = new double[d][d];
        if (q.isDiagonal()) {
            lambda = q.eigenvalues();
            for (int i = 0; i < d; i++) {
                v[i][i] = 1;
            }
        } else {
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(q.h()));
            lambda = eig.getEigenvalues();
            for (int k = 0; k < d; k++) {
                for (int i = 0; i < d; i++) {
                    v[i][k] = eig.getEigenvector(k).getEntry(i);
                }
            }
        }
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < d; i++) {
            if (Math.abs(lambda[i]) < Math.abs(lambda[lo])) {
                lo = i;
            }
            if (Math.abs(lambda[i]) > Math.abs(lambda[hi])) {
                hi = i;
            }
        }
        double wn = Math.sqrt(Vectors.dot(w, w));
        double[] g0 = new double[d];
        for (int i = 0; i < d; i++) {
            g0[i] = Math.cos(angle) * v[i][lo] + Math.sin(angle) * v[i][hi] + (wn > 0 ? off * w[i] / wn : 0);
        }
        double[] x = new double[d];
        for (int k = 0; k < d; k++) {
            double c = 0;
            for (int i = 0; i < d; i++) {
                c += v[i][k] * g0[i];
            }
            for (int i = 0; i < d; i++) {
                x[i] += c / lambda[k] * v[i][k];
            }
        }
        double xn = Math.sqrt(Vectors.dot(x, x));
        if (!(xn > 0) || !Double.isFinite(xn)) {
            for (int i = 0; i < d; i++) {
                x[i] = v[i][lo];
            }
            xn = 1;
        }
        for (int i = 0; i < d; i++) {
            x[i] *= radius / xn;
        }
        Quadratic out = q;
        boolean anyFlip = false;
        for (boolean f : flip) {
            anyFlip |= f;
        }
        if (anyFlip) {
            double[] l2 = lambda.clone();
            for (int i = 0; i < d; i++) {
                if (flip[i]) {
                    l2[i] = -l2[i];
                }
            }
            out = q.isDiagonal() ? Quadratic.diagonal(l2) : Quadratic.fromSpectrum(l2, v, new double[d]);
        }
        return new QuadraticStart(out, x, angle, off);
    }
}
