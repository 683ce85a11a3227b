package io.optcheck.theory.land;

import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.PowerObjective;
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
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * land.degenerate-plateau. On f = |x|^p, p &gt; 2 (no strong convexity, no PL), GD with
 * eta p (p-1) |x0|^(p-2) &lt;= 1 converges only sublinearly, |x_t| = Theta(t^(-1/(p-2))), so a
 * linear-rate claim breaks.
 *
 * <p>Write q = p - 2, c = eta p and z = |x|^q. One step maps x to x (1 - c z), with c z0 &lt;= 1/(p-1)
 * by the step condition, and z decreases. Then 1/z_t - 1/z_t-1 = ((1 - c z)^-q - 1)/z lies in
 * [q c, K] with K = c (p-1) max(q, 1/q) (Bernoulli's inequality both ways), which gives the two
 * one-step bounds checked:
 * <pre>  |x_t-1| (1 + K z_t-1)^(-1/q) &lt;= |x_t| &lt;= |x_t-1| (1 + q c z_t-1)^(-1/q),</pre>
 * and by induction (|x0|^-q + K t)^(-1/q) &lt;= |x_t| &lt;= (|x0|^-q + q c t)^(-1/q). The upper
 * bound is tight as x -&gt; 0. The linear-rate conclusion |x_t| &lt;= (1 - eta mu)|x_t-1| holds for
 * |x|^p + (mu/2) x^2 with mu &gt; 0 (the step factor is 1 - eta (p|x|^q + mu)), tight as x -&gt; 0;
 * with mu dropped from the objective but kept in the bound it breaks once p |x|^q &lt; mu.
 */
public final class DegeneratePlateau extends KindTheorem<PowerInstance> {

    /** The theorem as its spec declares it. */
    public DegeneratePlateau() {
        super("land.degenerate-plateau");
    }

    static final int STEPS = 300;

    @Override
    public Gen<PowerInstance> instances(Regime r) {
        Gen<Double> p =
                Gens.doubles(2, 6).withEdges(3.0, 4.0).shrinkDigits(1).knob("p").filter("p > 2", v -> v > 2);
        Gen<Double> x0 = Gens.doubles(-2, 2).shrinkDigits(1).knob("x0").filter("x0 != 0", v -> v != 0);
        Gen<Double> h = Gens.doubles(0, 1)
                .withSpecials(1.0)
                .shrinkDigits(1)
                .knob("eta L")
                .filter("eta L > 0", v -> v > 0);
        // mu as a fraction m of the contraction rate p |x0|^(p-2) of the first step, so that the
        // linear claim is consistent with the first step and breaks only as the contraction weakens.
        Gen<Double> mu = Gens.logDoubles(0.01, 1).knob("mu / curvature at x0");
        Mu regimeMu = Cases.<Mu>on(r)
                .when(List.of("holds", "sublinear-lower"), () -> Mu.NONE)
                .when("linear-rate", () -> Mu.IN_OBJECTIVE)
                .when("drop:mu-strongly-convex", () -> Mu.CLAIMED_ONLY)
                .get();
        boolean withMu = regimeMu != Mu.NONE;
        boolean dropMu = regimeMu == Mu.CLAIMED_ONLY;
        return Gens.combine(p, x0, h, withMu ? mu : Gens.just(0.0)).as((pv, xv, hv, mv) -> {
            double muAbs = mv * pv * StrictMath.pow(Math.abs(xv), pv - 2);
            PowerObjective f = new PowerObjective(pv, dropMu ? 0 : muAbs, Math.abs(xv));
            return new PowerInstance(f, xv, hv, muAbs);
        });
    }

    /**
     * The mu of a regime: none (f = |x|^p), in the objective and the claimed rate, or in the claimed
     * rate only (dropped from the objective).
     */
    private enum Mu {
        NONE,
        IN_OBJECTIVE,
        CLAIMED_ONLY
    }

    @Override
    protected Evaluation checkOn(PowerInstance in, Regime r) {
        PowerObjective f = in.f();
        double eta = in.eta();
        double p = f.p();
        double q = p - 2;
        double c = eta * p;
        double k = c * (p - 1) * Math.max(q, 1 / q);
        String conclusion = r.conclusion();
        return TrajectoryCheck.run(method(lr(eta)), f, new double[] {in.x0()}, STEPS, (t, prev, cur, series) -> {
            Check ch = step(in, conclusion, q, c, k, t, prev, cur, series);
            double x = prev[0];
            double tight = tighten();
            if (ch.marginal() && tight == 0) {
                ch = ch.rechecked(exactHolds(in, conclusion, x, 0));
            }
            return ch.withExact(PRECISION, () -> exactHolds(in, conclusion, x, tight));
        });
    }

    private Check step(
            PowerInstance in,
            String conclusion,
            double q,
            double c,
            double k,
            int t,
            double[] prev,
            double[] cur,
            TrajectoryCheck.Series series) {
        PowerObjective f = in.f();
        double eta = in.eta();
        {
            double a0 = Math.abs(prev[0]);
            double a1 = Math.abs(cur[0]);
            double z = StrictMath.pow(a0, q);
            double g = Math.abs(f.gradient(prev)[0]);
            series.point("|x_t|", a1);
            return switch (conclusion) {
                case "sublinear-upper" -> {
                    double bound = a0 * shrink(q * c * z, q) * (1 - tighten());
                    series.point("bound", bound);
                    yield Check.atMost("|x_t|", t, a1, bound, Tolerance.of(a1 + bound + a0 + eta * g, 1));
                }
                case "sublinear-lower" -> {
                    // Wrong constant for the sensitivity test: K replaced by the leading-order q c.
                    double kk = tighten() != 0 ? q * c : k;
                    double bound = a0 * shrink(kk * z, q);
                    series.point("bound", bound);
                    yield Check.atLeast("|x_t|", t, a1, bound, Tolerance.of(a1 + bound + a0 + eta * g, 1));
                }
                default -> {
                    double bound = (1 - eta * in.muClaimed()) * a0 * (1 - tighten());
                    series.point("bound", bound);
                    yield Check.atMost("|x_t|", t, a1, bound, Tolerance.of(a1 + bound + a0 + eta * g, 1));
                }
            };
        }
    }

    /** How {@link #exactHolds} evaluates, for the recheck record. */
    static final String PRECISION = HighPrecision.DFP_DESCRIPTION
            + ", on the real-number GD step x - eta f'(x) from the recorded x_t-1 (a one-step bound)";

    /**
     * The inequality for the exact GD step from the double x_t-1, in {@link HighPrecision#DFP}
     * arithmetic: x_t = x (1 - eta (p |x|^(p-2) + mu)) (sign-symmetric, so |x| is used), and the
     * bound as the check states it, with the sensitivity tests' tightening {@code tight}.
     */
    static boolean exactHolds(PowerInstance in, String conclusion, double prev, double tight) {
        DfpField field = HighPrecision.DFP;
        PowerObjective f = in.f();
        Dfp a0 = HighPrecision.dfp(Math.abs(prev));
        Dfp eta = HighPrecision.dfp(in.eta());
        Dfp p = HighPrecision.dfp(f.p());
        Dfp q = p.subtract(2);
        Dfp z = a0.isZero() ? field.getZero() : DfpMath.pow(a0, q);
        Dfp one = field.getOne();
        Dfp a1 = a0.multiply(one.subtract(eta.multiply(p.multiply(z).add(HighPrecision.dfp(f.mu())))))
                .abs();
        Dfp shrunk = one.subtract(HighPrecision.dfp(tight));
        return switch (conclusion) {
            case "sublinear-upper", "sublinear-lower" -> {
                boolean upper = conclusion.equals("sublinear-upper");
                Dfp cc = eta.multiply(p);
                // K = c (p - 1) max(q, 1/q) for the lower bound; the sensitivity test's wrong constant q c
                Dfp kk = upper || tight != 0
                        ? q.multiply(cc)
                        : cc.multiply(p.subtract(1)).multiply(q.greaterThan(one) ? q : one.divide(q));
                // (1 + K z)^(-1/q) = exp(-log(1 + K z)/q)
                Dfp bound = a0.multiply(DfpMath.exp(
                        DfpMath.log(one.add(kk.multiply(z))).divide(q).negate()));
                yield upper
                        ? HighPrecision.holds(true, a1, bound.multiply(shrunk))
                        : HighPrecision.holds(false, a1, bound);
            }
            default ->
                HighPrecision.holds(
                        true,
                        a1,
                        one.subtract(eta.multiply(HighPrecision.dfp(in.muClaimed())))
                                .multiply(a0)
                                .multiply(shrunk));
        };
    }

    /**
     * (1 + u)^(-1/q) as exp(-log1p(u)/q): accurate to a few ulps even for q near 0, where pow(1 + u,
     * -1/q) would amplify the rounding of 1 + u by 1/q.
     */
    static double shrink(double u, double q) {
        return StrictMath.exp(-StrictMath.log1p(u) / q);
    }
}
