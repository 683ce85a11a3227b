package io.optcheck.theory.conf;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Optimizer;
import io.optcheck.api.Oracle;
import io.optcheck.api.PluggableOptimizer;
import java.util.Arrays;
import java.util.Map;

/**
 * Plug-ins of the kinds NADAM, ADAMAX, ADADELTA, ADABELIEF and of the declared conventions of
 * NESTEROV, ADAGRAD and AMSGRAD, written from the papers without optcheck's method classes: a
 * correct one per kind or convention and one with a planted bug each.
 */
public final class KindFixtures {

    private KindFixtures() {}

    /** The state: x, two per-coordinate accumulators a and b, a third c, the step count. */
    public record St(double[] x, double[] a, double[] b, double[] c, int t) {}

    /** One step on copies of the state's arrays; t is the number of the step (1 for the first). */
    public interface Rule {
        void update(Hyperparameters h, int t, double[] g, double[] x, double[] a, double[] b, double[] c);
    }

    public static PluggableOptimizer of(
            String id,
            MethodKind kind,
            Map<String, String> conventions,
            Map<String, PluggableOptimizer.Range> ranges,
            double a0,
            Rule rule) {
        return new PluggableOptimizer() {
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
            public Map<String, Range> hyperparameterRanges() {
                return ranges;
            }

            @Override
            public Optimizer<?> create(Hyperparameters h) {
                return new Optimizer<St>() {
                    @Override
                    public St init(double[] x0) {
                        double[] a = new double[x0.length];
                        Arrays.fill(a, a0);
                        return new St(x0.clone(), a, new double[x0.length], new double[x0.length], 0);
                    }

                    @Override
                    public St step(St s, Oracle o) {
                        double[] g = o.gradient(s.x());
                        double[] x = s.x().clone();
                        double[] a = s.a().clone();
                        double[] b = s.b().clone();
                        double[] c = s.c().clone();
                        rule.update(h, s.t() + 1, g, x, a, b, c);
                        return new St(x, a, b, c, s.t() + 1);
                    }

                    @Override
                    public double[] position(St s) {
                        return s.x().clone();
                    }

                    @Override
                    public boolean supportsCopy() {
                        return true;
                    }

                    @Override
                    public St copy(St s) {
                        return new St(s.x().clone(), s.a().clone(), s.b().clone(), s.c().clone(), s.t());
                    }
                };
            }
        };
    }

    // ---- Nadam (Dozat 2016, constant momentum): a = m, b = v.

