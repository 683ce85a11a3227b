package io.optcheck.thirdparty;

import io.optcheck.method.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.method.MethodKind;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodState;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.plugin.Optimizer;
import io.optcheck.plugin.Oracle;
import io.optcheck.plugin.PluggableOptimizer;
import java.util.Map;

/**
 * A minimal PluggableOptimizer -> MethodProvider bridge for this package's tests, without the
 * guards of the plug-in adapter (a plug-in that throws, returns NaN or hangs is not expected
 * here: these are the adapters of this package). It exists so the third-party findings can be
 * asserted through optcheck's own Method interface and reference implementations.
 */
final class PluginBridge {
    private PluginBridge() {
    }

    static MethodProvider provider(PluggableOptimizer p) {
        Map<String, String> conv = io.optcheck.method.MethodProviders.resolvedConventions(p.kind(), p.conventions());
        return new MethodProvider() {
            @Override
            public String id() {
                return p.id();
            }

            @Override
            public MethodKind kind() {
                return p.kind();
            }

            @Override
            public Map<String, String> conventions() {
                return conv;
            }

            @Override
            public Method<?> create(Hyperparameters h) {
                return method(p.id(), p.create(h));
            }
        };
    }

    record State(Object inner, double[] position, int t) implements MethodState {
        @Override
        public double[] x() {
            return position.clone();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Method<State> method(String id, Optimizer<?> opt) {
        Optimizer o = opt;
        return new Method<>() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public State init(double[] x0) {
                Object s = o.init(x0.clone());
                return new State(s, o.position(s), 0);
            }

            @Override
            public State step(State s, GradientOracle oracle) {
                Object next = o.step(s.inner(), oracle(oracle));
                return new State(next, o.position(next), s.t() + 1);
            }
        };
    }

    static Oracle oracle(GradientOracle g) {
        return new Oracle() {
            @Override
            public int dimension() {
                return g.dimension();
            }

            @Override
            public double value(double[] x) {
                return g.value(x.clone());
            }

            @Override
            public double[] gradient(double[] x) {
                double[] out = new double[x.length];
                g.gradient(x.clone(), out);
                return out;
            }
        };
    }
}
