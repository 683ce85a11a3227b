package io.optcheck.method.plugin;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Randomness;
import io.optcheck.api.Sampling;
import io.optcheck.api.SelfRandomEstimator;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gradient estimators written the way a user writes them, against the public plug-in API only:
 * correct samplers, and the biased ones issue 6 names (importance sampling without reweighting, a
 * loader that drops the last partial batch, an off-by-one that never picks n - 1, per-micro-batch
 * normalisation), plus contract breakers (throws, NaN, wrong length, hidden randomness).
 */
public final class UserEstimators {

    private UserEstimators() {}

    static double[] meanOf(ExampleGradients g, int[] idx) {
        double[] out = new double[g.dimension()];
        for (int i : idx) {
            for (int j = 0; j < out.length; j++) {
                out[j] += g.get(i, j);
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= idx.length;
        }
        return out;
    }

    /** Correct: B = 2 indices drawn i.i.d. uniformly. */
    public static final class UniformWithReplacement implements GradientEstimator {
        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 2;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            int[] idx = new int[batchSize()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = rnd.nextInt(g.n());
            }
            return meanOf(g, idx);
        }
    }

    /** Correct: a uniform subset of B = 2 distinct examples. */
    public static final class UniformWithoutReplacement implements GradientEstimator {
        public Sampling sampling() {
            return Sampling.WITHOUT_REPLACEMENT;
        }

        public int batchSize() {
            return 2;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            return meanOf(g, rnd.sample(g.n(), batchSize()));
        }
    }

    static double[] importanceWeights(ExampleGradients g) {
        double[] w = new double[g.n()];
        for (int i = 0; i < g.n(); i++) {
            double s = 0;
            for (int j = 0; j < g.dimension(); j++) {
                s = Math.hypot(s, g.get(i, j));
            }
            w[i] = 1 + s; // p_i proportional to 1 + ||grad f_i||: never 0
        }
        return w;
    }

    /** Correct importance sampling: draw i with p_i, reweight by 1/(n p_i). */
    public static final class ImportanceReweighted implements GradientEstimator {
        public Sampling sampling() {
            return Sampling.IMPORTANCE;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            double[] w = importanceWeights(g);
            double total = Arrays.stream(w).sum();
            int i = rnd.nextIndex(w);
            double scale = 1 / (g.n() * (w[i] / total));
            double[] out = g.row(i);
            for (int j = 0; j < out.length; j++) {
                out[j] *= scale;
            }
            return out;
        }
    }

    /** BUG: importance sampling that forgot the 1/(n p_i) reweighting. */
    public static final class ImportanceUnweighted implements GradientEstimator {
        public Sampling sampling() {
            return Sampling.IMPORTANCE;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            return g.row(rnd.nextIndex(importanceWeights(g)));
        }
    }

    /**
     * BUG: a sequential loader with drop_last: the epoch is the contiguous batches
     * [kB, (k+1)B) for k < floor(n/B), and a step picks one of them uniformly. The n mod B
     * examples of the partial last batch are never seen.
     */
    public static final class DropLastLoader implements GradientEstimator {
        public Sampling sampling() {
            return Sampling.WITHOUT_REPLACEMENT;
        }

        public int batchSize() {
            return 2;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            int b = batchSize();
            int k = rnd.nextInt(g.n() / b);
            int[] idx = new int[b];
            for (int i = 0; i < b; i++) {
                idx[i] = k * b + i;
            }
            return meanOf(g, idx);
        }
    }

