package io.optcheck.theory.land;

import io.optcheck.problem.ExtremeEigenvalues;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.LandscapeProblems;
import io.optcheck.problem.TwoLayerNet;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hipparchus.dfp.Dfp;

/**
 * land.sharpness-reparam (Dinh, Pascanu, Bengio &amp; Bengio 2017). For a ReLU network
 * w2^T relu(W1 x), the rescaling (W1, w2) -&gt; (alpha W1, w2 / alpha), alpha &gt; 0, leaves the
 * function, hence the loss, unchanged (relu(alpha z) = alpha relu(z)), but changes the Hessian and
 * its largest eigenvalue: sharpness is not invariant under reparametrization.
 */
public final class SharpnessReparam extends DeclaredTheorem<ReparamInstance> {

    /** The theorem as its spec declares it. */
    public SharpnessReparam() {
        super("land.sharpness-reparam");
    }

    @Override
    public Gen<ReparamInstance> instances(Regime r) {
        return Cases.<Gen<ReparamInstance>>on(r)
                .when(List.of("holds", "sharpness-invariant"), SharpnessReparam::rescaledNetworks)
                .get();
    }

    /** ReLU networks with Gaussian parameters and a rescaling alpha, off the ReLU kink. */
    private static Gen<ReparamInstance> rescaledNetworks() {
        return LandscapeProblems.networks(TwoLayerNet.Activation.RELU)
                .flatMap(net -> Gens.named("parameters and alpha", s -> {
                    double scale = Gens.logDoubles(0.1, 2).knob("init scale").draw(s);
                    double[] theta = LandscapeProblems.gaussianPoint(s, net.dimension(), scale);
                    double alpha = Gens.logDoubles(0.125, 8)
                            .withSpecials(2.0, 0.5)
                            .knob("alpha")
                            .draw(s);
                    return new ReparamInstance(net, theta, alpha);
                }))
                .filter(
                        "no pre-activation on the ReLU kink (the Hessian exists)",
                        in -> in.net().minAbsPreactivation(in.theta()) > 1e-9
                                && in.net().minAbsPreactivation(in.net().rescaleLayers(in.theta(), in.alpha())) > 1e-9);
    }

    @Override
    public Evaluation evaluate(ReparamInstance in, Regime r) {
        TwoLayerNet net = in.net();
        double[] th = in.theta();
        double[] ta = net.rescaleLayers(th, in.alpha());
        Evaluation.Builder b = new Evaluation.Builder();
        int d = net.dimension();
        if (r.conclusion().equals("loss-invariant")) {
            double f0 = net.value(th);
            double f1 = net.value(ta);
            // The outputs combine |w2_u| |W1_uj x_ij| terms; their rounding moves the loss by at most
            // (1/n) sum_i |r_i| x that, which the scale covers with both parametrizations.
            double[] m0 = net.outputMagnitudes(th);
            double[] m1 = net.outputMagnitudes(ta);
            double s = 0;
            for (int i = 0; i < m0.length; i++) {
                s += (m0[i] + m1[i]) * (m0[i] + m1[i]);
            }
            double scale = f0 + f1 + s / m0.length;
            double tol = Tolerance.of(scale, d);
            double tight = tighten();
            if (b.add(Check.atMost("f(alpha W1, w2/alpha)", 1, f1, f0 * (1 - tight), tol)
                    .withExact(PRECISION, () -> exactHolds(in, true, tight)))) {
                return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
            }
            b.add(Check.atLeast("f(alpha W1, w2/alpha)", 1, f1, f0 * (1 + tight), tol)
                    .withExact(PRECISION, () -> exactHolds(in, false, tight)));
            return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
        }
        ExtremeEigenvalues.Result e0 = ExtremeEigenvalues.ofHessian(net, th, d, 7);
        ExtremeEigenvalues.Result e1 = ExtremeEigenvalues.ofHessian(net, ta, d, 7);
        // Lanczos to the full dimension: each Ritz value is within its residual of an eigenvalue
        // (Parlett, Theorem 4.5.1); the tolerance adds both residuals to the rounding scale.
        double tol = e0.maxResidual() + e1.maxResidual() + Tolerance.of(Math.abs(e0.max()) + Math.abs(e1.max()), d);
        b.add(Check.atMost(
                "|lambda_max(H(alpha W1, w2/alpha)) - lambda_max(H(W1, w2))|",
                1,
                Math.abs(e1.max() - e0.max()),
                0,
                tol));
        return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of("lambda_max", new double[] {e0.max(), e1.max()}));
    }

    /** How the loss-invariance checks are re-evaluated. */
    static final String PRECISION = HighPrecision.DFP_DESCRIPTION
            + ", f at theta and at the real-number rescaling (alpha W1, w2 / alpha), not its rounding";

    /**
     * The loss-invariance check in Dfp: f(alpha W1, w2 / alpha) &lt;= f(W1, w2) (1 - tight), or
     * &gt;= f(W1, w2) (1 + tight), at the exact rescaled parameters.
     */
    static boolean exactHolds(ReparamInstance in, boolean atMost, double tight) {
        TwoLayerNet net = in.net();
        Dfp f0 = net.valueRescaled(in.theta(), 1, HighPrecision.DFP_DIGITS);
        Dfp f1 = net.valueRescaled(in.theta(), in.alpha(), HighPrecision.DFP_DIGITS);
        Dfp bound = f0.multiply(f0.getField().newDfp(atMost ? 1 - tight : 1 + tight));
        return HighPrecision.holds(atMost, f1, bound);
    }

    /** The instance's fields and both sharpnesses. */
    @Override
    public Map<String, Object> describe(ReparamInstance in) {
        Map<String, Object> m = in.describe();
        TwoLayerNet net = in.net();
        double[] ta = net.rescaleLayers(in.theta(), in.alpha());
        m.put("f(alpha W1, w2/alpha)", net.value(ta));
        m.put(
                "lambda_max(H(W1, w2))",
                ExtremeEigenvalues.ofHessian(net, in.theta(), net.dimension(), 7)
                        .max());
        m.put(
                "lambda_max(H(alpha W1, w2/alpha))",
                ExtremeEigenvalues.ofHessian(net, ta, net.dimension(), 7).max());
        return m;
    }

    @Override
    public OptionalDouble thresholdValue(ReparamInstance in, Regime r) {
        return OptionalDouble.of(in.alpha());
    }
}
