package io.optcheck.theory.gd;

import io.optcheck.problem.CenteredHuberSum;
import io.optcheck.problem.HuberProblems;
import io.optcheck.problem.Interpolations;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import java.util.ArrayList;
import java.util.List;

/** Instance generators and statistics labels shared by the GD rate theorems. */
final class RateGens {

    private RateGens() {}

    static final String HUBER = "centered-huber-sum";
    static final String QUADRATIC = "quadratic";
    static final String INTERPOLATED = "interpolation family";
    static final String NOT_STRONGLY = "q = 0 (convex, not strongly convex)";

    /** The factor s &gt; 1 by which a drop:mu-strongly-convex regime overstates mu to the method. */
    static Gen<Double> muOverstated() {
        return Gens.logDoubles(1, 100).knob("mu used / mu").filter("mu overstated", v -> v > 1);
    }

    /** Quadratics of {@link Problems#quadratics()} (b = 0, x* = 0) with a start in [-10, 10]^d. */
    static Gen<RateInstance> quadratics(Gen<Double> h, Gen<Double> muScale) {
        return Problems.quadratics()
                .flatMap(q -> Gens.combine(Problems.points(q.dimension(), 10), h, muScale)
                        .as((x0, hv, s) -> RateInstance.of(q, x0, hv, s)));
    }

    /**
     * The strongly convex closed-form families, half and half: quadratics and strongly convex
     * Huber sums.
     */
    static Gen<RateInstance> stronglyConvexClosedForms(Gen<Double> h, Gen<Double> muScale) {
        return mix(
                1, quadratics(h, muScale), 1, hubers(HuberProblems.huberSums().stronglyConvex(), h, muScale));
    }

    /** Huber sums of a family with a start x0 = m + r u around a minimizer. */
    static Gen<RateInstance> hubers(Gen<CenteredHuberSum> family, Gen<Double> h, Gen<Double> muScale) {
        return family.flatMap(f ->
                Gens.combine(HuberProblems.starts(f), h, muScale).as((x0, hv, s) -> RateInstance.of(f, x0, hv, s)));
    }

    /**
     * The worst-case interpolation family: interpolants of the class with curvature in [mu, 1]
     * (mu = 0: L-smooth convex) through GD-path data of 1..{@code maxSteps} steps with step h and
     * a minimizer, in dimension 1 or 2 ({@link io.optcheck.problem.Interpolations#gdLinePath}).
     */
    static Gen<RateInstance> interpolants(double mu, int minSteps, int maxSteps, Gen<Double> h, Gen<Double> muScale) {
        return Gens.combine(h, muScale, Gens.integers(minSteps, maxSteps), Gens.integers(1, 2))
                .as((hv, s, n, d) -> new Object[] {hv, s, n, d})
                .flatMap(a -> Interpolations.gdLinePath(1.0, mu, (int) a[3], (int) a[2], (double) a[0])
                        .map(draw -> RateInstance.of(draw, (int) a[3], (double) a[0], (double) a[1])));
    }

    /** Quadratics on one try in {@code quadraticWeight + huberWeight}, Huber sums otherwise. */
    static Gen<RateInstance> mix(
            int quadraticWeight, Gen<RateInstance> quadratics, int huberWeight, Gen<RateInstance> hubers) {
        return Gens.frequency(Gens.weight(quadraticWeight, quadratics), Gens.weight(huberWeight, hubers));
    }

    static List<String> labels(RateInstance in) {
        List<String> l = QuadraticLabels.sized(in.dimension());
        if (in.muBase() > 0 && in.lTrue() / in.muBase() >= 1e3) {
            l.add(QuadraticLabels.KAPPA_GE_1E3);
        }
        if (in.h() == 1.0 || in.h() == 2.0) {
            l.add(QuadraticLabels.ETA_AT_LIMIT);
        }
        l.add(in.family());
        if (in.f() instanceof CenteredHuberSum hs && hs.q() == 0) {
            l.add(NOT_STRONGLY);
        }
        return l;
    }

    /** The hard cases every holds run must generate. */
    static List<Property.Coverage> coverage(boolean withQuadratics, boolean etaLimit) {
        List<Property.Coverage> c = new ArrayList<>();
        if (withQuadratics) {
            c.add(new Property.Coverage(QuadraticLabels.DIM_GE_10, 1));
            c.add(new Property.Coverage(QuadraticLabels.KAPPA_GE_1E3, 1));
        }
        if (etaLimit) {
            c.add(new Property.Coverage(QuadraticLabels.ETA_AT_LIMIT, 1));
        }
        return c;
    }
}
