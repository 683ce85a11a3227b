package io.optcheck.thirdparty;

import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

/**
 * A Tribuo {@link StochasticGradientOptimiser} as an optcheck {@link Optimizer}.
 *
 * <p><b>Sign convention.</b> Tribuo maximizes: its trainers hand the optimiser the gradient of the
 * objective they MAXIMIZE (an ascent direction) and ADD the tensor {@code step} returns to the
 * parameters ({@code Parameters.update}, {@code LinearParameters.update}:
 * {@code weights.intersectAndAddInPlace(gradients[0])}). optcheck minimizes f, so one step is
 * <pre>  u = optimiser.step([-grad f(x)], weight = 1);   x+ = x + u.</pre>
 *
 * <p><b>State.</b> Tribuo's optimisers are mutable objects whose {@code copy()} returns a FRESH
 * optimiser with the same configuration, not a copy of the moment buffers. The state here is
 * therefore (x, t, the ascent gradients fed so far) plus the live Tribuo object, which belongs to
 * exactly one state: stepping a state takes the live object over; stepping a state whose live
 * object was already taken (an old state, or a {@link #copy}) first rebuilds it by feeding a fresh
 * optimiser the recorded gradients again. Tribuo's arithmetic is deterministic, so the rebuilt
 * optimiser is bit-identical and checkpoint/resume holds by construction; {@link #step} never
 * changes the state passed in.
 */
final class TribuoOptimizer implements Optimizer<TribuoOptimizer.State> {

    /** The ascent gradients fed so far, newest first: a shared immutable list, O(1) per step. */
    record Fed(double[] ascent, Fed before, int count) {}

    /** An immutable view of (x, history) plus the live optimiser (owned by one state). */
    static final class State {
        final double[] x;
        final Fed fed;
        final AtomicReference<StochasticGradientOptimiser> live;

        State(double[] x, Fed fed, StochasticGradientOptimiser live) {
            this.x = x;
            this.fed = fed;
            this.live = new AtomicReference<>(live);
        }
    }

    private final Supplier<StochasticGradientOptimiser> factory;

    TribuoOptimizer(Supplier<StochasticGradientOptimiser> factory) {
        this.factory = factory;
    }

    private StochasticGradientOptimiser fresh(int d) {
        StochasticGradientOptimiser o = factory.get();
        o.initialise(new OneVectorParameters(d));
        return o;
    }

    @Override
    public State init(double[] x0) {
        return new State(x0.clone(), null, fresh(x0.length));
    }

    @Override
    public State step(State s, Oracle oracle) {
        double[] g = oracle.gradient(s.x.clone());
        double[] ascent = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            ascent[i] = -g[i];
        }
        StochasticGradientOptimiser o = s.live.getAndSet(null);
        if (o == null) {
            o = fresh(s.x.length);
            List<double[]> oldestFirst = new ArrayList<>();
            for (Fed f = s.fed; f != null; f = f.before()) {
                oldestFirst.add(f.ascent());
            }
            for (int k = oldestFirst.size() - 1; k >= 0; k--) {
                o.step(new Tensor[] {DenseVector.createDenseVector(oldestFirst.get(k))}, 1.0);
            }
        }
        Tensor[] u = o.step(new Tensor[] {DenseVector.createDenseVector(ascent)}, 1.0);
        DenseVector du = (DenseVector) u[0];
        double[] next = new double[s.x.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = s.x[i] + du.get(i);
        }
        return new State(next, new Fed(ascent, s.fed, s.fed == null ? 1 : s.fed.count() + 1), o);
    }

    @Override
    public double[] position(State state) {
        return state.x.clone();
    }

    @Override
    public boolean supportsCopy() {
        return true;
    }

    @Override
    public State copy(State state) {
        // No live optimiser: the copy rebuilds one from the recorded gradients when stepped.
        return new State(state.x.clone(), state.fed, null);
    }
}
