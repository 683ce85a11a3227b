package io.optcheck.method.plugin;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Small plug-ins written the way a user would, correct and deliberately broken. */
public final class SamplePlugins {
    private SamplePlugins() {}

    /** Gradient descent with an immutable double[] state; {@code lrFactor} and {@code sign} plant bugs. */
    public static class Gd implements PluggableOptimizer {
        private final String id;
        private final double lrFactor;
        private final double sign;

        public Gd() {
            this("sample-gd", 1, 1);
        }

        public Gd(String id, double lrFactor, double sign) {
            this.id = id;
            this.lrFactor = lrFactor;
            this.sign = sign;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public MethodKind kind() {
            return MethodKind.GD;
        }

        @Override
        public Optimizer<?> create(Hyperparameters h) {
            double lr = h.get("lr") * lrFactor;
            return new Optimizer<double[]>() {
                @Override
                public double[] init(double[] x0) {
                    return x0.clone();
                }

                @Override
                public double[] step(double[] x, Oracle o) {
                    double[] g = o.gradient(x);
                    double[] n = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        n[i] = x[i] - sign * lr * g[i];
                    }
                    return n;
                }

                @Override
                public double[] position(double[] x) {
                    return x.clone();
                }

                @Override
                public boolean supportsCopy() {
                    return true;
                }

                @Override
                public double[] copy(double[] x) {
                    return x.clone();
                }
            };
        }
    }

    /** GD whose step is replaced by {@code badStep} from step {@code fromStep} on. */
    public static PluggableOptimizer gdWith(String id, int fromStep, StepBody badStep) {
        return new PluggableOptimizer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public MethodKind kind() {
                return MethodKind.GD;
            }

            @Override
            public Optimizer<?> create(Hyperparameters h) {
                double lr = h.get("lr");
                return new Optimizer<double[][]>() {
                    // state: {x, {t}}
                    @Override
                    public double[][] init(double[] x0) {
                        return new double[][] {x0.clone(), {0}};
                    }

                    @Override
                    public double[][] step(double[][] s, Oracle o) {
                        int t = (int) s[1][0] + 1;
                        if (t >= fromStep) {
                            return badStep.step(s, o, lr);
                        }
                        double[] g = o.gradient(s[0]);
                        double[] n = new double[g.length];
                        for (int i = 0; i < n.length; i++) {
                            n[i] = s[0][i] - lr * g[i];
                        }
                        return new double[][] {n, {t}};
                    }

                    @Override
                    public double[] position(double[][] s) {
                        return s[0].clone();
                    }
                };
            }
        };
    }

    /** A step body for {@link #gdWith}. */
    @FunctionalInterface
    public interface StepBody {
        double[][] step(double[][] state, Oracle o, double lr);
    }

    /** A plug-in whose init is replaced. */
    public static PluggableOptimizer initWith(String id, UnaryOperator<double[]> init, boolean positionFromState) {
        return new PluggableOptimizer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public MethodKind kind() {
                return MethodKind.GD;
            }

            @Override
            public Map<String, String> conventions() {
                return Map.of();
            }

            @Override
            public Optimizer<?> create(Hyperparameters h) {
                return new Optimizer<double[]>() {
                    @Override
                    public double[] init(double[] x0) {
                        return init.apply(x0);
                    }

                    @Override
                    public double[] step(double[] x, Oracle o) {
                        return x.clone();
                    }

                    @Override
                    public double[] position(double[] x) {
                        return positionFromState ? x.clone() : x;
                    }
                };
            }
        };
    }
}
