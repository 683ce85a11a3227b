package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Targeted search on a deceptive landscape, against pure random search with the same budget.
 *
 * <p>The score is a Rastrigin function (Rastrigin 1974; the usual multimodal benchmark) over
 * [0,1]^5, shifted so its global maximum sits at {@link #PEAK} and scaled so that z = 8 (x - c):
 * score(x) = -sum_i [ z_i^2 + 10 (1 - cos(2 pi z_i)) ]. Along each axis there is a local maximum
 * near every integer z in the box; z spans a length of 8 per coordinate, so there are 8 per
 * coordinate (at least 7, whatever c) and about 8^5 = 32768 local maxima in the box (at least
 * 7^5 = 16807, far more than 3^5). The property fails only within 1e-3 (Euclidean) of the peak,
 * a ball of volume about 5e-15: random tries never land in it.
 *
 * <p>The seed list is fixed. On other seeds the rate is lower: at the time of writing, seeds
 * 11..20 and 21..30 each gave 7 of 10 with the default settings (random search: 0 of 10), so
 * this test pins today's behaviour on these seeds rather than a 90% rate in general.
 */
class TargetedSearchTest {

    /** Not the centre, not a corner, not on the edge-value grid {0, 1}, not a round number. */
    static final double[] PEAK = {0.3137, 0.6821, 0.4412, 0.7253, 0.2689};

    static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

    static final Gen<double[]> POINTS = Gens.combine(
                    Gens.combine(
                                    Gens.doubles(0, 1).knob("x1"),
                                    Gens.doubles(0, 1).knob("x2"))
                            .as((a, b) -> new double[] {a, b}),
                    Gens.combine(
                                    Gens.doubles(0, 1).knob("x3"),
                                    Gens.doubles(0, 1).knob("x4"),
                                    Gens.doubles(0, 1).knob("x5"))
                            .as((c, d, e) -> new double[] {c, d, e}))
            .as((p, q) -> new double[] {p[0], p[1], q[0], q[1], q[2]});

    static double score(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double z = 8 * (x[i] - PEAK[i]);
            s += z * z + 10 * (1 - Math.cos(2 * Math.PI * z));
        }
        return -s;
    }

    static Property<double[]> property(long seed) {
        return Property.forAll("not near the peak", POINTS, (x, t) -> {
                    t.target(score(x));
                    double d2 = 0;
                    for (int i = 0; i < x.length; i++) {
                        d2 += (x[i] - PEAK[i]) * (x[i] - PEAK[i]);
                    }
                    if (Math.sqrt(d2) < 1e-3) {
                        throw new AssertionError("within 1e-3 of the peak");
                    }
                })
                .tries(5000)
                .seed(seed);
    }

    @Test
    void landscapeHasTheStatedShape() {
        assertThat(score(PEAK)).isEqualTo(0.0);
        // A local maximum one basin away along x1 (z1 = 1): lower than the peak, higher than its
        // neighbourhood.
        double[] local = PEAK.clone();
        local[0] += 1.0 / 8;
        double[] off = local.clone();
        off[0] += 0.02;
        assertThat(score(local)).isLessThan(score(PEAK)).isGreaterThan(score(off));
    }

    @Test
    void targetedFindsThePeakWhereRandomSearchDoesNot() {
        int targeted = 0;
        int random = 0;
        for (long seed : SEEDS) {
            PropertyResult<double[]> t = property(seed).run();
            if (t.failed()) {
                assertThat(t.foundBy()).isEqualTo(Phase.TARGETED);
                targeted++;
            }
            PropertyResult<double[]> r = property(seed).targetedShare(0).run();
            if (r.failed()) {
                random++;
            }
            // targetedShare(0) really disables the targeted phase: every try is an edge or random try,
            // and none was found by TARGETED.
            assertThat(r.tries()).isEqualTo(5000);
            assertThat(r.foundBy()).isNotEqualTo(Phase.TARGETED);
            System.out.printf(
                    Locale.ROOT,
                    "seed %d: targeted %s (best score %.3g), random %s (best score %.3g)%n",
                    seed,
                    t.status(),
                    t.bestScore(),
                    r.status(),
                    r.bestScore());
        }
        System.out.printf(
                Locale.ROOT,
                "targeted search found the peak for %d of %d seeds, random search for %d%n",
                targeted,
                SEEDS.size(),
                random);
        assertThat(targeted).isGreaterThanOrEqualTo(9);
        assertThat(random).isLessThanOrEqualTo(1);
    }
}
