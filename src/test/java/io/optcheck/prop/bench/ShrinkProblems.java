package io.optcheck.prop.bench;

import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import io.optcheck.prop.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * A suite of shrink problems, modelled on the categories of the published shrinking challenge
 * (values that must move together, lists bounded by a sum, binary heaps, expression trees with
 * a division by zero, nested lists, list unions, distinct values, coupling, deletion). Each
 * problem states its ideal counterexample: the simplest failing value under the engine's own
 * order (fewer choices first, then each choice closer to its target; among integers equally far
 * from 0 the positive one first, so 0, 1, -1, 2, -2, ...).
 *
 * <p>Generators here are written with the primitive factories and a hand-written recursive
 * {@link Gen} where a tree is needed, so the same suite runs on every version of the engine.
 */
public final class ShrinkProblems {

    private ShrinkProblems() {}

    /**
     * One problem: a generator, the failure condition and the ideal counterexample.
     *
     * @param name short id
     * @param ideal the ideal counterexample, as text
     * @param property builds the property for a seed
     * @param isIdeal whether a shrunk value is the ideal one
     */
    public record Problem(String name, String ideal, LongFunction<Property<?>> property, Predicate<Object> isIdeal) {}

    static final int I_MIN = Integer.MIN_VALUE;
    static final int I_MAX = Integer.MAX_VALUE;

    static <T> Problem problem(String name, Gen<T> gen, Predicate<T> fails, Object idealValue) {
        return problem(name, gen, fails, String.valueOf(idealValue), v -> Objects.equals(v, idealValue));
    }

    @SuppressWarnings("unchecked")
    static <T> Problem problem(String name, Gen<T> gen, Predicate<T> fails, String ideal, Predicate<T> isIdeal) {
        return new Problem(
                name,
                ideal,
                seed -> Property.forAll(name, gen, (v, t) -> {
                            if (fails.test(v)) {
                                throw new AssertionError(name + " fails");
                            }
                        })
                        .seed(seed),
                v -> isIdeal.test((T) v));
    }

    /** The same problem with the edge-case phase off: only generation can find the failure. */
    static Problem withoutEdgeCases(Problem p) {
        return new Problem(p.name(), p.ideal(), seed -> p.property().apply(seed).edgeCases(false), p.isIdeal());
    }

    /** A pair of generated values. */
    public record Pair<A, B>(A x, B y) {
        @Override
        public String toString() {
            return "(" + x + ", " + y + ")";
        }
    }

    /** A list and an index into it. */
    public record Deletion(List<Integer> xs, int index) {}

    /** An arithmetic expression: a literal, a sum or an integer division. */
    public sealed interface Expr permits Lit, Add, Div {
        int eval();

        /** Whether some divisor is literally the constant 0. */
        boolean divisionByLiteralZero();
    }

    public record Lit(int v) implements Expr {
        public int eval() {
            return v;
        }

        public boolean divisionByLiteralZero() {
            return false;
        }

        @Override
        public String toString() {
            return Integer.toString(v);
        }
    }

    public record Add(Expr a, Expr b) implements Expr {
        public int eval() {
            return a.eval() + b.eval();
        }

        public boolean divisionByLiteralZero() {
            return a.divisionByLiteralZero() || b.divisionByLiteralZero();
        }

        @Override
        public String toString() {
            return "(" + a + " + " + b + ")";
        }
    }

    public record Div(Expr a, Expr b) implements Expr {
        public int eval() {
            return a.eval() / b.eval();
        }

        public boolean divisionByLiteralZero() {
            return b.equals(new Lit(0)) || a.divisionByLiteralZero() || b.divisionByLiteralZero();
        }

        @Override
        public String toString() {
            return "(" + a + " / " + b + ")";
        }
    }

    /** Expression trees of depth at most 5, leaves in [-10, 10]; shrinks toward a literal. */
    static final class Exprs implements Gen<Expr> {
        private final int depth;

        Exprs(int depth) {
            this.depth = depth;
        }

