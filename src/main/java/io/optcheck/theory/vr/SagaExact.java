package io.optcheck.theory.vr;

import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.LogCoshQuadraticSum;
import java.util.Arrays;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpMath;

/**
 * The higher-precision recheck of vr.saga's one-step contraction E[V_1] &lt;= (1 - eta mu) V_0:
 * the same enumeration of the index j, with the real-number SAGA step from the same x_0 and table
 * points, and V measured from the real minimizer x* (refined from the certified double by Newton's
 * method), in {@link HighPrecision#DFP}. Both sums the regimes draw are separable, so each
 * component is a sum of one-dimensional terms.
 */
final class SagaExact {

    private SagaExact() {}

    static final String PRECISION = HighPrecision.DFP_DESCRIPTION
            + ", exact enumeration of the index over the real-number SAGA step from x_0, V from the real x*";

    /** f_ij(x) and its first two derivatives, for one component and coordinate. */
    private static Dfp[] term(CertifiedSum f, int i, int j, Dfp x) {
        if (f instanceof DiagonalQuadraticSum q) {
            Dfp h = HighPrecision.dfp(q.curvature(i, j));
            Dfp r = x.subtract(HighPrecision.dfp(q.center(i, j)));
            return new Dfp[] {h.multiply(r).multiply(r).divide(2), h.multiply(r), h};
        }
        if (f instanceof LogCoshQuadraticSum g) {
            Dfp m = HighPrecision.dfp(g.quadraticWeight(i, j));
            Dfp s = HighPrecision.dfp(g.logCoshWeight(i, j));
            Dfp r = x.subtract(HighPrecision.dfp(g.center(i, j)));
            Dfp z = x.subtract(HighPrecision.dfp(g.offset(i, j)));
            Dfp a = z.abs();
            Dfp one = x.getField().getOne();
            // log cosh z = |z| + log(1 + e^(-2|z|)) - log 2; tanh z = (1 - e^(-2z)) / (1 + e^(-2z)) for z >= 0
            Dfp e = DfpMath.exp(a.multiply(2).negate());
            Dfp logCosh = a.add(DfpMath.log(one.add(e))).subtract(DfpMath.log(one.add(one)));
            Dfp tanh = one.subtract(e).divide(one.add(e));
            if (z.negativeOrNull() && !z.isZero()) {
                tanh = tanh.negate();
            }
            return new Dfp[] {
                m.multiply(r).multiply(r).divide(2).add(s.multiply(logCosh)),
                m.multiply(r).add(s.multiply(tanh)),
                m.add(s.multiply(one.subtract(tanh.multiply(tanh))))
            };
        }
        throw new IllegalArgumentException("no Dfp model of " + f.getClass().getSimpleName());
    }

    /** The real minimizer, coordinate by coordinate: Newton's method on the mean derivative from the double x*. */
    static Dfp[] xStar(CertifiedSum f) {
        double[] start = f.minimizer();
        Dfp[] xs = new Dfp[start.length];
        for (int j = 0; j < xs.length; j++) {
            Dfp x = HighPrecision.dfp(start[j]);
            for (int it = 0; it < 8; it++) {
                Dfp g = x.getZero();
                Dfp h = x.getZero();
                for (int i = 0; i < f.n(); i++) {
                    Dfp[] t = term(f, i, j, x);
                    g = g.add(t[1]);
                    h = h.add(t[2]);
                }
                x = x.subtract(g.divide(h));
            }
            xs[j] = x;
        }
        return xs;
    }

    private static Dfp[] grad(CertifiedSum f, int i, Dfp[] x) {
        Dfp[] g = new Dfp[x.length];
        for (int j = 0; j < x.length; j++) {
            g[j] = term(f, i, j, x[j])[1];
        }
        return g;
    }

    private static Dfp value(CertifiedSum f, int i, Dfp[] x) {
        Dfp v = x[0].getZero();
        for (int j = 0; j < x.length; j++) {
            v = v.add(term(f, i, j, x[j])[0]);
        }
        return v;
    }

