package io.optcheck.theory.adapt;

import io.optcheck.method.Adam;
import io.optcheck.method.AdaptiveOptions;
import io.optcheck.method.AdaptiveState;
import io.optcheck.method.AmsGrad;
import io.optcheck.method.Method;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.method.exact.ExactAdaptive;
import io.optcheck.oracle.CyclicLinearOracle;
import io.optcheck.problem.HighPrecision;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * adapt.adam-nonconvergence (Reddi, Kale &amp; Kumar 2018, Theorem 1). On the online problem
 * f_t(x) = C x (t mod 3 = 1) else -x on [-1, 1], with b1 = 0, eps = 0, b2 = 1/(1 + C^2) and
 * lr_t = alpha/sqrt(t), alpha &lt; sqrt(1 - b2), Adam drifts to +1 and AMSGrad to -1. Finite
 * checks, on every complete cycle k (steps 3k+1 (the C round), 3k+2, 3k+3), with
 * a = alpha/sqrt(3k+1):
 * <ul>
 *   <li>Adam (with or without bias correction): x_{3k+3} &gt;= min(1, x_{3k} + G_k) with the
 *       derived cycle gain G_k = a_2 sqrt(c_2/V_2) + a_3 sqrt(c_3/V_3) - a_1/sqrt(1 - b2):
 *       a_i = alpha/sqrt(3k+i) the cycle's learning rates, V_2 = b2 C^2 + 1 - b2 and
 *       V_3 = b2 V_2 + 1 - b2 upper bounds on the second moment before the two -1 rounds (v is a
 *       sub-convex combination of past g^2 &lt;= C^2), (1 - b2) C^2 a lower bound on it after the C
 *       round, and c_i = 1 - b2^(3k+i) the bias correction (1 without it). G_k may be negative on
 *       the first cycle; from the second on it is at least about 0.36 a, tending to
 *       (sqrt((1+C^2)/(2C^2)) + 1/sqrt(V_3) - sqrt(1+C^2)/C) a &gt;= 0.6 a.</li>
 *   <li>AMSGrad (Algorithm 2, no bias correction): x_{3k+3} &lt;= max(x_{3k} - (C - 2) a / C,
 *       -1 + 2 a sqrt(1 + C^2) / C^2). Derived: vhat is non-decreasing with (1 - b2) C^2 &lt;=
 *       vhat &lt;= C^2, so the C round moves down by at least a and each -1 round up by at most
 *       a/sqrt(vhat), and the sum of the two up moves is at most the second term's width.</li>
 * </ul>
 * Since the a's sum to infinity, Adam reaches +1 and stays there, and AMSGrad reaches a band
 * around -1 whose width goes to 0: the average iterates go to +1 and -1.
 */
public final class AdamNonconvergence extends DeclaredTheorem<ReddiInstance> {

    static final int CYCLES = 1000;
    /** A wrong constant for the teeth test: above the largest cycle gain 1/sqrt(2) = 0.7071. */
    static final double ADAM_GAIN_WRONG = 0.75;

    /** The theorem as its spec declares it. */
    public AdamNonconvergence() {
        super("adapt.adam-nonconvergence");
    }

    /** The method a regime runs on Reddi's problem: AMSGrad, or Adam with or without bias correction. */
    record Variant(boolean amsgrad, boolean biasCorrection) {}

    static Variant variant(Regime r) {
        return Cases.<Variant>on(r)
                .when("holds", () -> new Variant(false, false))
                .when("bias-corrected", () -> new Variant(false, true))
                .when("amsgrad", () -> new Variant(true, false))
                .get();
    }

    @Override
    public Gen<ReddiInstance> instances(Regime r) {
        // Every regime draws the same instances; only its method differs (named here, so that a spec
        // regime without one is a load error).
        variant(r);
        // C in (2, 100], alpha = a sqrt(1 - b2) with a in (0, 1), x0 in [-1, 1]: the whole stated
        // assumption set (C capped at 100 for a finite search box); edges C = 100, a near 1, x0 = +-1.
        Gen<Double> c = Gens.doubles(2, 100).withEdges(100.0).knob("C").filter("C > 2", v -> v > 2);
        Gen<Double> a = Gens.doubles(0, 1)
                .withEdges(0.999)
                .knob("alpha / sqrt(1 - b2)")
                .filter("0 < a < 1", v -> v > 0 && v < 1);
        Gen<Double> x0 = Gens.doubles(-1, 1).withEdges(-1.0, 1.0).knob("x0");
        return Gens.combine(c, a, x0).as(ReddiInstance::new);
    }

