package io.optcheck.theory.land;

import io.optcheck.problem.LandscapeProblems;
import io.optcheck.problem.TwoLayerNet;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * land.gd-preserves-symmetry. If f(P x) = f(x) for a permutation P of the parameters, then
 * grad f(P x) = P grad f(x) (differentiate f o P = f: P^T grad f(P x) = grad f(x)), so from
 * x0 = P x0 every GD iterate satisfies x_t = P x_t: GD cannot break the symmetry, only the
 * initialization can.
 *
 * <p>Checked on two-layer networks (tanh or ReLU) with P the swap of hidden units u and v. The
 * iterates are compared bit for bit: the network computes the same operations, in the same
 * order, for every unit, so identical units get identical bits. The equivariance
 * grad f(P x) = P grad f(x) at arbitrary x is checked with the tolerance of the one operation
 * whose order P changes: the sum over hidden units in each output.
 */
public final class GdPreservesSymmetry extends KindTheorem<SymmetryInstance> {

    /** The theorem as its spec declares it. */
    public GdPreservesSymmetry() {
        super("land.gd-preserves-symmetry");
    }

    static final int STEPS = 50;

    @Override
    public Gen<SymmetryInstance> instances(Regime r) {
        // holds starts at a symmetric point (unit v a copy of unit u); the others at an arbitrary one.
        boolean copy = Cases.<Boolean>on(r)
                .when("holds", () -> true)
                .when(List.of("equivariance", "drop:symmetric-init"), () -> false)
                .get();
        Gen<TwoLayerNet> nets = Gens.oneOf(TwoLayerNet.Activation.TANH, TwoLayerNet.Activation.RELU)
                .flatMap(LandscapeProblems::networks);
        return nets.flatMap(net -> Gens.named("init, units and step", s -> {
            double scale = Gens.logDoubles(0.1, 2).knob("init scale").draw(s);
            double[] theta = LandscapeProblems.gaussianPoint(s, net.dimension(), scale);
            int u = s.draw(Gens.integers(0, net.hidden() - 2));
            int v = s.draw(Gens.integers(u + 1, net.hidden() - 1));
            if (copy) {
                for (int j = 0; j < net.inputs(); j++) {
                    theta[net.w1(v, j)] = theta[net.w1(u, j)];
                }
                theta[net.w2(v)] = theta[net.w2(u)];
            }
            double eta = Gens.logDoubles(1e-3, 0.05).knob("eta").draw(s);
            return new SymmetryInstance(net, theta, u, v, eta);
        }));
    }

    /** max_i |x_i - (P' x)_i| for the claimed relation P' (P itself unless tightened). */
    private double asymmetry(TwoLayerNet net, double[] x, int u, int v) {
        double[] px = net.swapUnits(x, u, v);
        if (tighten() != 0) {
            // Wrong constant for the sensitivity test: "x = P x with unit u's input weights scaled by
            // 1 - eps", false at every symmetric point with W1_u != 0.
            for (int j = 0; j < net.inputs(); j++) {
                px[net.w1(u, j)] *= 1 - tighten();
            }
        }
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double dd = Math.abs(x[i] - px[i]);
            m = Double.isNaN(dd) ? Double.NaN : Math.max(m, dd);
        }
        return m;
    }

    @Override
    protected Evaluation checkOn(SymmetryInstance in, Regime r) {
        TwoLayerNet net = in.net();
        if (r.conclusion().equals("gradient-equivariant")) {
            double[] x = in.theta0();
            double[] px = net.swapUnits(x, in.u(), in.v());
            double[] lhs = net.gradient(px);
            double[] rhs = net.swapUnits(net.gradient(x), in.u(), in.v());
            double[] magX = net.swapUnits(net.gradientMagnitudes(x), in.u(), in.v());
            double[] magPx = net.gradientMagnitudes(px);
            Evaluation.Builder b = new Evaluation.Builder();
            for (int k = 0; k < lhs.length; k++) {
                double want = rhs[k] * (1 - tighten());
                double tol = Tolerance.of(magX[k] + magPx[k] + Math.abs(lhs[k]) + Math.abs(rhs[k]), net.hidden());
                if (b.add(Check.atMost(
                        "|grad f(Px) - P grad f(x)| component " + k, 1, Math.abs(lhs[k] - want), 0, tol))) {
                    break;
                }
            }
            return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
        }
        return TrajectoryCheck.run(method(lr(in.eta())), net, in.theta0(), STEPS, (t, prev, cur, series) -> {
            double a = asymmetry(net, cur, in.u(), in.v());
            series.point("max |x_t - P x_t|", a);
            series.point("f(x_t)", net.value(cur));
            return Check.atMost("max_i |x_t - P x_t|_i (exact)", t, a, 0, 0);
        });
    }

    @Override
    public List<String> labels(SymmetryInstance in, Regime r) {
        return List.of(in.net().activation().name().toLowerCase(Locale.ROOT));
    }
}