    /** V of a state, from the real x*. */
    static Dfp lyapunov(CertifiedSum f, Dfp eta, Dfp mu, Dfp[] xs, Dfp[] x, Dfp[][] phi) {
        int n = f.n();
        Dfp v = eta.getZero();
        for (int i = 0; i < n; i++) {
            Dfp[] g = grad(f, i, xs);
            Dfp lin = eta.getZero();
            for (int j = 0; j < xs.length; j++) {
                lin = lin.add(g[j].multiply(phi[i][j].subtract(xs[j])));
            }
            v = v.add(value(f, i, phi[i]).subtract(value(f, i, xs)).subtract(lin));
        }
        v = v.divide(n);
        Dfp e = eta.getZero();
        for (int j = 0; j < xs.length; j++) {
            Dfp d = x[j].subtract(xs[j]);
            e = e.add(d.multiply(d));
        }
        Dfp one = eta.getField().getOne();
        return v.add(e.divide(eta.multiply(2 * n).multiply(one.subtract(mu.multiply(eta)))));
    }

    /** E_j[V_1] &lt;= (1 - eta mu) V_0 (1 - tight), the real-number statement on this instance. */
    static boolean oneStepHolds(CertifiedSum f, double mu, double eta, double[] x0, double[][] phi, double tight) {
        int n = f.n();
        int d = f.dimension();
        Dfp e = HighPrecision.dfp(eta);
        Dfp m = HighPrecision.dfp(mu);
        Dfp[] xs = xStar(f);
        Dfp[] x = HighPrecision.dfp(x0);
        Dfp[][] p = new Dfp[n][];
        for (int i = 0; i < n; i++) {
            p[i] = HighPrecision.dfp(phi[i]);
        }
        Dfp[] mean = new Dfp[d];
        for (int k = 0; k < d; k++) {
            mean[k] = e.getZero();
        }
        for (int i = 0; i < n; i++) {
            Dfp[] g = grad(f, i, p[i]);
            for (int k = 0; k < d; k++) {
                mean[k] = mean[k].add(g[k].divide(n));
            }
        }
        Dfp ev1 = e.getZero();
        for (int j = 0; j < n; j++) {
            Dfp[] gx = grad(f, j, x);
            Dfp[] gp = grad(f, j, p[j]);
            Dfp[] x1 = new Dfp[d];
            for (int k = 0; k < d; k++) {
                x1[k] = x[k].subtract(e.multiply(gx[k].subtract(gp[k]).add(mean[k])));
            }
            Dfp[][] p1 = p.clone();
            p1[j] = x;
            ev1 = ev1.add(lyapunov(f, e, m, xs, x1, p1).divide(n));
        }
        Dfp one = e.getField().getOne();
        Dfp bound = one.subtract(e.multiply(m))
                .multiply(lyapunov(f, e, m, xs, x, p))
                .multiply(one.subtract(HighPrecision.dfp(tight)));
        return HighPrecision.holds(true, ev1, bound);
    }

    static final String MOMENTS_PRECISION = HighPrecision.DFP_DESCRIPTION
            + ", exact second moments over all index paths (the same moment propagation) from the real x*";