    @Override
    public Evaluation evaluate(ReddiInstance in, Regime r) {
        Variant v = variant(r);
        boolean ams = v.amsgrad();
        AdaptiveOptions o = AdaptiveOptions.defaults()
                .withBetas(0, in.b2())
                .withEps(0, false)
                .withBiasCorrection(v.biasCorrection())
                .withInverseSqrtSchedule(true)
                .withBox(-1, 1);
        Method<AdaptiveState> m = ams ? new AmsGrad(in.alpha(), o) : new Adam(in.alpha(), o);
        double c = in.c();
        Evaluation.Builder b = new Evaluation.Builder();
        TrajectoryCheck.Series series = new TrajectoryCheck.Series();
        String precision = HighPrecision.DECIMAL + " on the real-number trajectory of the reference update ("
                + (ams ? "amsgrad, max over the raw v" : "adam, bias correction " + (v.biasCorrection() ? "on" : "off"))
                + ", b1 = 0, eps = 0, lr_t = alpha/sqrt(t), projection onto [-1, 1]) and the bound";
        double[] cycleStart = {in.x0()};
        double[] sum = {0};
        Trajectory tr = Runner.run(m, new CyclicLinearOracle(c), new double[] {in.x0()}, 3 * CYCLES, (t, prev, cur) -> {
            sum[0] += cur[0];
            if (t % 3 != 0) {
                return false;
            }
            int k = t / 3 - 1;
            double a = in.alpha() / Math.sqrt(3.0 * k + 1);
            double x0 = cycleStart[0];
            double x3 = cur[0];
            cycleStart[0] = x3;
            series.point("x_3k", x3);
            series.point("average iterate", sum[0] / t);
            // scale: the iterates and the three moves of the cycle (each at most about a C/sqrt(vhat))
            double tol = Tolerance.of(Math.abs(x0) + Math.abs(x3) + 3 * a * Math.sqrt(1 + c * c), 1);
            Check ch;
            if (ams) {
                double decrease = (tighten() != 0 ? 1.0 : (c - 2) / c) * a;
                double band = -1 + 2 * a * Math.sqrt(1 + c * c) / (c * c);
                ch = Check.atMost(
                        "x_3k+3 vs max(x_3k - (C-2)a/C, -1 + band)", t, x3, Math.max(x0 - decrease, band), tol);
            } else {
                double gain = tighten() != 0 ? ADAM_GAIN_WRONG * a : cycleGain(in, k, v.biasCorrection());
                ch = Check.atLeast("x_3k+3 vs min(1, x_3k + G_k)", t, x3, Math.min(1, x0 + gain), tol);
            }
            // The recheck captures t only: it replays the instance on the real-number algorithm.
            return b.add(ch.withExact(precision, () -> exactCycleHolds(in, v, t)));
        });
        return TrajectoryCheck.finish(b, tr, series);
    }