        @Override
        public Expr generate(Source s) {
            int kind = depth == 0 ? 0 : (int) s.draw(Gens.integers(0, 2)).intValue();
            return switch (kind) {
                case 0 -> new Lit(s.draw(Gens.integers(-10, 10)));
                case 1 -> new Add(s.draw(new Exprs(depth - 1)), s.draw(new Exprs(depth - 1)));
                default -> new Div(s.draw(new Exprs(depth - 1)), s.draw(new Exprs(depth - 1)));
            };
        }

        @Override
        public String toString() {
            return "exprs";
        }
    }

    /** A binary heap node; null children are empty heaps. */
    public record Heap(int value, Heap left, Heap right) {
        List<Integer> preorder() {
            List<Integer> out = new ArrayList<>();
            out.add(value);
            if (left != null) {
                out.addAll(left.preorder());
            }
            if (right != null) {
                out.addAll(right.preorder());
            }
            return out;
        }

        @Override
        public String toString() {
            return "H(" + value + (left == null && right == null ? "" : ", " + left + ", " + right) + ")";
        }
    }

    /**
     * Heaps: each node's value is its parent's plus a delta in [0, 1000], so every generated tree
     * is a valid min-heap. Depth at most 4; each child is present with probability 1/2.
     */
    static final class Heaps implements Gen<Heap> {
        private final int base;
        private final int depth;

        Heaps(int base, int depth) {
            this.base = base;
            this.depth = depth;
        }

        @Override
        public Heap generate(Source s) {
            // The child flags are drawn at every depth (and ignored at depth 0), so a subtree draws
            // the same choices wherever it sits and can be moved up the tree.
            int v = base + s.draw(Gens.integers(0, 1000));
            Heap l = s.draw(Gens.booleans()) && depth > 0 ? s.draw(new Heaps(v, depth - 1)) : null;
            Heap r = s.draw(Gens.booleans()) && depth > 0 ? s.draw(new Heaps(v, depth - 1)) : null;
            return new Heap(v, l, r);
        }

        @Override
        public String toString() {
            return "heaps";
        }
    }

