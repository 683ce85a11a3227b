package io.optcheck.theory.adapt;

import io.optcheck.method.Method;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.method.exact.ExactAdaptive;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.HighPrecision;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Tolerance;
import io.optcheck.theory.TrajectoryCheck;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The regret check of the adaptive methods, written once: runs a method on an online instance,
 * recomputes every gradient itself (the sequence's, or grad f at the iterate), tracks per
 * coordinate G = sum g^2, M = max_t (x_t - x*)^2 over the iterates that received a gradient and
 * D0 = (x0 - x*)^2, and checks after every step T the observed regret against a bound.
 *
 * <p>Observed: the linearised regret sum_t &lt;g_t, x_t - x*&gt; for a gradient sequence (or when
 * {@code linearised} is set), the regret sum_t [f(x_t) - f(x*)] for an objective.
 */
final class RegretCheck {

    private RegretCheck() {}

    /** The bound after T gradients, from the running per-coordinate sums; g is the T-th gradient. */
    interface Bound {
        double at(int t, double[] g, double[] sumG2, double[] maxD2, double[] d02);
    }

    static Evaluation run(
            Method<?> method, OnlineInstance in, int objectiveSteps, boolean linearised, double factor, Bound bound) {
        return run(method, in, objectiveSteps, linearised, factor, bound, null, null, null);
    }

    /**
     * The check of a gradient sequence with its higher-precision recheck: each regret check carries
     * {@link #exactHolds}, the same inequality on the real-number trajectory of {@code update} (the
     * reference update of the method's kind and declared conventions) with the bound's
     * denominators {@code boundModel}, in 300-digit decimals; {@code described} names the update in
     * the precision string.
     */
    static Evaluation run(
            Method<?> method,
            OnlineInstance in,
            double factor,
            Bound bound,
            ExactAdaptive.Update update,
            ExactAdaptive.Update boundModel,
            String described) {
        return run(method, in, 0, true, factor, bound, update, boundModel, described);
    }

    private static Evaluation run(
            Method<?> method,
            OnlineInstance in,
            int objectiveSteps,
            boolean linearised,
            double factor,
            Bound bound,
            ExactAdaptive.Update update,
            ExactAdaptive.Update boundModel,
            String described) {
        int d = in.dimension();
        int steps = in.steps(objectiveSteps);
        double[] xs = in.xStar();
        double[] sumG2 = new double[d];
        double[] maxD2 = new double[d];
        double[] d02 = new double[d];
        for (int j = 0; j < d; j++) {
            d02[j] = (in.x0()[j] - xs[j]) * (in.x0()[j] - xs[j]);
        }
        double fStar = in.f() == null ? 0 : in.f().value(xs);
        SequenceOracle seq = in.g() == null ? null : new SequenceOracle(in.g());
        GradientOracle oracle = seq != null ? seq : new ExactOracle(in.f());
        double[] regret = {0};
        double[] scale = {0};
        String precision = update == null
                ? null
                : HighPrecision.DECIMAL + " on the real-number trajectory of the reference update (" + described
                        + ") and the bound's denominators";
        Evaluation.Builder b = new Evaluation.Builder();
        TrajectoryCheck.Series series = new TrajectoryCheck.Series();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Trajectory tr = Runner.run((Method) method, oracle, in.x0(), steps, (t, prev, cur) -> {
            if (seq != null && seq.gradientCalls() != t) {
                long calls = seq.gradientCalls();
                // Counts below 2^53 are exact doubles: the comparison is the integer one.
                return b.add(Check.atMost("gradient calls in " + t + " steps (one per step)", t, calls, t, 0)
                        .withExact("exact integer comparison", () -> calls <= t));
            }
            double[] g = seq != null ? in.g()[t - 1].clone() : in.f().gradient(prev);
            for (int j = 0; j < d; j++) {
                sumG2[j] += g[j] * g[j];
                double dj = prev[j] - xs[j];
                maxD2[j] = Math.max(maxD2[j], dj * dj);
                if (linearised || seq != null) {
                    regret[0] += g[j] * dj;
                    scale[0] += Math.abs(g[j] * dj);
                }
            }
            if (!(linearised || seq != null)) {
                double gap = in.f().value(prev) - fStar;
                regret[0] += gap;
                scale[0] += Math.abs(in.f().value(prev)) + Math.abs(fStar);
            }
            double bd = bound.at(t, g, sumG2, maxD2, d02) * factor;
            series.point("regret", regret[0]);
            series.point("bound", bd);
            Check c = Check.atMost(
                    linearised || seq != null ? "sum_t <g_t, x_t - x*>" : "sum_t f(x_t) - f(x*)",
                    t,
                    regret[0],
                    bd,
                    Tolerance.of(scale[0] + bd, d));
            if (update != null && seq != null) {
                // Captures t only: the instance is immutable, the recheck replays it.
                c = c.withExact(precision, () -> exactHolds(in, update, boundModel, factor, t));
            }
            return b.add(c);
        });
        return TrajectoryCheck.finish(b, tr, series);
    }

    /**
     * sum_t&lt;=T &lt;g_t, x_t - x*&gt; &lt;= factor sum_i [H_T,i M_i + sum_t g_t,i^2/H_t,i]/2 on the
     * real-number trajectory x_t+1 = x_t - lr_t g_t/den_t of {@code update} from x0, with
     * H_t = den_t/lr of {@code boundModel} (the bound's denominators, {@link DenominatorBound}) and
     * M_i = max_t&lt;=T (x_t,i - x*_i)^2, in 300-digit decimals, no tolerance.
     */
    static boolean exactHolds(
            OnlineInstance in, ExactAdaptive.Update update, ExactAdaptive.Update boundModel, double factor, int steps) {
        int d = in.dimension();
        BigDecimal[] x = HighPrecision.big(in.x0());
        BigDecimal[] xs = HighPrecision.big(in.xStar());
        ExactAdaptive.Run method = new ExactAdaptive.Run(update, d);
        ExactAdaptive.Run model = new ExactAdaptive.Run(boundModel, d);
        BigDecimal lr = HighPrecision.big(boundModel.lr());
        BigDecimal regret = BigDecimal.ZERO;
        BigDecimal[] maxD2 = new BigDecimal[d];
        BigDecimal[] inverseSum = new BigDecimal[d];
        Arrays.fill(maxD2, BigDecimal.ZERO);
        Arrays.fill(inverseSum, BigDecimal.ZERO);
        for (int t = 1; t <= steps; t++) {
            BigDecimal[] g = HighPrecision.big(in.g()[t - 1]);
            model.advance(g);
            for (int j = 0; j < d; j++) {
                BigDecimal dj = x[j].subtract(xs[j]);
                maxD2[j] = maxD2[j].max(dj.multiply(dj, HighPrecision.MC));
                regret = regret.add(g[j].multiply(dj, HighPrecision.MC), HighPrecision.MC);
                if (g[j].signum() != 0) {
                    // g^2/H = lr g^2/den
                    inverseSum[j] = inverseSum[j].add(
                            lr.multiply(g[j].multiply(g[j])).divide(model.den(j), HighPrecision.MC), HighPrecision.MC);
                }
            }
            x = method.step(x, g);
        }
        BigDecimal bound = BigDecimal.ZERO;
        for (int j = 0; j < d; j++) {
            BigDecimal hm = model.den(j).multiply(maxD2[j], HighPrecision.MC).divide(lr, HighPrecision.MC);
            bound = bound.add(hm.add(inverseSum[j], HighPrecision.MC), HighPrecision.MC);
        }
        bound = bound.multiply(HighPrecision.big(factor), HighPrecision.MC)
                .divide(BigDecimal.valueOf(2), HighPrecision.MC);
        return HighPrecision.holds(true, regret, bound);
    }

    /** Hands out g_1, g_2, ... one per gradient call, whatever x is; counts calls. */
    static final class SequenceOracle implements GradientOracle {
        private final double[][] g;
        private long calls;

        SequenceOracle(double[][] g) {
            this.g = g;
        }

        @Override
        public int dimension() {
            return g[0].length;
        }

        @Override
        public double value(double[] x) {
            double[] next = g[(int) Math.min(calls, g.length - 1)];
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += next[j] * x[j];
            }
            return s;
        }

        @Override
        public void gradient(double[] x, double[] out) {
            if (calls >= g.length) {
                throw new IllegalStateException(
                        "the gradient sequence has " + g.length + " entries; the method asked for more");
            }
            System.arraycopy(g[(int) calls], 0, out, 0, out.length);
            calls++;
        }

        @Override
        public long valueCalls() {
            return 0;
        }

        @Override
        public long gradientCalls() {
            return calls;
        }
    }
}
