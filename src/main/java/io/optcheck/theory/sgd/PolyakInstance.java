package io.optcheck.theory.sgd;

import io.optcheck.problem.CenteredHuberSum;
import io.optcheck.problem.Num;
import io.optcheck.theory.Described;
import io.optcheck.theory.stat.Seeds;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of sgd.polyak-averaging: a convex Huber sum with no quadratic part (so f is
 * Lipschitz), a start, the schedule eta_t = a/(t + 1)^p with a = h R/G, and Gaussian noise of
 * scale s per coordinate.
 *
 * <p>Certified constants, computed from the stored doubles in exact arithmetic and rounded UP:
 * <ul>
 *   <li>G^2 = sum_i (sum_{k on i} |a_k| delta_k)^2 + d s^2 &gt;= E||g||^2 at every x: the Huber
 *       derivative is bounded by delta, so |f_i'| &lt;= sum_k |a_k| delta_k, and the independent
 *       zero-mean noise adds exactly d s^2 to E||g||^2.</li>
 *   <li>R^2 = ||x0 - x*||^2 with x* the exact minimizer nearest x0 (CenteredHuberSum's
 *       certificate); R^2 = 1 when x0 is a minimizer (any R &gt;= ||x0 - x*|| is allowed).</li>
 *   <li>f* the exact minimum, rounded to the nearest double (its rounding goes into the tolerance).</li>
 * </ul>
 *
 * @param f the objective (q = 0)
 * @param x0 the start
 * @param h the step scale: a = h R / G (h = 1 and p = 0 is the R/G step optimal at T = 1)
 * @param p the decay exponent in [0, 1]
 * @param s the noise scale per coordinate
 */
public record PolyakInstance(CenteredHuberSum f, double[] x0, double h, double p, double s) implements Described {

    private static final MathContext UP = new MathContext(60, RoundingMode.CEILING);

    public PolyakInstance {
        if (f.q() != 0) {
            throw new IllegalArgumentException("need q = 0 (a Lipschitz f), got q = " + f.q());
        }
    }

    public int d() {
        return f.dimension();
    }

    /** The certified G^2 (rounded up). */
    public double g2() {
        BigDecimal[] slope = new BigDecimal[d()];
        Arrays.fill(slope, BigDecimal.ZERO);
        for (CenteredHuberSum.Term t : f.terms()) {
            slope[t.coordinate()] = slope[t.coordinate()].add(
                    new BigDecimal(Math.abs(t.curvature())).multiply(new BigDecimal(t.kink())));
        }
        BigDecimal sum = new BigDecimal(s).multiply(new BigDecimal(s)).multiply(BigDecimal.valueOf(d()));
        for (BigDecimal v : slope) {
            sum = sum.add(v.multiply(v));
        }
        return up(sum);
    }

    /** The certified R^2 (rounded up), 1 when x0 is a minimizer. */
    public double r2() {
        BigDecimal[] xs = f.exactNearestMinimizer(x0);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < x0.length; i++) {
            BigDecimal dx = new BigDecimal(x0[i]).subtract(xs[i]);
            sum = sum.add(dx.multiply(dx));
        }
        return sum.signum() == 0 ? 1.0 : up(sum);
    }

    public double fStar() {
        return f.exactFStar().doubleValue();
    }

    /** a = h R / G. */
    public double a() {
        return h * Math.sqrt(r2() / g2());
    }

    /** The step eta_t, recomputed by the checker from the schedule (never read from the method). */
    public double eta(int t) {
        return p == 0 ? a() : a() / StrictMath.pow(t + 1.0, p);
    }

    static double up(BigDecimal v) {
        double d = v.round(UP).doubleValue();
        while (new BigDecimal(d).compareTo(v) < 0) {
            d = Math.nextUp(d);
        }
        return d;
    }

    public long key() {
        return Seeds.key(Seeds.key(f.describe().hashCode()), Seeds.key(x0), h, p, s);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f", f.describe());
        m.put("d", d());
        m.put("x0", Num.fmt(x0));
        m.put("R^2", r2());
        m.put("G^2", g2());
        m.put("schedule", "eta_t = " + Num.fmt(a()) + "/(t + 1)^" + Num.fmt(p));
        m.put("h = a G/R", h);
        m.put("noise", "gaussian(s = " + Num.fmt(s) + " per coordinate)");
        return m;
    }
}
