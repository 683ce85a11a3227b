package io.optcheck.theory.conf;

import io.optcheck.method.MethodProvider;
import io.optcheck.method.Trajectory;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;

/**
 * conf.determinism: two fresh methods with the same hyperparameters, started at the same x0 on
 * the same exact gradients, give bit-identical iterates at every step of the whole run. A method
 * that reads a clock, an unseeded random source or shared mutable state fails it; so does one
 * whose run ends early (throws, refuses, or returns NaN or an infinite value), with the step and
 * the cause.
 */
public final class Determinism extends ConformanceProperty {

    public Determinism(MethodProvider provider) {
        super("conf.determinism", provider);
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return holdsOnly(regime, ConfGens.Options.plain());
    }

    /**
     * Compares the two runs over all {@link #steps()} steps, not only over the prefix the first run
     * reached: a run that ends early (a refusal, an exception, a NaN or infinite value) is a
     * failure with its step and cause, and so is a second run that goes on where the first ended.
     */
    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        int steps = steps();
        Trajectory first = run(method(in.h()), oracle(in), in.x0(), steps);
        int reached = first.steps();
        String firstEnd = endingText(first);
        Evaluation second = check(
                method(in.h()),
                oracle(in),
                in.q(),
                in.x0(),
                steps,
                (t, prev, cur, series) -> t <= reached
                        ? bitIdentity("max_i |x_t,i(run 2) - x_t,i(run 1)|", t, cur, moved(first.x(t)))
                        : Check.atMost(
                                "run 2 made step " + t + ", run 1 did not (" + firstEnd + ")",
                                t,
                                Double.POSITIVE_INFINITY,
                                0,
                                0));
        if (second.violation() != null
                || second.ending() != Evaluation.Ending.COMPLETED
                || first.status() == Trajectory.Status.COMPLETED) {
            // A difference, or the second run ended early itself (its step and cause are in the ending).
            return second;
        }
        // The second run stopped (converged to the gradient floor) before the step where the first one ended.
        Evaluation.Ending ending =
                first.status() == Trajectory.Status.REFUSED ? Evaluation.Ending.REFUSED : Evaluation.Ending.ERROR;
        return new Evaluation(
                null,
                second.undecided(),
                second.worst(),
                ending,
                "run 1: " + firstEnd,
                reached + 1,
                second.series(),
                second.checks(),
                second.bounded(),
                second.resolved());
    }

    private static String endingText(Trajectory tr) {
        if (tr.ending() instanceof Trajectory.Failed f) {
            return "ended at step " + f.step() + ": " + f.message();
        }
        if (tr.ending() instanceof Trajectory.Refused rf) {
            return "refused at step " + rf.step() + ": " + rf.reason();
        }
        return "completed " + tr.steps() + " steps";
    }
}
