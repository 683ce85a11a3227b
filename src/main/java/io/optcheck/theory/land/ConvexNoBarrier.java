package io.optcheck.theory.land;

import io.optcheck.method.GradientDescent;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.ExactQuadratic;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.HuberSum;
import io.optcheck.problem.LandscapeProblems;
import io.optcheck.problem.LeastSquares;
import io.optcheck.problem.Logistic;
import io.optcheck.problem.MomentumProblems;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Problem;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.TwoLayerNet;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpMath;

/**
 * land.convex-no-barrier (Garipov et al. 2018; Frankle et al. 2020 for the non-convex side).
 * For convex f, f((1-a) x + a y) &lt;= (1-a) f(x) + a f(y) on every segment: there is no loss
 * barrier between two minima. For a two-layer network a minimum x and its copy P x with two hidden
 * units swapped have the same loss, and the segment between them generally rises above it.
 */
public final class ConvexNoBarrier extends DeclaredTheorem<SegmentInstance> {

    /** GD steps that train a network to (near) a minimum in the non-convex regime. */
    static final int TRAIN_STEPS = 400;

    static final double TRAIN_ETA = 0.05;

    /** The theorem as its spec declares it. */
    public ConvexNoBarrier() {
        super("land.convex-no-barrier");
    }

    @Override
    public Gen<SegmentInstance> instances(Regime r) {
        Gen<Double> a = Gens.doubles(0, 1).withSpecials(0.5).knob("a");
        return Cases.<Gen<SegmentInstance>>on(r)
                .when("holds", () -> convexSegments(a))
                .when("drop:convex", () -> swappedNetworkSegments(a))
                .get();
    }

    /** Segments of convex families: x, y in [-5, 5]^d, or x = x* where the certificate has it. */
    private static Gen<SegmentInstance> convexSegments(Gen<Double> a) {
        Gen<Problem> family = Gens.oneOfGens(
                MomentumProblems.problems(Problems.quadratics().dimensions(1, 10)),
                Problems.leastSquares().map(ls -> ls.problem()),
                Problems.logistic(false).map(l -> l.problem()),
                MomentumProblems.huberSums());
        return family.flatMap(pr -> Gens.named("segment", s -> {
            int d = pr.objective().dimension();
            double[] y = Problems.points(d, 5).generate(s);
            double[] x;
            String note;
            if (pr.certificate().xStar().isPresent() && s.drawBoolean(0.3)) {
                x = pr.certificate().xStar().get();
                note = "x = x* (the certificate's minimizer), y random in [-5, 5]^d";
            } else {
                x = Problems.points(d, 5).generate(s);
                note = "x, y random in [-5, 5]^d";
            }
            return new SegmentInstance(pr, x, y, a.generate(s), note);
        }));
    }

    /** Segments of two-layer tanh networks from a GD-trained point x to x with two hidden units swapped. */
    private static Gen<SegmentInstance> swappedNetworkSegments(Gen<Double> a) {
        return LandscapeProblems.networks(TwoLayerNet.Activation.TANH)
                .flatMap(net -> Gens.named("trained point", s -> {
                    double[] theta0 = LandscapeProblems.gaussianPoint(s, net.dimension(), 1);
                    // x is where GD stops after TRAIN_STEPS steps (a near-minimum; its gradient norm is reported).
                    Trajectory tr =
                            Runner.run(new GradientDescent(TRAIN_ETA), new ExactOracle(net), theta0, TRAIN_STEPS);
                    double[] x = tr.x(tr.steps());
                    int u = s.draw(Gens.integers(0, net.hidden() - 2));
                    int v = s.draw(Gens.integers(u + 1, net.hidden() - 1));
                    double av = a.generate(s);
                    return new SegmentInstance(
                            net.problem(),
                            x,
                            net.swapUnits(x, u, v),
                            av,
                            "x = GD (eta " + TRAIN_ETA + ", " + TRAIN_STEPS
                                    + " steps) from a Gaussian init, y = x with units " + u + " and " + v + " swapped");
                }));
    }

    @Override
    public Evaluation evaluate(SegmentInstance in, Regime r) {
        Objective f = in.problem().objective();
        int d = f.dimension();
        double a = in.a();
        double[] z = in.z();
        double fx = f.value(in.x());
        double fy = f.value(in.y());
        double fz = f.value(z);
        double chord = (1 - a) * fx + a * fy;
        double bound = chord > 0 ? chord * (1 - tighten()) : chord * (1 + tighten());
        // z carries rounding of order 2^-52 ((1-a)||x|| + a||y||); its effect on f is that times ||grad f(z)||.
        double scale = Math.abs(fz)
                + (1 - a) * Math.abs(fx)
                + a * Math.abs(fy)
                + Vectors.norm(f.gradient(z)) * ((1 - a) * Vectors.norm(in.x()) + a * Vectors.norm(in.y()));
        Evaluation.Builder b = new Evaluation.Builder();
        Check c = Check.atMost("f((1-a) x + a y)", 1, fz, bound, Tolerance.of(scale, d));
        if (c.marginal() && tighten() == 0 && f instanceof TwoLayerNet net) {
            // 40 digits: f(x), f(y) and f at the exact point (1-a) x + a y.
            Dfp ex = net.valueOnSegment(in.x(), in.y(), 0, 40);
            Dfp ey = net.valueOnSegment(in.x(), in.y(), 1, 40);
            Dfp ez = net.valueOnSegment(in.x(), in.y(), a, 40);
            Dfp aa = ex.getField().newDfp(a);
            Dfp chordExact = ex.getField().getOne().subtract(aa).multiply(ex).add(aa.multiply(ey));
            c = c.rechecked(HighPrecision.holds(true, ez, chordExact));
        }
        double tight = tighten();
        b.add(c.withExact(PRECISION, () -> exactHolds(f, in.x(), in.y(), a, tight)));
        return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
    }

