package io.optcheck.theory.conf;

import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodState;
import io.optcheck.method.Trajectory;
import io.optcheck.method.plugin.PluginMethod;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.util.Optional;

/**
 * conf.checkpoint-resume: copy the state after k steps and continue from the copy: the iterates
 * are bit-identical to those of the uninterrupted run. For a plug-in the copy is
 * {@code Optimizer.copy}; optcheck's own methods have immutable states, which are their own copy.
 * Not applicable to a plug-in that declares {@code supportsCopy() = false}.
 */
public final class CheckpointResume extends ConformanceProperty {

    public CheckpointResume(MethodProvider provider) {
        super("conf.checkpoint-resume", provider);
    }

    @Override
    protected Optional<String> applicability(Regime regime) {
        if (provider() instanceof PluginProvider p) {
            Method<?> m;
            try {
                m = p.create(ConfGens.probe(kind(), ranges()));
            } catch (RuntimeException e) {
                return Optional.empty(); // the property itself will report the error
            }
            if (m instanceof PluginMethod<?> pm && !pm.optimizer().supportsCopy()) {
                return Optional.of(methodId() + " declares supportsCopy() = false: its state cannot be copied, so "
                        + "checkpoint/resume cannot be checked");
            }
        }
        return Optional.empty();
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return holdsOnly(regime, new ConfGens.Options(false, false, false, false, false, false, false, true, false));
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        Trajectory whole = run(method(in.h()), oracle(in), in.x0(), steps());
        Method<?> m = method(in.h());
        Trajectory head = run(m, oracle(in), in.x0(), Math.min(in.k(), whole.steps()));
        // An optimizer that could not even be started leaves no state to copy: the result is that run's
        // error or refusal, naming what the optimizer threw. (A run that fails later, e.g. overflows,
        // is still compared with its resumed copy up to where it stopped.)
        if (head.finalState() == null && (failed(head) || failed(whole))) {
            return TrajectoryCheck.finish(
                    new Evaluation.Builder(), failed(head) ? head : whole, new TrajectoryCheck.Series());
        }
        int k = head.steps();
        MethodState copy = copy(m, head.finalState());
        return resumeAndCheck(
                m,
                oracle(in),
                copy,
                whole.steps() - k,
                (t, prev, cur, series) -> bitIdentity(
                        "max_i |x_k+t,i(resumed from copy) - x_k+t,i(uninterrupted)|", t, cur, moved(whole.x(k + t))));
    }

    private static boolean failed(Trajectory tr) {
        return tr.status() == Trajectory.Status.ERROR || tr.status() == Trajectory.Status.REFUSED;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MethodState copy(Method<?> m, MethodState s) {
        if (m instanceof PluginMethod pm) {
            return pm.copy((PluginMethod.State) s);
        }
        return s;
    }
}
