package io.optcheck.theory.vr;

import io.optcheck.method.Method;
import io.optcheck.method.exact.IndexPaths;
import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Tolerance;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The vr checks made from a state that a method REACHED along a drawn index path, exact over the
 * next step's answers ({@link IndexPaths}): they read only the iterates and the indices the method
 * received, never its internals, so they apply to optcheck's SVRG and SAGA and to a user's method
 * alike. The snapshot of SVRG is the position after the last completed epoch (every m-th step, as
 * {@code FiniteSumKind.SVRG} requires); the table points of SAGA are the points at which each index
 * was last drawn (phi_i = x_0 before), as the algorithm defines them.
 */
final class VrPathChecks {

    private VrPathChecks() {}

    /** A path check's setting: the sum (L = 1), mu, step eta, inner length m (SVRG), x_0, the path's seed and length. */
    record Path(CertifiedSum f, double mu, double eta, int m, double[] x0, long seed, int prefix) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<IndexPaths.Leaf> next(Method<?> method, Path p) {
        return IndexPaths.enumerate((Method) method, p.f(), p.x0(), p.seed(), p.prefix(), 1);
    }

    /** {@code check} on the leaves of the path's next step, or the evaluation of an enumeration that stopped. */
    private static Evaluation onNext(Method<?> method, Path p, Function<List<IndexPaths.Leaf>, Evaluation> check) {
        List<IndexPaths.Leaf> leaves;
        try {
            leaves = next(method, p);
        } catch (IndexPaths.Failure e) {
            return failed(e);
        }
        return check.apply(leaves);
    }

    /** The evaluation of an enumeration that stopped: refused, or an error naming the step. */
    static Evaluation failed(IndexPaths.Failure e) {
        return new Evaluation.Builder()
                .build(
                        e.refused ? Evaluation.Ending.REFUSED : Evaluation.Ending.ERROR,
                        e.getMessage(),
                        e.step,
                        Map.of());
    }

    /**
     * Unbiasedness as the iterates show it: E[x_{k+1} | path] = x_k - eta grad f(x_k), that is
     * E[v] = grad f(x_k) for the step's estimate v, compared with (1 + tighten) grad f(x_k). The
     * next step must be an inner step (not one that ends an SVRG epoch). The estimate combines
     * per-example gradients at x_k and at earlier iterates (snapshot, table points): the largest of
     * them along the path sets the rounding scale.
     */
    static Evaluation unbiased(Method<?> method, Path p, double tighten) {
        return onNext(method, p, leaves -> unbiased(leaves, p, tighten));
    }

    private static Evaluation unbiased(List<IndexPaths.Leaf> leaves, Path p, double tighten) {
        int k = p.prefix();
        int d = p.f().dimension();
        double[] xk = leaves.get(0).x()[k];
        double[] g = p.f().gradient(xk);
        double terms = 0;
        double[] gi = new double[d];
        for (int t = 0; t <= k; t++) {
            for (int i = 0; i < p.f().n(); i++) {
                p.f().exampleGradient(i, leaves.get(0).x()[t], gi);
                terms = Math.max(terms, Vectors.maxAbs(gi));
            }
        }
        double[] mean = new double[d];
        double mag = Vectors.maxAbs(xk) + 3 * p.eta() * Math.max(terms, Vectors.maxAbs(g));
        for (IndexPaths.Leaf l : leaves) {
            double[] x1 = l.x()[k + 1];
            for (int j = 0; j < d; j++) {
                mean[j] += l.probability() * x1[j];
            }
            mag = Math.max(mag, Vectors.maxAbs(x1));
        }
        double worst = 0;
        double[] diff = new double[d];
        for (int j = 0; j < d; j++) {
            diff[j] = mean[j] - (xk[j] - p.eta() * (1 + tighten) * g[j]);
            worst = Math.max(worst, Math.abs(diff[j]));
        }
        Evaluation.Builder b = new Evaluation.Builder();
        b.add(Check.atMost(
                "max_j |E[x_{k+1}]_j - (x_k - eta grad f(x_k))_j| (exact over the " + leaves.size()
                        + " outcomes of step " + (k + 1) + " after a drawn path of " + k + " steps)",
                1,
                worst,
                0,
                Tolerance.of((leaves.size() + 2) * mag, d)));
        return b.completed(Map.of("E[x_{k+1}] - (x_k - eta grad f)", diff));
    }

    /**
     * SVRG's variance bound (Johnson &amp; Zhang 2013, proof of Thm 1): for convex L-smooth
     * components, E_i||v||^2 &lt;= 4L (f(x) - f* + f(x~) - f*) with v = (x_k - x_{k+1})/eta and x~
     * the snapshot the path reached (L = 1). The sensitivity version uses the wrong constant L/2
     * for 4L. The next step must be an inner step.
     */
    static Evaluation varianceBound(Method<?> method, Path p, boolean wrongConstant) {
        return onNext(method, p, leaves -> varianceBound(leaves, p, wrongConstant));
    }

