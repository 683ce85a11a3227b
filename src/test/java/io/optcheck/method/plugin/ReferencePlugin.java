package io.optcheck.method.plugin;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.MethodState;
import io.optcheck.oracle.GradientOracle;
import java.util.Map;

/**
 * optcheck's reference implementation of a kind, written as a user's plug-in: it goes through
 * the same adapter and guards as any user's optimizer. {@code lrFactor} plants a wrong step size.
 */
public final class ReferencePlugin implements PluggableOptimizer {
    private final MethodKind kind;
    private final Map<String, String> conventions;
    private final double lrFactor;
    private final String id;

    public ReferencePlugin(MethodKind kind) {
        this(kind, Map.of(), 1, "ref-" + kind.id());
    }

    public ReferencePlugin(MethodKind kind, Map<String, String> conventions, double lrFactor, String id) {
        this.kind = kind;
        this.conventions = conventions;
        this.lrFactor = lrFactor;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public MethodKind kind() {
        return kind;
    }

    @Override
    public Map<String, String> conventions() {
        return conventions;
    }

    @Override
    public Optimizer<?> create(Hyperparameters h) {
        String lr = kind == MethodKind.SGD ? "a" : "lr";
        Method<?> m = MethodProviders.reference(kind, conventions).create(h.with(lr, h.get(lr) * lrFactor));
        return wrap(m);
    }

    private static <S extends MethodState> Optimizer<S> wrap(Method<S> m) {
        return new Optimizer<S>() {
            @Override
            public S init(double[] x0) {
                return m.init(x0);
            }

            @Override
            public S step(S state, Oracle o) {
                return m.step(state, new GradientOracle() {
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
            public double[] position(S state) {
                return state.x();
            }

            @Override
            public boolean supportsCopy() {
                return true;
            }

            @Override
            public S copy(S state) {
                return state; // immutable
            }
        };
    }
}
