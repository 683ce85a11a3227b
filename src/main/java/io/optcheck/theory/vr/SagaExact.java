package io.optcheck.theory.vr;

import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.DiagonalQuadraticSum;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.LogCoshQuadraticSum;
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
        return !ev1.greaterThan(bound);
    }
}