    /** BUG: nextInt(n - 1), so example n - 1 is never drawn. */
    public static final class OffByOne implements GradientEstimator {
        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            return g.row(rnd.nextInt(g.n() - 1));
        }
    }

    /**
     * BUG (the 2024 gradient-accumulation class): a uniform batch of B = 3, sorted by index (as a
     * length-bucketing loader sorts), split into micro-batches of 2, each normalised by its OWN
     * size, and the micro-batch means averaged.
     */
    public static final class MicroBatchNormalised implements GradientEstimator {
        private final boolean sortBatch;

        public MicroBatchNormalised(boolean sortBatch) {
            this.sortBatch = sortBatch;
        }

        public String id() {
            return "micro-batch-normalised" + (sortBatch ? "-sorted" : "-shuffled");
        }

        public Sampling sampling() {
            return Sampling.WITHOUT_REPLACEMENT;
        }

        public int batchSize() {
            return 3;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            int[] idx = rnd.sample(g.n(), batchSize());
            if (sortBatch) {
                Arrays.sort(idx);
            }
            double[] first = meanOf(g, Arrays.copyOfRange(idx, 0, 2));
            double[] second = meanOf(g, Arrays.copyOfRange(idx, 2, 3));
            double[] out = new double[g.dimension()];
            for (int j = 0; j < out.length; j++) {
                out[j] = (first[j] + second[j]) / 2;
            }
            return out;
        }
    }

    /** Correct, with its own randomness: B = 2 with replacement from a seeded SplittableRandom. */
    public static final class SelfRandomUniform implements SelfRandomEstimator {
        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 2;
        }

        public double[] estimate(ExampleGradients g, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int[] idx = new int[batchSize()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = r.nextInt(g.n());
            }
            return meanOf(g, idx);
        }
    }

    /** BUG, own randomness: the off-by-one of {@link OffByOne} with a seeded SplittableRandom. */
    public static final class SelfRandomOffByOne implements SelfRandomEstimator {
        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, long seed) {
            return g.row(new SplittableRandom(seed).nextInt(g.n() - 1));
        }
    }

    /** Contract breaker: throws when it draws the last example. */
    public static final class Throwing implements GradientEstimator {
        public String id() {
            return "throwing-sampler";
        }

        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            int i = rnd.nextInt(g.n());
            if (i == g.n() - 1) {
                throw new IllegalStateException("index out of range in my loader");
            }
            return g.row(i);
        }
    }

    /** Contract breaker: NaN for the last example (a 0/0 in a normaliser). */
    public static final class NaNReturning implements GradientEstimator {
        public String id() {
            return "nan-sampler";
        }

        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            int i = rnd.nextInt(g.n());
            double[] out = g.row(i);
            if (i == g.n() - 1) {
                out[0] = 0.0 / 0.0;
            }
            return out;
        }
    }

    /** Contract breaker: returns d + 1 entries. */
    public static final class WrongLength implements GradientEstimator {
        public String id() {
            return "wrong-length-sampler";
        }

        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            return Arrays.copyOf(g.row(rnd.nextInt(g.n())), g.dimension() + 1);
        }
    }

    /** Contract breaker: declares optcheck's Randomness but uses a hidden generator. */
    public static final class HiddenRandomness implements GradientEstimator {
        private final SplittableRandom hidden = new SplittableRandom(1);

        public String id() {
            return "hidden-randomness-sampler";
        }

        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 1;
        }

        public synchronized double[] estimate(ExampleGradients g, Randomness rnd) {
            int i = rnd.nextInt(g.n());
            // asks a second question only sometimes, decided by the hidden generator
            if (hidden.nextBoolean()) {
                i = rnd.nextInt(g.n());
            }
            return g.row(i);
        }
    }

    /** Contract breaker: a rejection loop, whose choice tree is infinite. */
    public static final class RejectionLoop implements GradientEstimator {
        public String id() {
            return "rejection-loop-sampler";
        }

        public Sampling sampling() {
            return Sampling.WITH_REPLACEMENT;
        }

        public int batchSize() {
            return 1;
        }

        public double[] estimate(ExampleGradients g, Randomness rnd) {
            int i;
            do {
                i = rnd.nextInt(g.n() + 1); // reject the out-of-range draw n
            } while (i == g.n());
            return g.row(i);
        }
    }
}
