package io.optcheck.junit;

import io.optcheck.api.FiniteSumKind;
import io.optcheck.api.FiniteSumOptimizer;
import io.optcheck.api.FiniteSumOracle;
import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableFiniteSum;
import io.optcheck.api.VarianceReducedEstimator;
import java.util.Arrays;

/**
 * Users' finite-sum plug-ins written from the papers, not from optcheck's classes: a SAGA and an
 * SVRG (whole methods), an SVRG estimator that sees the snapshot point, and planted bugs of each.
 */
final class FiniteSumPlugins {

    private FiniteSumPlugins() {}

    /** SAGA state: x and the table of stored gradients (null until the first step). */
    record SagaState(double[] x, double[][] table) {}

    /** SAGA (Defazio et al. 2014); with {@code frozen} the table is never updated (the planted bug). */
    record Saga(boolean frozen, boolean inPlace) implements PluggableFiniteSum {
        @Override
        public String id() {
            return "test.saga" + (frozen ? "-frozen-table" : "") + (inPlace ? "-in-place" : "");
        }

        @Override
        public FiniteSumKind kind() {
            return FiniteSumKind.SAGA;
        }

        @Override
        public FiniteSumOptimizer<SagaState> create(Hyperparameters h) {
            double lr = h.get("lr");
            return new FiniteSumOptimizer<>() {
                @Override
                public SagaState init(double[] x0) {
                    return new SagaState(x0.clone(), null);
                }

                @Override
                public SagaState step(SagaState s, FiniteSumOracle o) {
                    int n = o.n();
                    double[][] table = s.table();
                    if (table == null) {
                        table = new double[n][];
                        for (int i = 0; i < n; i++) {
                            table[i] = o.exampleGradient(i, s.x());
                        }
                    }
                    int j = o.nextIndex(n);
                    double[] gj = o.exampleGradient(j, s.x());
                    double[] x = s.x().clone();
                    for (int k = 0; k < x.length; k++) {
                        double mean = 0;
                        for (double[] g : table) {
                            mean += g[k];
                        }
                        x[k] -= lr * (gj[k] - table[j][k] + mean / n);
                    }
                    double[][] t = inPlace ? table : table.clone();
                    if (!frozen) {
                        t[j] = gj;
                    }
                    return new SagaState(x, t);
                }

                @Override
                public double[] position(SagaState s) {
                    return s.x().clone();
                }
            };
        }
    }

    /** SVRG state: x, the snapshot and its full gradient, the inner index, the Option II pick and picked point. */
    record SvrgState(double[] x, double[] snap, double[] mu, int k, int pick, double[] picked) {}

    /** SVRG, Option II; with {@code stale} the snapshot is never replaced (the planted bug). */
    record Svrg(boolean stale) implements PluggableFiniteSum {
        @Override
        public String id() {
            return "test.svrg" + (stale ? "-stale-snapshot" : "");
        }

        @Override
        public FiniteSumKind kind() {
            return FiniteSumKind.SVRG;
        }

        @Override
        public FiniteSumOptimizer<SvrgState> create(Hyperparameters h) {
            double lr = h.get("lr");
            int m = (int) h.get("m");
            return new FiniteSumOptimizer<>() {
                @Override
                public SvrgState init(double[] x0) {
                    return new SvrgState(x0.clone(), x0.clone(), null, 0, 0, null);
                }

                @Override
                public SvrgState step(SvrgState s, FiniteSumOracle o) {
                    double[] mu = s.mu() == null ? o.gradient(s.snap()) : s.mu();
                    int pickNow = s.k() == 0 ? o.nextIndex(m) : s.pick();
                    int i = o.nextIndex(o.n());
                    double[] gi = o.exampleGradient(i, s.x());
                    double[] gs = o.exampleGradient(i, s.snap());
                    double[] x = s.x().clone();
                    for (int k = 0; k < x.length; k++) {
                        x[k] -= lr * (gi[k] - gs[k] + mu[k]);
                    }
                    // Option II: the epoch's output is x_t for t uniform in {0, ..., m-1}, drawn with
                    // the epoch's first step and remembered when the epoch passes it
                    int pick = pickNow;
                    double[] picked = s.k() == pick ? s.x() : s.picked();
                    int k = s.k() + 1;
                    if (k < m) {
                        return new SvrgState(x, s.snap(), mu, k, pick, picked);
                    }
                    return stale
                            ? new SvrgState(picked.clone(), s.snap(), mu, 0, 0, null)
                            : new SvrgState(picked.clone(), picked.clone(), null, 0, 0, null);
                }

                @Override
                public double[] position(SvrgState s) {
                    return s.x().clone();
                }
            };
        }
    }

    /** The estimator's state: the snapshot its full gradient belongs to, and that gradient. */
    record Cache(double[] snapshot, double[] mu) {}

    /**
     * An SVRG estimator that sees the snapshot point and caches grad f(x~) across calls; with
     * {@code staleCache} it computes the cache once and never looks at the snapshot again (the
     * planted bug: a stale snapshot gradient).
     */
    record SvrgEstimator(boolean staleCache) implements VarianceReducedEstimator<Cache> {
        @Override
        public String id() {
            return "test.svrg-estimator" + (staleCache ? "-stale-cache" : "");
        }

        @Override
        public FiniteSumKind kind() {
            return FiniteSumKind.SVRG;
        }

        @Override
        public Cache init(double[] x0, int n) {
            return new Cache(null, null);
        }

        @Override
        public Estimate<Cache> estimate(Cache c, double[] x, double[] snapshot, FiniteSumOracle o) {
            Cache cache = c;
            boolean fresh = cache.snapshot() != null && (staleCache || Arrays.equals(cache.snapshot(), snapshot));
            if (!fresh) {
                cache = new Cache(snapshot.clone(), o.gradient(snapshot));
            }
            int i = o.nextIndex(o.n());
            double[] gi = o.exampleGradient(i, x);
            double[] gs = o.exampleGradient(i, cache.snapshot());
            double[] v = new double[x.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = gi[k] - gs[k] + cache.mu()[k];
            }
            return new Estimate<>(v, cache);
        }
    }

    /** A SAGA estimator: its state is the table (filled at the first call, from x_0). */
    record SagaEstimator() implements VarianceReducedEstimator<double[][]> {
        @Override
        public String id() {
            return "test.saga-estimator";
        }

        @Override
        public FiniteSumKind kind() {
            return FiniteSumKind.SAGA;
        }

        @Override
        public double[][] init(double[] x0, int n) {
            return null;
        }

        @Override
        public Estimate<double[][]> estimate(double[][] table, double[] x, double[] snapshot, FiniteSumOracle o) {
            int n = o.n();
            double[][] t = table;
            if (t == null) {
                t = new double[n][];
                for (int i = 0; i < n; i++) {
                    t[i] = o.exampleGradient(i, x);
                }
            }
            int j = o.nextIndex(n);
            double[] gj = o.exampleGradient(j, x);
            double[] v = new double[x.length];
            for (int k = 0; k < v.length; k++) {
                double mean = 0;
                for (double[] g : t) {
                    mean += g[k];
                }
                v[k] = gj[k] - t[j][k] + mean / n;
            }
            double[][] next = t.clone();
            next[j] = gj;
            return new Estimate<>(v, next);
        }
    }
}
