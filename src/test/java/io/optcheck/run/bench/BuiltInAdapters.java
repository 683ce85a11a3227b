package io.optcheck.run.bench;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.MethodState;
import io.optcheck.oracle.GradientOracle;

/**
 * Plug-ins that wrap optcheck's own reference methods (GD, heavy ball, Adam), written as a user
 * would write an adapter around their optimizer. Checked through the plug-in path they must give
 * the built-in's verdicts; {@link PluginSpeedBench} times them against the built-ins.
 */
public final class BuiltInAdapters {

    private BuiltInAdapters() {}

    /** A reference method of {@code kind} behind the plug-in interface. */
    abstract static class Adapter implements PluggableOptimizer {
        private final MethodKind kind;

        Adapter(MethodKind kind) {
            this.kind = kind;
        }

        @Override
        public String id() {
            return "adapter." + kind.id();
        }

        @Override
        public MethodKind kind() {
            return kind;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optimizer<?> create(Hyperparameters h) {
            Method<MethodState> m =
                    (Method<MethodState>) MethodProviders.reference(kind).create(h);
            return new Optimizer<MethodState>() {
                @Override
                public MethodState init(double[] x0) {
                    return m.init(x0.clone());
                }

                @Override
                public MethodState step(MethodState s, Oracle o) {
                    return m.step(s, new GradientOracle() {
                        @Override
                        public int dimension() {
                            return o.dimension();
                        }

                        @Override
                        public double value(double[] x) {
                            return o.value(x);
                        }

                        @Override
                        public void gradient(double[] x, double[] out) {
                            System.arraycopy(o.gradient(x), 0, out, 0, out.length);
                        }

                        @Override
                        public long valueCalls() {
                            return 0;
                        }

                        @Override
                        public long gradientCalls() {
                            return 0;
                        }
                    });
                }

                @Override
                public double[] position(MethodState s) {
                    return s.x();
                }
            };
        }
    }

    /** The reference GD as a plug-in. */
    public static final class Gd extends Adapter {
        public Gd() {
            super(MethodKind.GD);
        }
    }

    /** The reference heavy ball as a plug-in. */
    public static final class HeavyBall extends Adapter {
        public HeavyBall() {
            super(MethodKind.HEAVY_BALL);
        }
    }

    /** The reference Adam as a plug-in. */
    public static final class Adam extends Adapter {
        public Adam() {
            super(MethodKind.ADAM);
        }
    }
}