    static PluggableOptimizer nadam(boolean bug) {
        return of(
                bug ? "nadam-adam-numerator" : "nadam",
                MethodKind.NADAM,
                Map.of(),
                Map.of(),
                0,
                (h, t, g, x, m, v, c) -> {
                    double b1 = h.get("b1");
                    double b2 = h.get("b2");
                    for (int i = 0; i < x.length; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        // bug: Adam's m^ instead of the Nesterov-corrected first moment
                        double n = bug
                                ? m[i] / (1 - Math.pow(b1, t))
                                : b1 * m[i] / (1 - Math.pow(b1, t + 1)) + (1 - b1) * g[i] / (1 - Math.pow(b1, t));
                        if (n != 0) {
                            x[i] -= h.get("lr") * n / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + h.get("eps"));
                        }
                    }
                });
    }

    // ---- AdaMax (Kingma & Ba Sec. 7.1): a = m, b = u.

    static PluggableOptimizer adamax(boolean bug) {
        return of(
                bug ? "adamax-no-decay" : "adamax", MethodKind.ADAMAX, Map.of(), Map.of(), 0, (h, t, g, x, m, u, c) -> {
                    double b1 = h.get("b1");
                    for (int i = 0; i < x.length; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        // bug: the running maximum forgets the decay b2
                        u[i] = Math.max((bug ? 1 : h.get("b2")) * u[i], Math.abs(g[i]));
                        if (m[i] != 0) {
                            x[i] -= h.get("lr") / (1 - Math.pow(b1, t)) * m[i] / (u[i] + h.get("eps"));
                        }
                    }
                });
    }

    /** PyTorch's AdaMax: eps inside the maximum, declared (or, when {@code declared} is false, not). */
    static PluggableOptimizer adamaxTorch(boolean declared) {
        return of(
                declared ? "adamax-torch" : "adamax-torch-undeclared",
                MethodKind.ADAMAX,
                declared ? Map.of("eps", "inside-max") : Map.of(),
                Map.of(),
                0,
                (h, t, g, x, m, u, c) -> {
                    double b1 = h.get("b1");
                    for (int i = 0; i < x.length; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        u[i] = Math.max(h.get("b2") * u[i], Math.abs(g[i]) + h.get("eps"));
                        if (m[i] != 0) {
                            x[i] -= h.get("lr") / (1 - Math.pow(b1, t)) * m[i] / u[i];
                        }
                    }
                });
    }

    // ---- AdaDelta (Zeiler 2012, Alg. 1): a = E[dx^2], b = E[g^2].

    static PluggableOptimizer adadelta(boolean bug) {
        return of(
                bug ? "adadelta-no-1-minus-rho" : "adadelta",
                MethodKind.ADADELTA,
                Map.of(),
                Map.of(),
                0,
                (h, t, g, x, edx, eg, c) -> {
                    double rho = h.get("rho");
                    double eps = h.get("eps");
                    for (int i = 0; i < x.length; i++) {
                        eg[i] = rho * eg[i] + (1 - rho) * g[i] * g[i];
                        double dx = g[i] == 0 ? 0 : -Math.sqrt(edx[i] + eps) / Math.sqrt(eg[i] + eps) * g[i];
                        // bug: the accumulator of the updates forgets the factor (1 - rho)
                        edx[i] = rho * edx[i] + (bug ? 1 : 1 - rho) * dx * dx;
                        x[i] += h.get("lr") * dx;
                    }
                });
    }

    // ---- AdaBelief (Zhuang et al. 2020, Alg. 2): a = m, b = s. b1, b2 > 0 declared (see GradientScaleInvariance).

    static final Map<String, PluggableOptimizer.Range> BELIEF_RANGES =
            Map.of("b1", new PluggableOptimizer.Range(0.5, 0.99), "b2", new PluggableOptimizer.Range(0.5, 0.9999));

    static PluggableOptimizer adabelief(boolean bug) {
        return of(
                bug ? "adabelief-stale-m" : "adabelief",
                MethodKind.ADABELIEF,
                Map.of(),
                BELIEF_RANGES,
                0,
                (h, t, g, x, m, s, c) -> {
                    double b1 = h.get("b1");
                    double b2 = h.get("b2");
                    double eps = h.get("eps");
                    for (int i = 0; i < x.length; i++) {
                        double old = m[i];
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        // bug: the "belief" residual against m_{t-1} instead of m_t
                        double r = g[i] - (bug ? old : m[i]);
                        s[i] = b2 * s[i] + (1 - b2) * r * r + eps;
                        double mh = m[i] / (1 - Math.pow(b1, t));
                        if (mh != 0) {
                            x[i] -= h.get("lr") * mh / (Math.sqrt(s[i] / (1 - Math.pow(b2, t))) + eps);
                        }
                    }
                });
    }

    // ---- Conventions of existing kinds (issue item 6).

    /**
     * Convex Nesterov with momentum (k - 1)/(k + 2), k counted from 1 (1/4 in step 2): a = x_{k-1}.
     * Declared as {@code simplified-t-from-1}, or mislabelled as {@code simplified}.
     */
    static PluggableOptimizer nesterovTFrom1(String declaredForm) {
        return new PluggableOptimizer() {
            @Override
            public String id() {
                return "nesterov-t-from-1-as-" + declaredForm;
            }

            @Override
            public MethodKind kind() {
                return MethodKind.NESTEROV;
            }

            @Override
            public Map<String, String> conventions() {
                return Map.of("nesterov-form", declaredForm);
            }

            @Override
            public Optimizer<?> create(Hyperparameters h) {
                double lr = h.get("lr");
                return new Optimizer<St>() {
                    @Override
                    public St init(double[] x0) {
                        return new St(x0.clone(), x0.clone(), new double[0], new double[0], 0);
                    }

                    @Override
                    public St step(St s, Oracle o) {
                        int k = s.t() + 1;
                        double mom = (k - 1.0) / (k + 2.0);
                        double[] y = new double[s.x().length];
                        for (int i = 0; i < y.length; i++) {
                            y[i] = s.x()[i] + mom * (s.x()[i] - s.a()[i]);
                        }
                        double[] g = o.gradient(y);
                        double[] x = new double[y.length];
                        for (int i = 0; i < y.length; i++) {
                            x[i] = y[i] - lr * g[i];
                        }
                        return new St(x, s.x().clone(), new double[0], new double[0], k);
                    }

                    @Override
                    public double[] position(St s) {
                        return s.x().clone();
                    }
                };
            }
        };
    }

    /** AdaGrad with the accumulator starting at v0 (TensorFlow: 0.1), declaring {@code conv}. */
    public static PluggableOptimizer adagrad(double v0, Map<String, String> conv) {
        return of("adagrad-v0-" + v0 + "-" + conv, MethodKind.ADAGRAD, conv, Map.of(), v0, (h, t, g, x, v, b, c) -> {
            for (int i = 0; i < x.length; i++) {
                v[i] += g[i] * g[i];
                if (g[i] != 0) {
                    x[i] -= h.get("lr") * g[i] / (Math.sqrt(v[i]) + h.get("eps"));
                }
            }
        });
    }

    /** AMSGrad with bias correction and the maximum over the corrected v (declared max-over = corrected). */
    static PluggableOptimizer amsgradMaxCorrected(Map<String, String> conv) {
        return of("amsgrad-max-corrected-" + conv, MethodKind.AMSGRAD, conv, Map.of(), 0, (h, t, g, x, m, v, vh) -> {
            double b1 = h.get("b1");
            double b2 = h.get("b2");
            for (int i = 0; i < x.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                vh[i] = Math.max(vh[i], v[i] / (1 - Math.pow(b2, t)));
                double mh = m[i] / (1 - Math.pow(b1, t));
                if (mh != 0) {
                    x[i] -= h.get("lr") * mh / (Math.sqrt(vh[i]) + h.get("eps"));
                }
            }
        });
    }
}