    /** How {@link #exactHolds} evaluates. */
    static final String PRECISION = HighPrecision.DECIMAL + " (" + HighPrecision.DFP_DESCRIPTION
            + " for exp, log and tanh) of f at x, y and the exact point (1-a) x + a y";

    /**
     * f((1-a) x + a y) &lt;= chord (1 -+ tight), chord = (1-a) f(x) + a f(y), in real numbers: z is
     * the exact point of the segment, not its rounding. Every family the regimes draw has an exact
     * model (quadratics, least squares, Huber sums in decimals; logistic losses and tanh networks
     * in Dfp); another objective throws, which the recheck records as not rechecked.
     */
    static boolean exactHolds(Objective f, double[] x, double[] y, double a, double tight) {
        BigDecimal aa = HighPrecision.big(a);
        BigDecimal one = BigDecimal.ONE;
        BigDecimal fx;
        BigDecimal fy;
        BigDecimal fz;
        if (f instanceof TwoLayerNet net) {
            fx = HighPrecision.big(net.valueOnSegment(x, y, 0, HighPrecision.DFP_DIGITS));
            fy = HighPrecision.big(net.valueOnSegment(x, y, 1, HighPrecision.DFP_DIGITS));
            fz = HighPrecision.big(net.valueOnSegment(x, y, a, HighPrecision.DFP_DIGITS));
        } else {
            BigDecimal[] bx = HighPrecision.big(x);
            BigDecimal[] by = HighPrecision.big(y);
            BigDecimal[] bz = new BigDecimal[x.length];
            for (int i = 0; i < x.length; i++) {
                bz[i] = one.subtract(aa).multiply(bx[i]).add(aa.multiply(by[i]));
            }
            fx = value(f, bx);
            fy = value(f, by);
            fz = value(f, bz);
        }
        BigDecimal chord = one.subtract(aa).multiply(fx, HighPrecision.MC).add(aa.multiply(fy, HighPrecision.MC));
        BigDecimal t = HighPrecision.big(tight);
        BigDecimal bound = chord.multiply(chord.signum() > 0 ? one.subtract(t) : one.add(t), HighPrecision.MC);
        // values of the network are rounded at the Dfp's digits: compare with the Dfp's slack
        return f instanceof TwoLayerNet
                ? HighPrecision.holds(true, HighPrecision.dfp(fz), HighPrecision.dfp(bound))
                : HighPrecision.holds(true, fz, bound);
    }

    /** f at a decimal point, for the convex families of the holds regime. */
    private static BigDecimal value(Objective f, BigDecimal[] w) {
        MathContext mc = HighPrecision.MC;
        if (f instanceof Quadratic q) {
            return ExactQuadratic.value(q, w);
        }
        if (f instanceof HuberSum h) {
            double[] wt = h.weights();
            double[] dl = h.deltas();
            BigDecimal s = BigDecimal.ZERO;
            BigDecimal half = new BigDecimal("0.5");
            for (int i = 0; i < w.length; i++) {
                BigDecimal u = w[i].abs();
                BigDecimal d = HighPrecision.big(dl[i]);
                BigDecimal piece = u.compareTo(d) <= 0
                        ? half.multiply(u).multiply(u, mc)
                        : d.multiply(u.subtract(half.multiply(d)), mc);
                s = s.add(HighPrecision.big(wt[i]).multiply(piece, mc), mc);
            }
            return s;
        }
        if (f instanceof LeastSquares ls) {
            double[][] xs = ls.features();
            double[] ys = ls.targets();
            BigDecimal s = BigDecimal.ZERO;
            for (int k = 0; k < xs.length; k++) {
                BigDecimal r = HighPrecision.dot(HighPrecision.big(xs[k]), w).subtract(HighPrecision.big(ys[k]));
                s = s.add(r.multiply(r, mc), mc);
            }
            return s.divide(BigDecimal.valueOf(2L * xs.length), mc);
        }
        if (f instanceof Logistic lg) {
            double[][] xs = lg.features();
            double[] ys = lg.labels();
            Dfp s = HighPrecision.DFP.getZero();
            Dfp one = HighPrecision.DFP.getOne();
            for (int k = 0; k < xs.length; k++) {
                // softplus(m) = log(1 + e^m) = max(m, 0) + log(1 + e^-|m|), m = -y_k x_k^T w
                Dfp m = HighPrecision.dfp(HighPrecision.dot(HighPrecision.big(xs[k]), w)
                        .multiply(HighPrecision.big(ys[k]))
                        .negate());
                Dfp pos = m.greaterThan(HighPrecision.DFP.getZero()) ? m : HighPrecision.DFP.getZero();
                s = s.add(pos.add(DfpMath.log(one.add(DfpMath.exp(m.abs().negate())))));
            }
            return HighPrecision.big(s).divide(BigDecimal.valueOf(xs.length), mc);
        }
        throw new IllegalArgumentException("no decimal model of " + f.getClass().getSimpleName());
    }

    /** The instance's fields and the barrier f(z) - chord. */
    @Override
    public Map<String, Object> describe(SegmentInstance in) {
        Map<String, Object> m = in.describe();
        Objective f = in.problem().objective();
        m.put("barrier f(z) - chord", f.value(in.z()) - ((1 - in.a()) * f.value(in.x()) + in.a() * f.value(in.y())));
        return m;
    }

    @Override
    public List<String> labels(SegmentInstance in, Regime r) {
        return List.of(in.problem().family());
    }
}
