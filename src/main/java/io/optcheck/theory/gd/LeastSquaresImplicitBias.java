package io.optcheck.theory.gd;

import io.optcheck.problem.DataProblems;
import io.optcheck.problem.LeastSquares;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * gd.least-squares-implicit-bias. On f(w) = (1/2n)||Xw - y||^2 with L = lambda_max(X^T X)/n and
 * 0 &lt; eta &lt; 2/L, GD from w0 = 0 converges to X^+ y, the minimum-norm least-squares solution,
 * whatever the shape of X. Every step w_t - w_t-1 = -(eta/n) X^T (X w_t-1 - y) lies in the row
 * space of X, so the null-space component of w_t never changes; on the row space the error
 * contracts by q = max |1 - eta lambda_i| over the nonzero eigenvalues of X^T X / n. From w0 = 0
 * the limit is therefore X^+ y; from any other w0 it is X^+ y + P_null w0.
 *
 * <p>Checked at every step t &gt;= 1 (both one step at a time, which implies the t-step
 * statements by induction without letting rounding accumulate): the step has no null-space
 * component (bound 0, absolute tolerance), and ||w_t - w_lim|| &lt;= q ||w_t-1 - w_lim||.
 */
public final class LeastSquaresImplicitBias extends KindTheorem<LsInstance> {

    /** The theorem as its spec declares it. */
    public LeastSquaresImplicitBias() {
        super("gd.least-squares-implicit-bias");
    }

    static final int STEPS = 100;

    /** Labels for statistics and coverage. */
    static final String UNDERDETERMINED = "d > n";

    static final String RANK_DEFICIENT = "rank < d";
    static final String ETA_ONE_OVER_L = "eta exactly 1/L";

    @Override
    public Gen<LsInstance> instances(Regime r) {
        Gen<Double> h = StepGens.between(0, 2, 1.0);
        // The holds generator starts at 0; the other regimes invert only that: w0 anywhere in a box.
        Function<LeastSquares, Gen<double[]>> anywhere = ls -> Problems.points(ls.dimension(), 2);
        return Cases.<Gen<LsInstance>>on(r)
                .when("holds", () -> instances(ls -> Gens.just(new double[ls.dimension()]), h))
                // Without a null space every w0 is in the row space: nothing to invert.
                .when(
                        "drop:w0-in-row-space",
                        () -> instances(anywhere, h).filter("X has a null space (rank < d)", in -> in.rank < in.d))
                .when("null-space-offset", () -> instances(anywhere, h))
                .get();
    }

    private static Gen<LsInstance> instances(Function<LeastSquares, Gen<double[]>> start, Gen<Double> h) {
        return DataProblems.leastSquaresAllShapes()
                .flatMap(ls -> Gens.combine(start.apply(ls), h).as((w, hv) -> new LsInstance(ls, w, hv)));
    }

    @Override
    protected Evaluation checkOn(LsInstance in, Regime r) {
        int d = in.d;
        double eta = in.eta();
        double q = in.rowSpaceFactor() * (1 - tighten());
        double[] xDagger = in.minNorm();
        double[] limit = xDagger.clone();
        if (r.conclusion().equals("limit-plus-null-offset")) {
            double[] off = in.nullPart(in.w0);
            for (int i = 0; i < d; i++) {
                limit[i] += off[i];
            }
        }
        // The limit is computed from X^+ y and a projection of w0, so it carries rounding relative
        // to their sizes, not to its own (a w0 almost in the row space has a null part of ~1e-16
        // that is itself mostly rounding).
        double limitNorm = Vectors.norm(limit) + Vectors.norm(xDagger) + Vectors.norm(in.w0);
        return TrajectoryCheck.run(method(lr(eta)), in.ls, in.w0, STEPS, (t, prev, cur, series) -> {
            double[] step = new double[d];
            for (int i = 0; i < d; i++) {
                step[i] = cur[i] - prev[i];
            }
            double nullStep = Vectors.norm(in.nullPart(step));
            // The step's rounding (w_t-1 - eta g, and g itself) lands in every direction.
            double scale = Vectors.norm(prev) + Vectors.norm(cur) + eta * in.gradientScale(prev);
            Check nullCheck = Check.atMost("||P_null (w_t - w_t-1)||", t, nullStep, 0, Tolerance.of(scale, d));
            double e0 = Vectors.dist(prev, limit);
            double e1 = Vectors.dist(cur, limit);
            double bound = q * e0;
            Check rate = Check.atMost("||w_t - w_lim||", t, e1, bound, Tolerance.of(scale + e1 + bound + limitNorm, d));
            if (rate.marginal() && tighten() == 0) {
                rate = rate.rechecked(exactContraction(prev, cur, limit, q));
            }
            series.point("||w_t - w_lim||", e1);
            series.point("bound q ||w_t-1 - w_lim||", bound);
            series.point("||P_null (w_t - w_t-1)||", nullStep);
            series.point("||w_t - X^+ y||", Vectors.dist(cur, xDagger));
            return nullCheck.ok() ? rate : nullCheck;
        });
    }

    /**
     * ||cur - lim||^2 &lt;= q^2 ||prev - lim||^2 in exact rational arithmetic at the same double
     * iterates, limit and q: removes the checker's own rounding from a marginal verdict.
     */
    static boolean exactContraction(double[] prev, double[] cur, double[] lim, double q) {
        BigDecimal e1 = BigDecimal.ZERO;
        BigDecimal e0 = BigDecimal.ZERO;
        for (int i = 0; i < lim.length; i++) {
            BigDecimal l = new BigDecimal(lim[i]);
            BigDecimal a = new BigDecimal(cur[i]).subtract(l);
            BigDecimal b = new BigDecimal(prev[i]).subtract(l);
            e1 = e1.add(a.multiply(a));
            e0 = e0.add(b.multiply(b));
        }
        BigDecimal qq = new BigDecimal(q);
        return e1.compareTo(qq.multiply(qq).multiply(e0)) <= 0;
    }

    @Override
    public List<String> labels(LsInstance in, Regime r) {
        List<String> l = new ArrayList<>(4);
        if (in.d > in.n) {
            l.add(UNDERDETERMINED);
        }
        if (in.rank < in.d) {
            l.add(RANK_DEFICIENT);
        }
        if (in.d >= 10) {
            l.add(QuadraticLabels.DIM_GE_10);
        }
        if (in.d == 1) {
            l.add(QuadraticLabels.DIM_1);
        }
        if (in.h == 1.0) {
            l.add(ETA_ONE_OVER_L);
        }
        return l;
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        List<Property.Coverage> c = new ArrayList<>();
        c.add(new Property.Coverage(RANK_DEFICIENT, 10));
        c.add(new Property.Coverage(QuadraticLabels.DIM_GE_10, 1));
        if (!r.breaking()) {
            c.add(new Property.Coverage(UNDERDETERMINED, 10));
            c.add(new Property.Coverage(ETA_ONE_OVER_L, 1));
        }
        return c;
    }
}
