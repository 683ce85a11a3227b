package io.optcheck.oracle;

import io.optcheck.api.ExampleGradients;
import io.optcheck.api.GradientEstimator;
import io.optcheck.api.Randomness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hipparchus.random.RandomGenerator;

/**
 * A user's {@link GradientEstimator} seen as a {@link BatchEstimator}: its distribution is listed
 * by a depth-first walk of its CHOICE TREE. Every call of the estimator gets a {@link Randomness}
 * that replays a prefix of answers and then answers 0 (the first option of positive probability)
 * to every new question; after each leaf the last question with an untried option moves on to
 * it. A leaf's probability is the product of its answers' probabilities (1/bound for nextInt,
 * w_i / sum w for nextIndex), computed as one quotient of products, so the probabilities of all leaves sum to 1 and E[estimate] is an
 * exact finite sum, computed by {@link ExactMoments} like the built-in samplers'.
 *
 * <p>Bounded by counts, never by time: at most {@link Enumeration#MAX_OUTCOMES} leaves per
 * enumeration and {@link #MAX_DRAWS} questions per call (a rejection loop has an infinite tree).
 * A breach of the estimator's contract (it throws, returns null, NaN, infinity or an array of the
 * wrong length, asks different questions on the same answers, or its tree is too large) throws an
 * {@link EstimatorFailure} that names the estimator, the instance size and the call.
 */
public final class EstimatorChoiceTree implements BatchEstimator {

    /** The most questions one call of the estimator may ask. */
    static final int MAX_DRAWS = 256;

    private final GradientEstimator estimator;

    public EstimatorChoiceTree(GradientEstimator estimator) {
        this.estimator = estimator;
    }

    /** A breach of the estimator contract; {@link #call} is the 1-based number of the call. */
    public static final class EstimatorFailure extends RuntimeException {
        public final long call;

        public EstimatorFailure(String message, long call, Throwable cause) {
            super(message, cause);
            this.call = call;
        }
    }

    /** Unwinds a call after the tree walker recorded a failure (the estimator may catch it). */
    private static final class Abort extends RuntimeException {
        Abort() {
            super("optcheck: estimator call aborted", null, false, false);
        }
    }

    /** One question and its answer: nextInt(bound) (weights null) or nextIndex(weights). */
    private static final class Node {
        final int bound;
        final double[] weights;
        final double sum;
        int choice;

        Node(int bound, double[] weights) {
            this.bound = bound;
            this.weights = weights;
            double s = 0;
            if (weights != null) {
                for (double w : weights) {
                    s += w;
                }
            }
            this.sum = s;
        }

        Node copy(int newChoice) {
            Node n = new Node(bound, weights);
            n.choice = newChoice;
            return n;
        }

        /** The first option after {@code c} with positive probability, or -1. */
        int next(int c) {
            for (int k = c + 1; k < bound; k++) {
                if (weights == null || weights[k] > 0) {
                    return k;
                }
            }
            return -1;
        }

        boolean sameQuestion(Node o) {
            return bound == o.bound && Arrays.equals(weights, o.weights);
        }

        String describe() {
            return weights == null ? "nextInt(" + bound + ")" : "nextIndex(" + Arrays.toString(weights) + ")";
        }
    }

    /** The Randomness of one call: replays {@code prefix}, then answers the first option. */
    private final class Replay implements Randomness {
        final List<Node> prefix;
        final List<Node> asked = new ArrayList<>();
        // The probability as one quotient: for nextInt the denominator is a product of integers,
        // exact below 2^53, so a uniform leaf's probability is rounded once, not once per question.
        double numerator = 1;
        double denominator = 1;
        String failure;

        Replay(List<Node> prefix) {
            this.prefix = prefix;
        }

        @Override
        public int nextInt(int bound) {
            if (bound < 1) {
                throw new IllegalArgumentException("nextInt bound must be >= 1, got " + bound);
            }
            return answer(new Node(bound, null));
        }

        @Override
        public int nextIndex(double[] weights) {
            return answer(new Node(weights.length, checkedWeights(weights)));
        }

        private int answer(Node q) {
            if (failure != null) {
                throw new Abort();
            }
            int k = asked.size();
            if (k >= MAX_DRAWS) {
                failure = "asked more than " + MAX_DRAWS + " random questions in one call (a rejection loop? its "
                        + "choice tree would be infinite)";
                throw new Abort();
            }
            if (k < prefix.size()) {
                Node old = prefix.get(k);
                if (!old.sameQuestion(q)) {
                    failure = "is not a function of optcheck's Randomness: given the same earlier answers, question "
                            + (k + 1) + " was " + old.describe() + " in an earlier call and " + q.describe()
                            + " now (another random generator, or state kept between calls?)";
                    throw new Abort();
                }
                q.choice = old.choice;
            } else {
                q.choice = q.next(-1);
            }
            if (q.weights == null) {
                denominator *= q.bound;
            } else {
                numerator *= q.weights[q.choice];
                denominator *= q.sum;
            }
            asked.add(q);
            return q.choice;
        }

