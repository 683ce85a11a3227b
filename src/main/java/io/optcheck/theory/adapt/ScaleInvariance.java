package io.optcheck.theory.adapt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.GradientDescent;
import io.optcheck.method.Method;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.SignSgd;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.AffineGradientOracle;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.util.List;

/**
 * adapt.scale-invariance (THEOREMS.md section 4; no published source). Multiplying every gradient
 * coordinate-wise by a fixed d &gt; 0 leaves Adam's update sequence unchanged when eps = 0 (m
 * scales by d, sqrt(v) by d, so m^/sqrt(v^) does not change) and leaves signSGD's unchanged
 * (sign(d g) = sign(g)); GD's update scales with d. The check runs the method twice from the same
 * start, once on grad f and once on d * grad f, and compares the iterates at every step.
 */
public final class ScaleInvariance extends KindTheorem<ScaleInstance> {

    /** The theorem as its spec declares it. */
    public ScaleInvariance() {
        super("adapt.scale-invariance");
    }

    static final int STEPS = 20;

    /** On a plug-in, only the regimes about Adam itself (the others contrast optcheck's own methods). */
    @Override
    protected boolean keeps(Regime r) {
        return binding().isBuiltIn() || methodOf(r).equals("adam");
    }

    /** The method a regime is about: Adam, or one of the contrast methods signSGD and GD. */
    private static String methodOf(Regime r) {
        return Cases.<String>on(r)
                .when(List.of("holds", "drop:eps-zero"), () -> "adam")
                .when("signsgd", () -> "signsgd")
                .when("drop:normalized-update", () -> "gd")
                .get();
    }

    @Override
    public Gen<ScaleInstance> instances(Regime r) {
        String method = methodOf(r);
        Gen<Double> eps =
                Cases.is(r, "drop:eps-zero") ? Gens.logDoubles(1e-12, 1e-2).knob("eps") : Gens.just(0.0);
        Gen<Double> lr = method.equals("gd")
                ? Gens.doubles(0, 1).withEdges(1.0).knob("eta L").filter("eta > 0", v -> v > 0)
                : Gens.logDoubles(1e-4, 1).withEdges(1.0).knob("lr");
        Gen<double[]> betas = Gens.combine(
                        Gens.doubles(0, 0.99).withEdges(0.0, 0.9).knob("b1"),
                        Gens.doubles(0, 0.9999).withEdges(0.999).knob("b2"))
                .as((a, b) -> new double[] {a, b});
        Gen<Double> lrF = lr;
        Gen<Double> epsF = eps;
        return Problems.quadratics()
                .flatMap(q -> Gens.combine(
                                Gens.combine(
                                                Problems.points(q.dimension(), 10),
                                                // d_i = 2^k_i with k_i a whole number in [-10, 10] (k = 0, no scaling,
                                                // is where it shrinks).
                                                // Scaling by a power of two commutes with every IEEE rounding (away
                                                // from overflow and
                                                // underflow), so with eps = 0 both runs make bit-for-bit the same
                                                // roundings and the
                                                // exact-arithmetic statement can be checked exactly. With a general
                                                // real d the two
                                                // runs round differently and Adam's normalization amplifies the
                                                // difference chaotically
                                                // (5.4e-14 against a path tolerance of 3.9e-14 after 18 steps,
                                                // dimension 1, b2 = 0).
                                                Gens.doubleArrays(
                                                                Gens.doubles(-10, 10)
                                                                        .shrinkDigits(0)
                                                                        .knob("log2 d"),
                                                                q.dimension())
                                                        .map(ScaleInvariance::powersOfTwo))
                                        .as((x0, d) -> new double[][] {x0, d}),
                                lrF,
                                betas,
                                epsF)
                        .as((xd, l, b, e) -> new ScaleInstance(q, xd[0], xd[1], method, l, b[0], b[1], e)));
    }

    static double[] powersOfTwo(double[] k) {
        double[] d = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            d[i] = Math.scalb(1.0, (int) Math.round(k[i]));
        }
        return d;
    }

    /**
     * The checked method: the theorem's Adam through the binding; signSGD and GD, the contrast
     * regimes about other methods, are optcheck's own and run only in the built-in theorem.
     */
    private Method<? extends MethodState> method(ScaleInstance in) {
        return switch (in.method()) {
            case "signsgd" -> new SignSgd(in.lr());
            case "gd" -> new GradientDescent(in.lr() / in.q().certificate().L().orElseThrow());
            default ->
                method(Hyperparameters.of("lr", in.lr())
                        .with("b1", in.b1())
                        .with("b2", in.b2())
                        .with("eps", in.eps()));
        };
    }

    @Override
    protected Evaluation checkOn(ScaleInstance in, Regime r) {
        return evaluateTyped(method(in), in);
    }

    private <S extends MethodState> Evaluation evaluateTyped(Method<S> method, ScaleInstance in) {
        Quadratic q = in.q();
        int dim = q.dimension();
        // The unscaled run is the reference; the checked run sees d * grad f.
        Trajectory ref = Runner.run(method, new ExactOracle(q), in.x0(), STEPS);
        return TrajectoryCheck.run(
                method,
                AffineGradientOracle.scaled(q, in.d()),
                q,
                in.x0(),
                STEPS,
                TrajectoryCheck.followsReference(ref, dim, tighten()));
    }
}
