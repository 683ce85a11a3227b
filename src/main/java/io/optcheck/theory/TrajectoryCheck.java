package io.optcheck.theory;

import io.optcheck.method.Method;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a method on an objective and checks a per-step conclusion at every step t &gt;= 1,
 * stopping at the first violation (before a diverging run overflows). The checker sees only the
 * iterates and recomputes f and grad f itself from the objective; it never trusts values the
 * method reports. Every theorem that checks a trajectory step by step goes through here. The check
 * is streamed ({@link Runner#stream}): memory independent of the number of steps, apart from the
 * series a check chooses to keep for the plot.
 */
public final class TrajectoryCheck {

    private TrajectoryCheck() {}

    /**
     * Below this gradient norm (2^-970, i.e. 2^52 above the smallest normal double) a computed
     * gradient has lost its relative precision to underflow, so no inequality about the step can
     * be read; the run ends there, as converged to the floating-point floor.
     */
    public static final double GRADIENT_FLOOR = 0x1p-970;

    /** A conclusion checked on the step from x_{t-1} to x_t. */
    @FunctionalInterface
    public interface StepCheck {
        /**
         * @param t the step, 1 for the first
         * @param previous x_{t-1} (a copy)
         * @param current x_t (a copy)
         * @param series per-step curves for plots; add points with {@link Series#point}
         * @return the check of step t, or null when the conclusion checks nothing at this step
         */
        Check check(int t, double[] previous, double[] current, Series series);
    }

    /** Named per-step curves, filled while a run is checked. */
    public static final class Series {
        private final Map<String, List<Double>> curves = new LinkedHashMap<>();

        /** Appends a point to the named curve. */
        public void point(String name, double v) {
            curves.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
        }

        /** The curves as arrays. */
        public Map<String, double[]> toArrays() {
            Map<String, double[]> out = new LinkedHashMap<>();
            curves.forEach((k, v) ->
                    out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
            return out;
        }
    }

    /**
     * Gradient-scale invariance checked step by step: the run being checked, on d * grad f, must
     * take the iterates of {@code reference}, the same method's run on grad f from the same start,
     * coordinate by coordinate. After the reference ended early, every later step is a violation
     * (its target is NaN). The tolerance's scale is the sum over steps of the largest
     * |x_t-1,i| + |x_t,i - x_t-1,i|, since rounding accumulates along the path of both runs.
     *
     * @param tighten the teeth test's wrong claim "the scaled run moves (1 + tighten) times as far
     *     as the unscaled one" (0: the theorem as stated)
     */
    public static StepCheck followsReference(Trajectory reference, int dim, double tighten) {
        double[] path = new double[1];
        return (t, prev, cur, series) -> {
            double[] xr = t <= reference.steps() ? reference.x(t) : null;
            double[] xrPrev = reference.x(Math.min(t - 1, reference.steps()));
            double worst = 0;
            double scale = 0;
            for (int i = 0; i < dim; i++) {
                double target = xr == null ? Double.NaN : xr[i];
                if (tighten != 0 && xr != null) {
                    target = xrPrev[i] + (1 + tighten) * (xr[i] - xrPrev[i]);
                }
                double dev = Math.abs(cur[i] - target);
                worst = Double.isNaN(dev) ? Double.POSITIVE_INFINITY : Math.max(worst, dev);
                scale = Math.max(scale, Math.abs(prev[i]) + Math.abs(cur[i] - prev[i]));
            }
            path[0] += scale;
            double tol = Tolerance.of(Math.max(path[0], GRADIENT_FLOOR), dim);
            series.point("max |x_t(d g) - x_t(g)|", worst);
            return Check.atMost("max_i |x_t,i(d * grad) - x_t,i(grad)|", t, worst, 0, tol);
        };
    }

    /** Runs {@code method} for {@code steps} steps on an exact oracle of {@code f}. */
    public static <S extends MethodState> Evaluation run(
            Method<S> method, Objective f, double[] x0, int steps, StepCheck check) {
        return run(method, new ExactOracle(f), f, x0, steps, check);
    }

    /**
     * Runs {@code method} with {@code oracle} (which may be stochastic) and checks each step
     * against {@code f}, the objective the checker evaluates itself.
     */
    public static <S extends MethodState> Evaluation run(
            Method<S> method, GradientOracle oracle, Objective f, double[] x0, int steps, StepCheck check) {
        Evaluation.Builder b = new Evaluation.Builder();
        Series series = new Series();
        // Streamed: each step is checked as it is produced and only x_0 and the last iterate are kept,
        // so memory does not grow with the steps (gd.logistic-max-margin runs 2^17 of them).
        Trajectory tr = Runner.stream(method, oracle, x0, steps, (t, prev, cur) -> {
            double g = Vectors.norm(f.gradient(prev));
            if (g < GRADIENT_FLOOR && g > 0) {
                return true;
            }
            return b.add(check.check(t, prev, cur, series));
        });
        return finish(b, tr, series);
    }

    /** Turns a finished trajectory and the collected checks into an evaluation. */
    public static Evaluation finish(Evaluation.Builder b, Trajectory tr, Series series) {
        Evaluation.Ending ending = switch (tr.status()) {
            case REFUSED -> Evaluation.Ending.REFUSED;
            case ERROR -> Evaluation.Ending.ERROR;
            default -> Evaluation.Ending.COMPLETED;
        };
        String message = null;
        int step = -1;
        if (tr.ending() instanceof Trajectory.Refused r) {
            message = r.reason();
            step = r.step();
        } else if (tr.ending() instanceof Trajectory.Failed fl) {
            message = fl.message();
            step = fl.step();
        }
        return b.build(ending, message, step, series.toArrays());
    }
}