        /** The answers given, for messages: the first 20, then how many more. */
        String answers() {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < asked.size() && k < 20; k++) {
                sb.append(k == 0 ? "" : ", ").append(asked.get(k).choice);
            }
            return sb.append(asked.size() > 20 ? ", ... " + (asked.size() - 20) + " more]" : "]")
                    .toString();
        }
    }

    static double[] checkedWeights(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("nextIndex needs at least one weight");
        }
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException(
                        "nextIndex weight " + i + " is " + weights[i] + "; weights must be finite and >= 0");
            }
            s += weights[i];
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("nextIndex weights are all 0");
        }
        return weights.clone();
    }

    private String where(ExampleGradients g, long call, String answers) {
        return String.format(
                        Locale.ROOT,
                        "estimator %s (declared %s, B = %d) on n = %d examples, d = %d: call %d",
                        estimator.id(),
                        estimator.sampling(),
                        estimator.batchSize(),
                        g.n(),
                        g.dimension(),
                        call)
                + (answers == null ? "" : " (answers " + answers + ")");
    }

    /** Calls the estimator and checks what it returned. */
    private double[] call(ExampleGradients g, Replay r, long call) {
        double[] est;
        try {
            est = estimator.estimate(g, r);
        } catch (Abort a) {
            est = null;
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                throw e;
            }
            throw new EstimatorFailure(where(g, call, r.answers()) + " threw " + e, call, e);
        } catch (RuntimeException | Error e) {
            if (r.failure == null) {
                throw new EstimatorFailure(where(g, call, r.answers()) + " threw " + e, call, e);
            }
            est = null;
        }
        if (r.failure != null) {
            throw new EstimatorFailure(where(g, call, r.answers()) + " " + r.failure, call, null);
        }
        return validated(est, g, () -> where(g, call, r.answers()), call);
    }

    /** The estimate, or an {@link EstimatorFailure} for null, a wrong length or a non-finite entry. */
    public static double[] validated(double[] est, ExampleGradients g, Supplier<String> whereText, long call) {
        if (est != null && est.length == g.dimension()) {
            boolean finite = true;
            for (double v : est) {
                finite &= Double.isFinite(v);
            }
            if (finite) {
                return est.clone();
            }
        }
        String where = whereText.get();
        if (est == null) {
            throw new EstimatorFailure(where + " returned null", call, null);
        }
        if (est.length != g.dimension()) {
            throw new EstimatorFailure(
                    where + " returned an array of length " + est.length + ", expected d = " + g.dimension(),
                    call,
                    null);
        }
        for (int j = 0; j < est.length; j++) {
            if (!Double.isFinite(est[j])) {
                throw new EstimatorFailure(
                        where + " returned " + est[j] + " at coordinate " + j + " from finite per-example gradients",
                        call,
                        null);
            }
        }
        return est.clone();
    }

    @Override
    public void enumerate(ExampleGradients g, Outcomes visitor) {
        List<Node> prefix = List.of();
        long leaves = 0;
        while (true) {
            if (leaves >= Enumeration.MAX_OUTCOMES) {
                throw new EstimatorFailure(
                        where(g, leaves + 1, null) + ": the choice tree has more than "
                                + Enumeration.MAX_OUTCOMES + " leaves at n = " + g.n() + ", B = "
                                + estimator.batchSize()
                                + "; check a smaller batch size (the sampling logic is the same) or use a SelfRandomEstimator,"
                                + " which is checked statistically",
                        leaves + 1,
                        null);
            }
            Replay r = new Replay(prefix);
            double[] est = call(g, r, ++leaves);
            if (r.asked.size() < prefix.size()) {
                throw new EstimatorFailure(
                        where(g, leaves, r.answers()) + " is not a function of optcheck's Randomness:"
                                + " given the same answers it asked " + r.asked.size() + " questions, earlier "
                                + prefix.size(),
                        leaves,
                        null);
            }
            visitor.accept(r.numerator / r.denominator, est);
            List<Node> asked = r.asked;
            int k = asked.size() - 1;
            while (k >= 0 && asked.get(k).next(asked.get(k).choice) < 0) {
                k--;
            }
            if (k < 0) {
                return;
            }
            List<Node> next = new ArrayList<>(asked.subList(0, k));
            next.add(asked.get(k).copy(asked.get(k).next(asked.get(k).choice)));
            prefix = next;
        }
    }

    @Override
    public void draw(ExampleGradients g, RandomGenerator rng, double[] out) {
        Randomness rnd = new Randomness() {
            @Override
            public int nextInt(int bound) {
                if (bound < 1) {
                    throw new IllegalArgumentException("nextInt bound must be >= 1, got " + bound);
                }
                return rng.nextInt(bound);
            }

            @Override
            public int nextIndex(double[] weights) {
                double[] w = checkedWeights(weights);
                double s = 0;
                for (double v : w) {
                    s += v;
                }
                double u = rng.nextDouble() * s;
                int last = 0;
                for (int i = 0; i < w.length; i++) {
                    if (w[i] > 0) {
                        last = i;
                        u -= w[i];
                        if (u < 0) {
                            return i;
                        }
                    }
                }
                return last;
            }
        };
        double[] est;
        try {
            est = estimator.estimate(g, rnd);
        } catch (RuntimeException e) {
            throw new EstimatorFailure(where(g, 1, null) + " threw " + e, 1, e);
        }
        System.arraycopy(validated(est, g, () -> where(g, 1, null), 1), 0, out, 0, out.length);
    }

    @Override
    public String describe() {
        return estimator.id() + " (declared " + estimator.sampling() + ", B = " + estimator.batchSize() + ")";
    }
}
