package io.optcheck.problem;

import io.optcheck.prop.DoubleGen;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Generators of {@link CenteredHuberSum} objectives: smooth convex (or, with dips, non-convex)
 * one- and low-dimensional functions whose constants are computed exactly from the drawn
 * doubles. Every continuous parameter (kink, slope, centre, the quadratic's share, the dip's
 * share) is a knob, so targeted search can move toward worst cases (such as the Huber function
 * that attains the convex rate of Drori &amp; Teboulle 2014) without being handed them.
 */
public final class HuberProblems {

    private HuberProblems() {}

    /** Kinks delta, log-uniform. */
    static final DoubleGen KINK = Gens.logDoubles(0.1, 10).knob("kink");
    /** Outer slopes a delta, log-uniform. */
    static final DoubleGen SLOPE = Gens.logDoubles(0.1, 10).knob("slope");
    /** Centres c. */
    static final DoubleGen CENTRE = Gens.doubles(-2, 2).knob("centre");
    /** q as a share of the largest term curvature. */
    static final DoubleGen Q_SHARE = Gens.logDoubles(1e-3, 1).knob("quadratic share");
    /** A dip's outer slope as a share of the positive slopes of its coordinate. */
    static final DoubleGen DIP_SHARE = Gens.doubles(0.05, 0.95).knob("dip share");

    /**
     * The family: dimension in [min, max], 1 to 3 Huber terms per coordinate with kink
     * delta in [0.1, 10], outer slope a delta in [0.1, 10] (so a = slope/kink, rounded once) and
     * centre in [-2, 2]; plus (q/2)||x||^2 with q = share * max a, share in [1e-3, 1], or q = 0.
     * Immutable options.
     */
    public static final class HuberSumGen implements Gen<CenteredHuberSum> {
        private final int minDim;
        private final int maxDim;
        private final boolean strongly;
        private final boolean dips;

        private HuberSumGen(int minDim, int maxDim, boolean strongly, boolean dips) {
            if (minDim < 1 || maxDim < minDim) {
                throw new IllegalArgumentException("dimensions need 1 <= min <= max, got " + minDim + ".." + maxDim);
            }
            this.minDim = minDim;
            this.maxDim = maxDim;
            this.strongly = strongly;
            this.dips = dips;
        }

        /** Dimensions in [min, max] (default 1..3). */
        public HuberSumGen dimensions(int min, int max) {
            return new HuberSumGen(min, max, strongly, dips);
        }

        /** Always q &gt; 0, so f is q-strongly convex (without dips). */
        public HuberSumGen stronglyConvex() {
            return new HuberSumGen(minDim, maxDim, true, dips);
        }

        /**
         * Adds one concave dip -a' psi_delta'(x_1 - c') to the first coordinate, whose outer slope
         * is a share in [0.05, 0.95] of that coordinate's positive slopes (so f stays bounded
         * below), and keeps only sums whose smallest curvature is negative: f is not convex. Every
         * other choice is drawn exactly as without dips.
         */
        public HuberSumGen withDips() {
            return new HuberSumGen(minDim, maxDim, strongly, true);
        }

        @Override
        public CenteredHuberSum generate(Source s) {
            int d = s.draw(Gens.integers(minDim, maxDim));
            List<CenteredHuberSum.Term> terms = new ArrayList<>();
            double maxA = 0;
            double firstSlopes = 0;
            for (int i = 0; i < d; i++) {
                int k = s.draw(Gens.integers(1, 3));
                for (int j = 0; j < k; j++) {
                    double kink = KINK.draw(s);
                    double slope = SLOPE.draw(s);
                    double a = slope / kink;
                    maxA = Math.max(maxA, a);
                    if (i == 0) {
                        firstSlopes += a * kink;
                    }
                    terms.add(new CenteredHuberSum.Term(i, a, kink, CENTRE.draw(s)));
                }
            }
            double q;
            if (strongly) {
                q = Q_SHARE.draw(s) * maxA;
            } else {
                q = s.draw(Gens.frequency(Gens.weight(1, Gens.just(0.0)), Gens.weight(1, Q_SHARE))) * maxA;
            }
            if (dips) {
                double kink = KINK.draw(s);
                double slope = DIP_SHARE.draw(s) * firstSlopes;
                terms.add(new CenteredHuberSum.Term(0, -slope / kink, kink, CENTRE.draw(s)));
                CenteredHuberSum f = new CenteredHuberSum(d, q, terms);
                if (f.minCurvature() >= 0) {
                    // Convex after all: not in the non-convex family; nonConvex(...) filters it out.
                    throw new NotInFamily();
                }
                return f;
            }
            return new CenteredHuberSum(d, q, terms);
        }

        @Override
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "huberSums(d %d..%d%s%s)",
                    minDim,
                    maxDim,
                    strongly ? ", strongly convex" : "",
                    dips ? ", with a dip (not convex)" : "");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Thrown inside generation when a dip left the sum convex; wrapped into a filter. */
    static final class NotInFamily extends RuntimeException {
        NotInFamily() {
            super("the dip left the sum convex", null, false, false);
        }
    }

    /** Convex Huber sums, dimension 1..3, q = 0 (convex only) on about half the draws. */
    public static HuberSumGen huberSums() {
        return new HuberSumGen(1, 3, false, false);
    }

    /**
     * Non-convex Huber sums: {@link #huberSums()} (or its strongly convex variant) with one dip,
     * filtered to those whose smallest curvature is negative.
     */
    public static Gen<CenteredHuberSum> nonConvex(HuberSumGen base) {
        HuberSumGen g = base.withDips();
        Gen<Optional<CenteredHuberSum>> tryDraw = Gens.named(g.describe(), s -> {
            try {
                return Optional.of(g.generate(s));
            } catch (NotInFamily e) {
                return Optional.empty();
            }
        });
        return tryDraw.filter("dip makes f non-convex", Optional::isPresent).map(Optional::get);
    }

    /**
     * Starts x0 = m + r u around a reference minimizer m, with the start radius r log-uniform in
     * [0.01, 100] and the direction u in [-1, 1]^d, all knobs.
     */
    public static Gen<double[]> starts(CenteredHuberSum f) {
        DoubleGen radius = Gens.logDoubles(0.01, 100).knob("start radius");
        DoubleGen dir = Gens.doubles(-1, 1).knob("start direction");
        return Gens.named("starts around x*", s -> {
            double r = radius.draw(s);
            double[] m = f.referenceMinimizer();
            double[] x0 = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                x0[i] = m[i] + r * dir.draw(s);
            }
            return x0;
        });
    }
}