    /**
     * The cycle check that ends at step t (a multiple of 3) on the real-number trajectory: Adam or
     * AMSGrad with b1 = 0, eps = 0, lr_t = alpha/sqrt(t) and the projection onto [-1, 1], from x0,
     * on the gradients C, -1, -1, ..., and the bound in the same arithmetic (300-digit decimals;
     * no tolerance).
     */
    boolean exactCycleHolds(ReddiInstance in, Variant v, int t) {
        ExactAdaptive.Update u = new ExactAdaptive.Update(
                in.alpha(),
                in.b2(),
                0,
                false,
                false,
                v.biasCorrection(),
                v.amsgrad() ? ExactAdaptive.Max.RAW : ExactAdaptive.Max.NONE,
                0,
                true,
                -1,
                1);
        ExactAdaptive.Run run = new ExactAdaptive.Run(u, 1);
        BigDecimal c = HighPrecision.big(in.c());
        BigDecimal[] x = {HighPrecision.big(in.x0())};
        BigDecimal x3k = x[0];
        for (int s = 1; s <= t; s++) {
            if (s == t - 2) {
                x3k = x[0];
            }
            x = run.step(x, new BigDecimal[] {s % 3 == 1 ? c : BigDecimal.ONE.negate()});
        }
        int k = t / 3 - 1;
        BigDecimal a = HighPrecision.big(in.alpha()).divide(HighPrecision.sqrt(BigDecimal.valueOf(3L * k + 1)), MC);
        if (v.amsgrad()) {
            BigDecimal decrease = tighten() != 0
                    ? a
                    : c.subtract(BigDecimal.valueOf(2)).multiply(a).divide(c, MC);
            BigDecimal c2 = c.multiply(c);
            BigDecimal band = BigDecimal.valueOf(2)
                    .multiply(a)
                    .multiply(HighPrecision.sqrt(BigDecimal.ONE.add(c2)), MC)
                    .divide(c2, MC)
                    .subtract(BigDecimal.ONE);
            return HighPrecision.holds(true, x[0], x3k.subtract(decrease).max(band));
        }
        BigDecimal gain = tighten() != 0
                ? HighPrecision.big(ADAM_GAIN_WRONG).multiply(a)
                : exactCycleGain(in, k, v.biasCorrection());
        return HighPrecision.holds(false, x[0], BigDecimal.ONE.min(x3k.add(gain)));
    }

    private static final MathContext MC = HighPrecision.MC;

    /** {@link #cycleGain} in 300-digit decimals. */
    static BigDecimal exactCycleGain(ReddiInstance in, int k, boolean biasCorrection) {
        BigDecimal b2 = HighPrecision.big(in.b2());
        BigDecimal oneMinusB2 = BigDecimal.ONE.subtract(b2);
        BigDecimal c = HighPrecision.big(in.c());
        BigDecimal alpha = HighPrecision.big(in.alpha());
        BigDecimal v2 = b2.multiply(c).multiply(c).add(oneMinusB2);
        BigDecimal v3 = b2.multiply(v2, MC).add(oneMinusB2);
        BigDecimal[] a = new BigDecimal[4];
        BigDecimal[] corr = new BigDecimal[4];
        for (int i = 1; i <= 3; i++) {
            a[i] = alpha.divide(HighPrecision.sqrt(BigDecimal.valueOf(3L * k + i)), MC);
            corr[i] = biasCorrection ? BigDecimal.ONE.subtract(b2.pow(3 * k + i, MC)) : BigDecimal.ONE;
        }
        return a[2].multiply(HighPrecision.sqrt(corr[2].divide(v2, MC)), MC)
                .add(a[3].multiply(HighPrecision.sqrt(corr[3].divide(v3, MC)), MC))
                .subtract(a[1].divide(HighPrecision.sqrt(oneMinusB2), MC));
    }

    /**
     * The derived lower bound G_k on Adam's unclipped gain over cycle k (see the class comment):
     * the two up moves at their smallest (second moment at its largest) minus the down move at
     * its largest (second moment at its smallest after the C round).
     */
    static double cycleGain(ReddiInstance in, int k, boolean biasCorrection) {
        double b2 = in.b2();
        double c = in.c();
        double v2 = b2 * c * c + (1 - b2);
        double v3 = b2 * v2 + (1 - b2);
        double a1 = in.alpha() / Math.sqrt(3.0 * k + 1);
        double a2 = in.alpha() / Math.sqrt(3.0 * k + 2);
        double a3 = in.alpha() / Math.sqrt(3.0 * k + 3);
        double c2 = biasCorrection ? 1 - Math.pow(b2, 3.0 * k + 2) : 1;
        double c3 = biasCorrection ? 1 - Math.pow(b2, 3.0 * k + 3) : 1;
        return a2 * Math.sqrt(c2 / v2) + a3 * Math.sqrt(c3 / v3) - a1 / Math.sqrt(1 - b2);
    }
}