    private static Evaluation varianceBound(List<IndexPaths.Leaf> leaves, Path p, boolean wrongConstant) {
        CertifiedSum f = p.f();
        int k = p.prefix();
        int d = f.dimension();
        double[][] x = leaves.get(0).x();
        double[] xk = x[k];
        double[] snap = x[(k / p.m()) * p.m()];
        double[] xs = f.minimizer();
        double gx = gap(f, xk, xs);
        double gs = gap(f, snap, xs);
        double ev = 0;
        double scale = 0;
        for (IndexPaths.Leaf l : leaves) {
            double[] x1 = l.x()[k + 1];
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = (xk[j] - x1[j]) / p.eta();
            }
            double vn = Vectors.norm(v);
            ev += l.probability() * vn * vn;
            // v is read from two rounded iterates: error up to 2^-52 (||x_k|| + ||x_{k+1}||)/eta per coordinate
            scale += l.probability() * (vn * vn + 2 * vn * (Vectors.norm(xk) + Vectors.norm(x1)) / p.eta());
        }
        double bound = (wrongConstant ? 0.5 : 4) * (gx + gs);
        // the gaps are measured from the rounded x*: 2 n ||x*|| sqrt(2 gap) each (as in SvrgTheorem),
        // with x*'s uncertainty ||grad f(x*)|| / mu counted as part of its norm (SagaTheorem.xStarScale)
        scale += bound + 8 * f.n() * SagaTheorem.xStarScale(f, p.mu(), xs) * (Math.sqrt(2 * gx) + Math.sqrt(2 * gs));
        Evaluation.Builder b = new Evaluation.Builder();
        b.add(Check.atMost(
                "E_i||v||^2 vs " + (wrongConstant ? "L/2" : "4L") + " (f(x) - f* + f(x~) - f*) (exact over the "
                        + leaves.size() + " outcomes of step " + (k + 1) + "; x~ = x_" + (k / p.m()) * p.m() + ")",
                1,
                ev,
                bound,
                Tolerance.of(scale, d)));
        return b.completed(Map.of("E||v||^2", new double[] {ev}, "bound", new double[] {bound}));
    }

    /** f(x) - f* of a quadratic sum: (1/n) sum_i of the Bregman terms of f_i between x and x*, without cancellation. */
    private static double gap(CertifiedSum f, double[] x, double[] xs) {
        double s = 0;
        for (int i = 0; i < f.n(); i++) {
            s += f.bregman(i, x, xs);
        }
        return s / f.n();
    }

    /**
     * SAGA's one-step contraction E[V_{k+1} | path] &lt;= (1 - eta mu) V_k from the state reached
     * along the path, V with the table points the path defines. Each step must draw exactly one
     * index (its one question nextIndex(n)); anything else is an error naming the step.
     */
    static Evaluation sagaOneStep(Method<?> method, Path p, double tighten) {
        return onNext(method, p, leaves -> sagaOneStep(method, leaves, p, tighten));
    }

    private static Evaluation sagaOneStep(Method<?> method, List<IndexPaths.Leaf> leaves, Path p, double tighten) {
        CertifiedSum f = p.f();
        int n = f.n();
        int d = f.dimension();
        int k = p.prefix();
        double[][] x = leaves.get(0).x();
        int[][] answers = leaves.get(0).answers();
        double[][] phi = new double[n][];
        Arrays.fill(phi, p.x0());
        for (int t = 0; t < k; t++) {
            if (answers[t].length != 1) {
                return oneIndex(method, t + 1, answers[t]);
            }
            phi[answers[t][0]] = x[t];
        }
        if (leaves.size() != n) {
            return oneIndex(method, k + 1, leaves.get(0).answers()[k]);
        }
        double eta = p.eta();
        double mu = p.mu();
        double[] xs = f.minimizer();
        double xsn = SagaTheorem.xStarScale(f, mu, xs);
        double c = 1 / (2 * n * eta * (1 - mu * eta));
        double[] xk = x[k];
        double v0 = SagaTheorem.lyapunov(f, mu, eta, xs, xk, phi);
        double ev1 = 0;
        double scale = 0;
        for (IndexPaths.Leaf l : leaves) {
            int[] a = l.answers()[k];
            if (a.length != 1) {
                return oneIndex(method, k + 1, a);
            }
            double[][] phi1 = phi.clone();
            phi1[a[0]] = xk;
            double[] x1 = l.x()[k + 1];
            double v1 = SagaTheorem.lyapunov(f, mu, eta, xs, x1, phi1);
            ev1 += v1 / n;
            scale += SagaTheorem.leafScale(f, c, xs, xsn, xk, x1, phi1, v1) / n;
        }
        double bound = (1 - eta * mu) * v0 * (1 - tighten);
        scale += SagaTheorem.startScale(f, c, xs, xsn, xk, phi, bound);
        Evaluation.Builder b = new Evaluation.Builder();
        b.add(Check.atMost(
                "E[V_{k+1}] vs (1 - eta mu) V_k (exact over " + n + " indices, after a drawn path of " + k + " steps)",
                1,
                ev1,
                bound,
                Tolerance.of(scale, d)));
        return b.completed(Map.of("E[V_t]", new double[] {v0, ev1}, "bound", new double[] {v0, bound}));
    }

    private static Evaluation oneIndex(Method<?> method, int step, int[] asked) {
        return failed(new IndexPaths.Failure(
                "method " + method.id() + ", step " + step + ": a SAGA step draws exactly one index j = nextIndex(n);"
                        + " this step received the answers " + Arrays.toString(asked),
                step,
                false));
    }
}