    static boolean sortedAscending(List<Integer> xs) {
        for (int i = 1; i < xs.size(); i++) {
            if (xs.get(i) < xs.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    static int distinct(List<Integer> xs) {
        return new HashSet<>(xs).size();
    }

    /** The problems, in a fixed order. */
    public static List<Problem> all() {
        Gen<Integer> ints = Gens.integers(I_MIN, I_MAX);
        List<Problem> ps = new ArrayList<>();
        ps.add(problem(
                "reverse",
                Gens.lists(ints, 0, 50),
                xs -> {
                    List<Integer> r = new ArrayList<>(xs);
                    Collections.reverse(r);
                    return !r.equals(xs);
                },
                List.of(0, 1)));
        ps.add(problem(
                "length-list",
                Gens.lists(Gens.integers(0, 1000), 1, 100),
                xs -> xs.stream().mapToInt(Integer::intValue).max().orElse(0) >= 900,
                List.of(900)));
        ps.add(problem(
                "sum-of-list",
                Gens.lists(Gens.integers(0, 10_000), 0, 50),
                xs -> xs.stream().mapToLong(Integer::longValue).sum() > 1000,
                List.of(1001)));
        ps.add(problem("distinct", Gens.lists(ints, 0, 50), xs -> distinct(xs) >= 3, List.of(0, 1, -1)));
        ps.add(problem(
                "large-union-list",
                Gens.lists(Gens.lists(ints, 0, 10), 0, 10),
                xss -> {
                    Set<Integer> u = new HashSet<>();
                    xss.forEach(u::addAll);
                    return u.size() >= 5;
                },
                List.of(List.of(0, 1, -1, 2, -2))));
        ps.add(problem(
                "nested-lists",
                Gens.lists(Gens.lists(ints, 0, 20), 0, 20),
                xss -> xss.stream().mapToInt(List::size).sum() > 10,
                List.of(Collections.nCopies(11, 0))));
        ps.add(problem(
                "coupling",
                Gens.lists(Gens.integers(0, 10), 0, 20),
                xs -> {
                    for (int i = 0; i < xs.size(); i++) {
                        int j = xs.get(i);
                        if (j != i && j < xs.size() && xs.get(j) == i) {
                            return true;
                        }
                    }
                    return false;
                },
                List.of(1, 0)));
        Gen<Deletion> deletions = Gens.lists(ints, 1, 20)
                .flatMap(xs -> Gens.integers(0, xs.size() - 1).map(i -> new Deletion(xs, i)));
        ps.add(problem(
                "deletion",
                deletions,
                d -> {
                    List<Integer> rest = new ArrayList<>(d.xs());
                    Integer x = d.xs().get(d.index());
                    rest.remove(x);
                    return rest.contains(x);
                },
                new Deletion(List.of(0, 0), 0)));
        Gen<Pair<Integer, Integer>> pairs = Gens.combine(ints, ints).as(Pair::new);
        ps.add(problem("equal-pair", pairs, p -> p.x().equals(p.y()) && p.x() >= 1000, new Pair<>(1000, 1000)));
        ps.add(withoutEdgeCases(problem(
                "equal-pair-no-edge-cases", pairs, p -> p.x().equals(p.y()) && p.x() >= 1000, new Pair<>(1000, 1000))));
        ps.add(problem(
                "difference-must-be-small",
                pairs,
                p -> p.x() >= 1000 && p.x() != (int) p.y() && Math.abs((long) p.x() - p.y()) <= 4,
                new Pair<>(1000, 996)));
        ps.add(problem(
                "difference-must-be-large",
                Gens.combine(Gens.integers(0, 1000), Gens.integers(0, 1000)).as(Pair::new),
                p -> Math.abs(p.x() - p.y()) >= 10,
                new Pair<>(0, 10)));
        ps.add(problem(
                "ordered-doubles",
                Gens.combine(Gens.doubles(0, 1e6), Gens.doubles(0, 1e6)).as(Pair::new),
                p -> p.x() > 1.5 && p.y() > p.x(),
                new Pair<>(1.5001, 1.5002)));
        ps.add(problem(
                "binary-heap",
                new Heaps(0, 4),
                h -> !sortedAscending(h.preorder()),
                new Heap(0, new Heap(1, null, null), new Heap(0, null, null))));
        ps.add(problem(
                "calculator",
                new Exprs(5),
                e -> {
                    if (e.divisionByLiteralZero()) {
                        return false;
                    }
                    try {
                        e.eval();
                        return false;
                    } catch (ArithmeticException ex) {
                        return true;
                    }
                },
                new Div(new Lit(0), new Add(new Lit(0), new Lit(0)))));
        return List.copyOf(ps);
    }

    /** What one problem did over a range of seeds. */
    public record Tally(
            String name,
            String ideal,
            int seeds,
            int found,
            int idealCount,
            double meanShrinkEvaluations,
            double meanTries,
            String worst) {
        public double idealRate() {
            return (double) idealCount / seeds;
        }
    }

    /** Runs a problem on seeds [0, seeds). */
    public static Tally run(Problem p, int seeds) {
        int found = 0;
        int ideal = 0;
        long evals = 0;
        long tries = 0;
        String worst = null;
        for (long seed = 0; seed < seeds; seed++) {
            PropertyResult<?> r = p.property().apply(seed).run();
            tries += r.tries();
            if (!r.failed()) {
                continue;
            }
            found++;
            evals += r.shrinkCandidates();
            if (p.isIdeal().test(r.shrunkValue())) {
                ideal++;
            } else if (worst == null) {
                worst = "seed " + seed + ": " + r.shrunkValue();
            }
        }
        return new Tally(
                p.name(),
                p.ideal(),
                seeds,
                found,
                ideal,
                found == 0 ? 0 : (double) evals / found,
                (double) tries / seeds,
                worst);
    }
}