    /**
     * E||x_t - x*||^2 and E[V_t] for t = 0..steps, over every index path, in Dfp from the real
     * x*: {@link io.optcheck.method.exact.SagaMoments}'s propagation S_t+1 = (1/n) sum_s A_s S_t A_s^T per coordinate, with
     * dense products (it runs only for a marginal check).
     *
     * @return {distSq, lyapunov}, each of length steps + 1
     */
    static Dfp[][] moments(
            DiagonalQuadraticSum f, double eta, double mu, double[] x0, double[][] phi, boolean frozen, int steps) {
        int n = f.n();
        int k = n + 2;
        Dfp zero = HighPrecision.DFP.getZero();
        Dfp one = HighPrecision.DFP.getOne();
        Dfp e = HighPrecision.dfp(eta);
        Dfp c = one.divide(
                e.multiply(2 * n).multiply(one.subtract(HighPrecision.dfp(mu).multiply(e))));
        Dfp[] xs = xStar(f);
        Dfp[][] out = new Dfp[2][steps + 1];
        for (Dfp[] o : out) {
            Arrays.fill(o, zero);
        }
        for (int j = 0; j < f.dimension(); j++) {
            Dfp[] h = new Dfp[n];
            Dfp gStar = zero;
            for (int i = 0; i < n; i++) {
                h[i] = HighPrecision.dfp(f.curvature(i, j));
                gStar = gStar.add(h[i].multiply(xs[j].subtract(HighPrecision.dfp(f.center(i, j)))));
            }
            gStar = gStar.divide(n);
            Dfp[][][] a = new Dfp[n][k][k];
            for (int s = 0; s < n; s++) {
                Dfp[][] m = a[s];
                for (Dfp[] row : m) {
                    Arrays.fill(row, zero);
                }
                m[0][0] = one.subtract(e.multiply(h[s]));
                m[0][1 + s] = e.multiply(h[s]);
                for (int i = 0; i < n; i++) {
                    m[0][1 + i] = m[0][1 + i].subtract(e.multiply(h[i]).divide(n));
                }
                m[0][k - 1] = e.multiply(gStar).negate();
                for (int i = 0; i < n; i++) {
                    m[1 + i][i == s && !frozen ? 0 : 1 + i] = one;
                }
                m[k - 1][k - 1] = one;
            }
            Dfp[] u = new Dfp[k];
            u[0] = HighPrecision.dfp(x0[j]).subtract(xs[j]);
            for (int i = 0; i < n; i++) {
                u[1 + i] = HighPrecision.dfp(phi[i][j]).subtract(xs[j]);
            }
            u[k - 1] = one;
            Dfp[][] sm = new Dfp[k][k];
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    sm[p][q] = u[p].multiply(u[q]);
                }
            }
            for (int t = 0; t <= steps; t++) {
                if (t > 0) {
                    sm = step(a, sm);
                }
                out[0][t] = out[0][t].add(sm[0][0]);
                Dfp v = c.multiply(sm[0][0]);
                for (int i = 0; i < n; i++) {
                    v = v.add(h[i].multiply(sm[1 + i][1 + i]).divide(2 * n));
                }
                out[1][t] = out[1][t].add(v);
            }
        }
        return out;
    }

    /** (1/n) sum_s A_s S A_s^T, dense. */
    private static Dfp[][] step(Dfp[][][] a, Dfp[][] s) {
        int n = a.length;
        int k = s.length;
        Dfp zero = HighPrecision.DFP.getZero();
        Dfp[][] out = new Dfp[k][k];
        for (Dfp[] row : out) {
            Arrays.fill(row, zero);
        }
        for (Dfp[][] am : a) {
            Dfp[][] as = new Dfp[k][k];
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    Dfp v = zero;
                    for (int r = 0; r < k; r++) {
                        if (!am[p][r].isZero()) {
                            v = v.add(am[p][r].multiply(s[r][q]));
                        }
                    }
                    as[p][q] = v;
                }
            }
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    Dfp v = zero;
                    for (int r = 0; r < k; r++) {
                        if (!am[q][r].isZero()) {
                            v = v.add(as[p][r].multiply(am[q][r]));
                        }
                    }
                    out[p][q] = out[p][q].add(v.divide(n));
                }
            }
        }
        return out;
    }

    /**
     * vr.saga's iterate-rate checks at step t in Dfp: E||x_t - x*||^2 &lt;= 2 n eta (1 - mu eta)
     * (1 - eta mu)^t V_0 ({@code lyapunovCheck} false), or E[V_t] &lt;= (1 - eta mu)^t V_0 (1 - tight).
     */
    static boolean iterateRateHolds(
            DiagonalQuadraticSum f,
            double eta,
            double mu,
            double[] x0,
            double[][] phi,
            boolean frozen,
            int t,
            boolean lyapunovCheck,
            double tight) {
        Dfp[][] m = moments(f, eta, mu, x0, phi, frozen, t);
        Dfp one = HighPrecision.DFP.getOne();
        Dfp e = HighPrecision.dfp(eta);
        Dfp rate = one.subtract(e.multiply(HighPrecision.dfp(mu)));
        Dfp bound = rate.pow(t).multiply(m[1][0]);
        if (lyapunovCheck) {
            return HighPrecision.holds(true, m[1][t], bound.multiply(one.subtract(HighPrecision.dfp(tight))));
        }
        Dfp k = e.multiply(2 * f.n()).multiply(rate);
        return HighPrecision.holds(true, m[0][t], k.multiply(bound));
    }
}
