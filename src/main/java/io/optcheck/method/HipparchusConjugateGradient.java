package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Hipparchus's {@link NonLinearConjugateGradientOptimizer} (Polak-Ribiere or Fletcher-Reeves,
 * identity preconditioner, restart every d iterations or when beta &lt; 0) with its
 * {@code LineSearch}: a {@code BracketFinder} started on [0, initialBracketingRange], then Brent
 * minimization stopped by a {@code SimpleUnivariateValueChecker(relativeTolerance,
 * absoluteTolerance)} on consecutive trial values (Hipparchus 4.0.2 source).
 *
 * <p><b>Replay.</b> Hipparchus has no single-step API. On the first {@link #step} the whole run is
 * made once from x_0, and every iterate is recorded through the {@code ConvergenceChecker}: the
 * optimizer calls it at the top of each iteration with (x_{k-1}, x_k) after the line search of
 * iteration k-1, so the recorded points are x_1, x_2, ... in order. The checker stops the run after
 * {@code maxIterations} iterates, or as soon as an iterate equals its predecessor exactly (the
 * line search made no progress: a stationary point within rounding; continuing would divide 0 by
 * 0 in beta). The states then replay the recording: step t returns x_t, and after an early stop
 * the last iterate is repeated. The recording is part of the state, so states stay immutable and
 * copyable.
 *
 * <p>If Hipparchus throws (for example its evaluation limit while the bracket search runs off along
 * a direction of negative curvature), the iterates recorded before are replayed and the step after
 * them throws {@link MethodRefusal} with Hipparchus's message. Non-finite iterates are replayed as
 * they are (the {@link Runner} ends the run at the first one).
 */
public final class HipparchusConjugateGradient implements Method<HipparchusConjugateGradient.State> {

    /** Replay state: x_t, t, and the shared recording of the whole run (null before step 1). */
    public static final class State extends IterateState {
        private final Recording rec;

        State(double[] x, int t, Recording rec) {
            super(x.clone(), t);
            this.rec = rec;
        }
    }

    /** The iterates x_1..x_K of one Hipparchus run (immutable after the run) and why it ended. */
    record Recording(List<double[]> iterates, String failure, boolean stalled) {}

    private final NonLinearConjugateGradientOptimizer.Formula formula;
    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final double initialBracketingRange;
    private final int maxIterations;
    private final int maxEvaluations;

    /**
     * @param formula the beta update
     * @param relativeTolerance Brent's relative value tolerance (Hipparchus default 1e-8)
     * @param absoluteTolerance Brent's absolute value tolerance (default 1e-8)
     * @param initialBracketingRange the bracket search starts on [0, this] (default 1e-8)
     * @param maxIterations iterates recorded at most, {@code >= 1}
     * @param maxEvaluations Hipparchus's evaluation limit (f and grad f together)
     */
    public HipparchusConjugateGradient(
            NonLinearConjugateGradientOptimizer.Formula formula,
            double relativeTolerance,
            double absoluteTolerance,
            double initialBracketingRange,
            int maxIterations,
            int maxEvaluations) {
        if (maxIterations < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("need maxIterations >= 1 and maxEvaluations >= 1");
        }
        this.formula = formula;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
        this.initialBracketingRange = initialBracketingRange;
        this.maxIterations = maxIterations;
        this.maxEvaluations = maxEvaluations;
    }

    public double relativeTolerance() {
        return relativeTolerance;
    }

    public double absoluteTolerance() {
        return absoluteTolerance;
    }

    public double initialBracketingRange() {
        return initialBracketingRange;
    }

    @Override
    public String id() {
        return "hipparchus.ncg";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(x0, 0, null);
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        Recording rec = s.rec != null ? s.rec : record(s.x, oracle);
        if (s.t < rec.iterates().size()) {
            return new State(rec.iterates().get(s.t), s.t + 1, rec);
        }
        if (rec.failure() != null) {
            throw new MethodRefusal("Hipparchus NonLinearConjugateGradientOptimizer stopped after " + s.t
                    + " iterations: " + rec.failure());
        }
        // Stalled (or the recording is exhausted): the optimizer stays where it is.
        return new State(s.x, s.t + 1, rec);
    }

    private Recording record(double[] x0, GradientOracle oracle) {
        List<double[]> its = new ArrayList<>();
        boolean[] stalled = {false};
        NonLinearConjugateGradientOptimizer opt = new NonLinearConjugateGradientOptimizer(
                formula,
                (iteration, previous, current) -> {
                    double[] p = current.getPointRef();
                    its.add(p.clone());
                    if (Arrays.equals(p, previous.getPointRef())) {
                        stalled[0] = true;
                        return true;
                    }
                    return its.size() >= maxIterations;
                },
                relativeTolerance,
                absoluteTolerance,
                initialBracketingRange);
        int d = x0.length;
        String failure = null;
        try {
            opt.optimize(
                    new MaxEval(maxEvaluations),
                    new MaxIter(maxIterations + 2),
                    GoalType.MINIMIZE,
                    new InitialGuess(x0.clone()),
                    new ObjectiveFunction(x -> oracle.value(x.clone())),
                    new ObjectiveFunctionGradient(x -> {
                        double[] g = new double[d];
                        oracle.gradient(x.clone(), g);
                        return g;
                    }));
        } catch (MathRuntimeException | IllegalStateException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Recording(List.copyOf(its), failure, stalled[0]);
    }

    @Override
    public String toString() {
        return "hipparchus.ncg(" + formula + ", rel = " + relativeTolerance + ", abs = " + absoluteTolerance
                + ", bracket = " + initialBracketingRange + ")";
    }
}
