package io.optcheck.method.exact;

import io.optcheck.method.Method;
import io.optcheck.method.MethodFailure;
import io.optcheck.method.MethodRefusal;
import io.optcheck.method.MethodState;
import io.optcheck.oracle.FiniteSumIndexOracle;
import io.optcheck.oracle.IndexOracle;
import io.optcheck.problem.FiniteSum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Exact enumeration of a finite-sum method's random index paths, for methods whose only
 * randomness is {@link IndexOracle#nextIndex} (optcheck's SVRG and SAGA, and a user's
 * {@code FiniteSumOptimizer}). The method runs from x_0: its first {@code prefix} steps follow one
 * drawn path (uniform answers from a Well19937c seeded with the path's seed), and the next
 * {@code free} steps are enumerated over EVERY sequence of answers, by a depth-first walk of the
 * questions the method asks (as the choice tree of a user's gradient estimator is walked), each
 * leaf continuing from the state the prefix reached. A leaf's probability is the product of
 * 1/bound over its free answers.
 *
 * <p>Bounded by counts: at most {@link #MAX_LEAVES} leaves and {@link #MAX_QUESTIONS} questions
 * per step. A method whose questions or iterates differ on the same answers (another random
 * generator, state kept outside its state object, a step that modifies the state it is given:
 * the last leaf is replayed from x_0 to see it), that throws, refuses, or reaches a non-finite
 * iterate ends the enumeration with a {@link Failure} naming the step.
 */
public final class IndexPaths {

    private IndexPaths() {}

    static final int MAX_LEAVES = 200_000;
    static final int MAX_QUESTIONS = 64;

    /** One path: the probability of its free part, the iterates x_0..x_K, and each step's answers. */
    public record Leaf(double probability, double[][] x, int[][] answers) {
        int steps() {
            return x.length - 1;
        }
    }

    /** Why an enumeration stopped: the method refused (a refusal) or broke its contract (an error). */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int step;
        public final boolean refused;

        public Failure(String message, int step, boolean refused) {
            super(message, null, false, false);
            this.step = step;
            this.refused = refused;
        }
    }

    private record Node(int bound, int choice) {}

    /** The oracle of one leaf: exact gradients of f, answers from the drawn path, then from the walk. */
    private static final class Replay extends FiniteSumIndexOracle {
        private final RandomGenerator path;
        private final int prefix;
        private final List<Node> walk;
        private final List<Node> asked = new ArrayList<>();
        private final List<List<Integer>> perStep = new ArrayList<>();
        private int step;
        private String failure;

        Replay(FiniteSum f, long seed, int prefix, List<Node> walk) {
            super(f);
            this.path = new Well19937c(seed);
            this.prefix = prefix;
            this.walk = walk;
        }

        void startStep(int k) {
            step = k;
            perStep.add(new ArrayList<>());
        }

        @Override
        public int nextIndex(int bound) {
            requireBound(bound);
            List<Integer> here = perStep.get(perStep.size() - 1);
            if (here.size() >= MAX_QUESTIONS) {
                failure = "step " + step + " asked more than " + MAX_QUESTIONS + " random indices";
                throw new IllegalStateException(failure);
            }
            int a;
            if (step <= prefix) {
                a = path.nextInt(bound);
            } else {
                int k = asked.size();
                if (k < walk.size()) {
                    Node old = walk.get(k);
                    if (old.bound() != bound) {
                        failure = "is not a function of its index answers: at step " + step + ", given the same earlier"
                                + " answers, it asked nextIndex(" + bound + ") where an earlier run asked nextIndex("
                                + old.bound() + ") (another random generator, or state kept outside the state object?)";
                        throw new IllegalStateException(failure);
                    }
                    a = old.choice();
                } else {
                    a = 0;
                }
                asked.add(new Node(bound, a));
            }
            here.add(a);
            return a;
        }
    }

    /**
     * Every leaf of the free steps after the drawn prefix.
     *
     * @throws Failure as described in the class comment
     */
    public static <S extends MethodState> List<Leaf> enumerate(
            Method<S> method, FiniteSum f, double[] x0, long seed, int prefix, int free) {
        // The prefix runs once; every leaf continues from its final state, which a step must not
        // modify (the Optimizer contract). The last leaf is then replayed from x_0 in full: a step
        // that changed the state it was given, or a method that is not a function of its answers,
        // gives other iterates there and ends the enumeration with a Failure.
        Replay po = new Replay(f, seed, prefix, List.of());
        double[][] px = new double[prefix + 1][];
        S s = start(method, x0);
        px[0] = s.x();
        for (int k = 1; k <= prefix; k++) {
            s = advance(method, s, po, k, px);
        }
        List<Leaf> leaves = new ArrayList<>();
        List<Node> walk = List.of();
        while (true) {
            if (leaves.size() >= MAX_LEAVES) {
                throw new Failure(
                        "method " + method.id() + ": more than " + MAX_LEAVES + " index paths over " + free + " steps",
                        prefix + 1,
                        false);
            }
            Replay o = new Replay(f, seed, prefix, walk);
            for (int k = 1; k <= prefix; k++) {
                o.perStep.add(po.perStep.get(k - 1));
            }
            double[][] x = Arrays.copyOf(px, prefix + free + 1);
            S t = s;
            for (int k = prefix + 1; k <= prefix + free; k++) {
                t = advance(method, t, o, k, x);
            }
            double p = 1;
            for (Node nd : o.asked) {
                p /= nd.bound();
            }
            int[][] answers = new int[prefix + free][];
            for (int k = 0; k < answers.length; k++) {
                answers[k] =
                        o.perStep.get(k).stream().mapToInt(Integer::intValue).toArray();
            }
            leaves.add(new Leaf(p, x, answers));
            List<Node> asked = o.asked;
            int k = asked.size() - 1;
            while (k >= 0 && asked.get(k).choice() + 1 >= asked.get(k).bound()) {
                k--;
            }
            if (k < 0) {
                verify(method, f, x0, seed, prefix, free, o.asked, leaves.get(leaves.size() - 1));
                return leaves;
            }
            List<Node> next = new ArrayList<>(asked.subList(0, k));
            next.add(new Node(asked.get(k).bound(), asked.get(k).choice() + 1));
            walk = next;
        }
    }

    /** Replays one leaf from x_0 and compares every iterate, bit for bit. */
    private static <S extends MethodState> void verify(
            Method<S> method, FiniteSum f, double[] x0, long seed, int prefix, int free, List<Node> walk, Leaf leaf) {
        Replay o = new Replay(f, seed, prefix, walk);
        double[][] x = new double[prefix + free + 1][];
        S s = start(method, x0);
        x[0] = s.x();
        for (int k = 1; k <= prefix + free; k++) {
            s = advance(method, s, o, k, x);
            if (!Arrays.equals(x[k], leaf.x()[k])) {
                throw new Failure(
                        "method " + method.id() + ": along the same index answers step " + k + " gave "
                                + Arrays.toString(leaf.x()[k]) + " when continued from a state that earlier steps had"
                                + " been run from, and " + Arrays.toString(x[k])
                                + " when replayed from x_0. A step must"
                                + " not modify the state it is given (copy a table or snapshot before changing it), and"
                                + " only the oracle's indices may decide the steps",
                        k,
                        false);
            }
        }
    }

    private static <S extends MethodState> S start(Method<S> method, double[] x0) {
        try {
            return method.init(x0);
        } catch (MethodRefusal r) {
            throw new Failure(r.reason(), 0, true);
        } catch (RuntimeException e) {
            throw new Failure(message(method, 0, e), 0, false);
        }
    }

    private static <S extends MethodState> S advance(Method<S> method, S s, Replay o, int k, double[][] x) {
        o.startStep(k);
        S next;
        try {
            next = method.step(s, o);
        } catch (MethodRefusal r) {
            throw new Failure(r.reason(), k, true);
        } catch (RuntimeException e) {
            throw new Failure(
                    o.failure != null ? "method " + method.id() + " " + o.failure : message(method, k, e), k, false);
        }
        if (o.failure != null) {
            throw new Failure("method " + method.id() + " " + o.failure, k, false);
        }
        x[k] = next.x();
        for (double v : x[k]) {
            if (!Double.isFinite(v)) {
                throw new Failure(
                        "method " + method.id() + ", step " + k + ": iterate " + Arrays.toString(x[k])
                                + " is not finite",
                        k,
                        false);
            }
        }
        return next;
    }

    private static String message(Method<?> method, int k, RuntimeException e) {
        return e instanceof MethodFailure
                ? e.getMessage()
                : "method " + method.id() + ", step " + k + ": threw "
                        + e.getClass().getName() + ": " + e.getMessage();
    }
}
