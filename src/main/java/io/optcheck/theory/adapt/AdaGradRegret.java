package io.optcheck.theory.adapt;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProviders;
import io.optcheck.problem.NonconvexProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.KindTheorem;
import io.optcheck.theory.Regime;

/**
 * adapt.adagrad-regret (Duchi, Hazan &amp; Singer, JMLR 2011, Thm 5 and Cor. 6, diagonal AdaGrad,
 * unconstrained). For every gradient sequence, every T and every x*, with G_i = sum_{t&lt;=T}
 * g_t,i^2, M_i = max_{t&lt;=T} (x_t,i - x*_i)^2 and c = sqrt(v_0) + eps:
 * sum_t &lt;g_t, x_t - x*&gt; &lt;= sum_i [(sqrt(G_i) M_i + c (x_1,i - x*_i)^2)/(2 eta) + eta sqrt(G_i)];
 * for convex losses the regret sum_t [f_t(x_t) - f_t(x*)] is at most that. Derived (per
 * coordinate, a sharper form of THEOREMS.md's max over ||.||_inf): with H_t = (sqrt(v_0 + G_t) +
 * eps)/eta non-decreasing, g (x_t - x*) = (H_t/2)(D_t^2 - D_t+1^2) + g^2/(2 H_t); summing by parts,
 * H_1 D_1^2 + (H_T - H_1) M &lt;= sqrt(G_T) M + c D_1^2 (as H_1 &gt;= c and H_T &lt;= sqrt(G_T) + c), and
 * sum_t g_t^2/sqrt(G_t) &lt;= 2 sqrt(G_T). The v_0 term generalises Duchi's delta to the declared
 * initial accumulator (derived here).
 */
public final class AdaGradRegret extends KindTheorem<OnlineInstance> {

    static final int STEPS = 200;
    static final int STEPS_NONCONVEX = 500;

    /** The theorem as its spec declares it. */
    public AdaGradRegret() {
        super("adapt.adagrad-regret");
    }

    /**
     * The teeth. The bound is not tight (worst ratio below 1), so the copy made by
     * withTightenedBounds checks a wrong constant instead: the bound without its eta sum_i sqrt(G_i)
     * term (at T = 1, D -&gt; 0 the regret D |g| exceeds it).
     */
    private boolean wrong() {
        return tighten() != 0;
    }

    @Override
    public Gen<OnlineInstance> instances(Regime r) {
        return Cases.<Gen<OnlineInstance>>on(r)
                .when("holds", this::quadratics)
                .when("adversarial", () -> OnlineGens.sequences(OnlineGens.eps(binding())))
                .when("drop:convex", this::sinePotentials)
                .get();
    }

    private static Gen<Double> lr() {
        return Gens.logDoubles(1e-3, 10).withEdges(1.0).knob("lr");
    }

    /**
     * Convex quadratics (singular ones included). A start whose gradient has a nonzero component
     * below 2^-511 is not representable for the method: g^2 underflows (to 0 at |g| = 4.9e-324,
     * quick seeds 25 and 72), so with eps = 0 the first step divides a nonzero g by sqrt(0) and
     * x_1 is infinite.
     */
    private Gen<OnlineInstance> quadratics() {
        return Problems.quadratics()
                .dimensions(1, 10)
                .singular()
                .flatMap(q -> Gens.combine(
                                Problems.points(q.dimension(), 10)
                                        .filter(
                                                "grad f(x0)^2 representable",
                                                x0 -> squaresRepresentable(q.gradient(x0))),
                                lr(),
                                OnlineGens.eps(binding()))
                        .as((x0, l, e) ->
                                new OnlineInstance(null, q, "convex quadratic", x0, minimizer(q, x0), l, 0, e)));
    }

    /** The non-convex sine potentials of drop:convex. */
    private Gen<OnlineInstance> sinePotentials() {
        return NonconvexProblems.sinePotentials(Gens.doubles(4.7, 20).knob("a"))
                .flatMap(f -> Gens.combine(Problems.points(f.dimension(), 10), lr(), OnlineGens.eps(binding()))
                        .as((x0, l, e) ->
                                new OnlineInstance(null, f, "sine potential", x0, new double[f.dimension()], l, 0, e)));
    }

    /** True when every nonzero component of g has a normal square (|g_i| >= 2^-511). */
    static boolean squaresRepresentable(double[] g) {
        for (double v : g) {
            if (v != 0 && Math.abs(v) < 0x1p-511) {
                return false;
            }
        }
        return true;
    }

    private static double[] minimizer(Quadratic q, double[] x0) {
        return q.certificate().xStar().orElseThrow();
    }

    /** The declared initial accumulator v_0 (0 for the built-in reference). */
    private double v0(double eps) {
        String v = MethodProviders.resolvedConventions(
                        MethodKind.ADAGRAD, binding().declaredConventions())
                .get("initial-accumulator");
        return v.equals("eps") ? eps : Double.parseDouble(v);
    }

    @Override
    protected Evaluation checkOn(OnlineInstance in, Regime r) {
        double eta = in.lr();
        double c = Math.sqrt(v0(in.eps())) + in.eps();
        return RegretCheck.run(
                method(Hyperparameters.of("lr", eta).with("eps", in.eps())),
                in,
                Cases.<Integer>on(r).when("drop:convex", () -> STEPS_NONCONVEX).orElse(() -> STEPS),
                r.conclusion().equals("linearised-regret"),
                1,
                (t, g, sumG2, maxD2, d02) -> {
                    double s = 0;
                    for (int j = 0; j < sumG2.length; j++) {
                        double root = Math.sqrt(sumG2[j]);
                        s += (root * maxD2[j] + c * d02[j]) / (2 * eta) + (wrong() ? 0 : eta * root);
                    }
                    return s;
                });
    }
}
