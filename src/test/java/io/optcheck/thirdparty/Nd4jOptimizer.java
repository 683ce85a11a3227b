package io.optcheck.thirdparty;

import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import java.util.concurrent.atomic.AtomicReference;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * An ND4J updater (an {@link IUpdater} configuration from {@code org.nd4j.linalg.learning.config})
 * as an optcheck {@link Optimizer}, driven through ND4J's documented path, as Deeplearning4j's
 * own updater drives it:
 * <pre>
 *   view    = zeros(1, config.stateSize(d));  updater = config.instantiate(view, true);
 *   step t: a = [g_t] (a 1 x d row);  updater.applyUpdater(a, iteration = t, epoch = 0);
 *           x_{t+1} = x_t - a          (applyUpdater turns the gradient, in place, into the update)
 * </pre>
 * <p><b>Iteration counter.</b> ND4J counts iterations from 0: its native Adam-type kernels use
 * {@code beta^(iteration + 1)} for the bias corrections (libnd4j {@code updaterAdam.cpp}:
 * {@code beta1T = pow(beta1, iteration + 1)}), and Deeplearning4j hands the updater the number of
 * iterations completed so far. The first step is iteration 0 here (Nd4jHandReproductionTest checks
 * that Adam's first move is then lr sign(g), as Kingma &amp; Ba's first step is).
 *
 * <p><b>Data type.</b> DOUBLE throughout: {@code Nd4j.setDefaultDataTypes(DOUBLE, DOUBLE)} runs
 * once, before any array is made ({@link Started}), and every array is created as DOUBLE.
 *
 * <p><b>State.</b> An ND4J updater keeps its moments in the view array, which {@code applyUpdater}
 * overwrites. Each optcheck state therefore holds a copy of the view taken after its step (d times
 * the number of moment buffers doubles) plus the live updater, which belongs to exactly one state:
 * stepping a state takes the live updater over; stepping a state whose updater was taken (an old
 * state, or a {@link #copy}) first restores one from the copy with
 * {@code config.instantiate(view, false)}, ND4J's documented way of restoring updater state
 * ("initialize = false: no change to view array contents"). {@link #step} never changes the state
 * passed in, so one run's updater state is never shared with another run.
 */
final class Nd4jOptimizer implements Optimizer<Nd4jOptimizer.State> {

    /**
     * ND4J, started once per JVM on first use (never by {@link #Nd4jOptimizer}, so that building an
     * adapter loads no native code: the command line builds one in its own process to read
     * {@code supportsCopy()}, and runs the checks in the plug-in worker). ND4J finds its backend
     * (nd4j-native) with a {@code ServiceLoader} on its own class loader, by default the thread's
     * context class loader; optcheck loads plug-ins in a class loader of their own, so the adapter
     * points ND4J at it first ({@code ND4JClassLoading.setNd4jClassloaderFromClass}, ND4J's hook for
     * this). Without it, Nd4j's class initializer fails with NoAvailableBackendException.
     */
    private static final class Started {
        static {
            ND4JClassLoading.setNd4jClassloaderFromClass(Nd4jOptimizer.class);
            Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        }

        static void ensure() {
            // the class initializer above runs once, on the first call
        }
    }

    /**
     * The live updater, the view array it writes its state into, and the 1 x d array its gradients
     * are handed in (reused from step to step: creating an ND4J array costs about as much as the
     * update itself, and reading one back with {@code toDoubleVector()} as much again; the data
     * buffer is copied in and out instead, measured at well under a microsecond).
     */
    record Live(INDArray view, GradientUpdater<?> updater, INDArray gradient) {}

    /** An immutable view of (x, t, the updater state after step t) plus the live updater. */
    static final class State {
        final double[] x;
        final int t;
        final double[] savedView;
        final AtomicReference<Live> live;

        State(double[] x, int t, double[] savedView, Live live) {
            this.x = x;
            this.t = t;
            this.savedView = savedView;
            this.live = new AtomicReference<>(live);
        }
    }

    private final IUpdater config;

    /**
     * @param config the ND4J updater configuration; it is immutable once built and only read here
     */
    Nd4jOptimizer(IUpdater config) {
        this.config = config;
    }

    /** ND4J's state array for d parameters, or null for a stateless updater (Sgd refuses a view). */
    private INDArray newView(int d) {
        long size = config.stateSize(d);
        return size == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, size);
    }

    private static INDArray gradientArray(int d) {
        return Nd4j.zeros(DataType.DOUBLE, 1, d);
    }

    private Live restore(double[] savedView, int d) {
        if (savedView == null) {
            return new Live(null, config.instantiate((INDArray) null, false), gradientArray(d));
        }
        INDArray view = Nd4j.create(savedView.clone(), new long[] {1, savedView.length}, DataType.DOUBLE);
        return new Live(view, config.instantiate(view, false), gradientArray(d));
    }

    /** A copy of the view's contents (it was created here, contiguous from offset 0). */
    private static double[] snapshot(INDArray view) {
        return view == null ? null : view.data().asDouble();
    }

    @Override
    public State init(double[] x0) {
        Started.ensure();
        INDArray view = newView(x0.length);
        GradientUpdater<?> u = config.instantiate(view, true);
        return new State(x0.clone(), 0, snapshot(view), new Live(view, u, gradientArray(x0.length)));
    }

    @Override
    public State step(State s, Oracle oracle) {
        double[] g = oracle.gradient(s.x.clone());
        Started.ensure();
        Live live = s.live.getAndSet(null);
        if (live == null) {
            live = restore(s.savedView, s.x.length);
        }
        INDArray a = live.gradient();
        a.data().setData(g);
        live.updater().applyUpdater(a, s.t, 0);
        double[] update = a.data().asDouble();
        double[] next = new double[s.x.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = s.x[i] - update[i];
        }
        return new State(next, s.t + 1, snapshot(live.view()), live);
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
        // No live updater: the copy restores one from the saved view when it is stepped.
        return new State(state.x.clone(), state.t, state.savedView == null ? null : state.savedView.clone(), null);
    }
}
