package io.optcheck.theory.adapt;

import io.optcheck.api.PluggableOptimizer.Range;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;
import io.optcheck.theory.MethodBinding;
import java.util.SplittableRandom;

/** Generators of the regret theorems' online problems (shared by AdaGrad, AMSGrad and RMSProp). */
final class OnlineGens {

    private OnlineGens() {}

    static final int T = 200;

    /** eps: exactly 0 (the theorems' case) or log-uniform in [1e-12, 1e-2]. */
    static Gen<Double> eps() {
        return Gens.logDoubles(1e-12, 1e-2).withSpecials(0.0).knob("eps");
    }

    /**
     * eps for the method of {@code b}: within the range a plug-in declares for it (its ends as
     * edges; 0 included when the range starts at 0), else {@link #eps()}. The regret bounds hold
     * for every eps &gt;= 0, so no value outside the declared range is needed.
     */
    static Gen<Double> eps(MethodBinding b) {
        if (b.provider() instanceof PluginProvider p && p.ranges().get("eps") != null) {
            Range r = p.ranges().get("eps");
            if (r.min() == r.max()) {
                return Gens.just(r.min());
            }
            if (r.min() > 0) {
                return Gens.logDoubles(r.min(), r.max())
                        .withEdges(r.min(), r.max())
                        .knob("eps");
            }
            return Gens.logDoubles(Math.min(1e-12, r.max()), r.max())
                    .withSpecials(0.0)
                    .knob("eps");
        }
        return eps();
    }

    /**
     * Gradient sequences of length {@value #T} in dimension 1..3, per coordinate either Reddi's
     * cycle (C, -1, -1 with C in (1, 10]) or independent draws in [-1, 1] (exact zeros with
     * probability 0.1) from a seeded generator whose seed is one recorded choice (so shrinking and
     * search work on the knobs, not on T d raw draws), times a scale log-uniform in [1e-3, 1e4];
     * start and comparator in [-1, 1]^d
     * (edges -1, the comparator of Reddi's problem), lr log-uniform in [1e-3, 10], b2 in [0, 0.9999].
     */
    static Gen<OnlineInstance> sequences(Gen<Double> eps) {
        return Gens.named("online gradient sequences", s -> {
            int d = s.draw(Gens.integers(1, 3));
            double[][] g = new double[T][d];
            SplittableRandom rnd = new SplittableRandom(s.drawLong(0, Long.MAX_VALUE, 0));
            for (int j = 0; j < d; j++) {
                double scale = s.draw(Gens.logDoubles(1e-3, 1e4).withEdges(1.0).knob("gradient scale"));
                boolean reddi = s.drawBoolean(0.5);
                double c = s.draw(Gens.doubles(1, 10).withEdges(3.0, 10.0).knob("C"));
                for (int t = 0; t < T; t++) {
                    g[t][j] = scale * (reddi ? (t % 3 == 0 ? c : -1) : draw(rnd));
                }
            }
            double[] x0 = point(s, d, "x0");
            double[] xs = point(s, d, "x*");
            double lr = s.draw(Gens.logDoubles(1e-3, 10).withEdges(1.0).knob("lr"));
            double b2 =
                    s.draw(Gens.doubles(0, 0.9999).withEdges(0.0, 0.1, 0.9999).knob("b2"));
            return new OnlineInstance(g, null, "gradient sequence", x0, xs, lr, b2, s.draw(eps));
        });
    }

    private static double draw(SplittableRandom rnd) {
        return rnd.nextDouble() < 0.1 ? 0 : 2 * rnd.nextDouble() - 1;
    }

    static double[] point(Source s, int d, String name) {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = s.draw(Gens.doubles(-1, 1).withEdges(-1.0).knob(name));
        }
        return x;
    }
}
