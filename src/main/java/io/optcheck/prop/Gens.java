package io.optcheck.prop;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Factories for generators: primitives, collections and combinators. Every generator here draws
 * only from its {@link Source}, so all of them shrink and replay.
 */
public final class Gens {

    private Gens() {}

    /** A generator with a name, used in messages, spans and filter errors. */
    public static <T> Gen<T> named(String name, Gen<T> gen) {
        return new Named<>(null, name, gen);
    }

    /**
     * {@link #named(String, Gen)} with the name built on first use. A name built with
     * {@code String.format} costs more than a draw, and a generator made inside {@link Gen#flatMap}
     * is made on every try; a try needs the name only when the generator draws through
     * {@link Source#draw}, which labels its span with it.
     */
    static <T> Gen<T> lazilyNamed(Supplier<String> name, Gen<T> gen) {
        return new Named<>(Objects.requireNonNull(name), null, gen);
    }

    /** A named generator; its name is given, or built once from a supplier. */
    private static final class Named<T> implements Gen<T> {
        private final Supplier<String> nameSupplier;
        private final Gen<T> gen;
        /** Set on construction or on first use; a String is safe to publish without a lock. */
        private String name;

        Named(Supplier<String> nameSupplier, String name, Gen<T> gen) {
            this.nameSupplier = nameSupplier;
            this.name = name;
            this.gen = Objects.requireNonNull(gen);
        }

        @Override
        public T generate(Source source) {
            return gen.generate(source);
        }

        @Override
        public String describe() {
            String n = name;
            if (n == null && nameSupplier != null) {
                n = nameSupplier.get();
                name = n;
            }
            return n;
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Always the same value; draws nothing. */
    public static <T> Gen<T> just(T value) {
        return named("just(" + value + ")", s -> value);
    }

    /** Integers uniform in [min, max], shrinking toward 0 if in range, else toward min. */
    public static Gen<Integer> integers(int min, int max) {
        long target = (min <= 0 && 0 <= max) ? 0 : min;
        return lazilyNamed(() -> String.format(Locale.ROOT, "integers[%d, %d]", min, max), s ->
                (int) s.drawLong(min, max, target));
    }

    /** Longs uniform in [min, max], shrinking toward 0 if in range, else toward min. */
    public static Gen<Long> longs(long min, long max) {
        long target = (min <= 0 && 0 <= max) ? 0 : min;
        return lazilyNamed(
                () -> String.format(Locale.ROOT, "longs[%d, %d]", min, max), s -> s.drawLong(min, max, target));
    }

    /** No specials, no extra edges; shared, as DoubleGen never writes to these arrays. */
    private static final double[] NO_DOUBLES = {};

    /**
     * The plain double generators made recently, by a hash of their range. A generator made inside
     * {@link Gen#flatMap} is made again on every try, and a DoubleGen computes its edge values, its
     * log-scale ends and its name once per instance; sharing the instance computes them once. It is
     * immutable (its lazily computed values are the same whichever thread computes them), and its
     * fields are final, so an instance read from this array through a race is still whole.
     */
    private static final DoubleGen[] RECENT_DOUBLES = new DoubleGen[64];

    /** Doubles uniform in [min, max]; see {@link DoubleGen} for options and the shrinking rule. */
    public static DoubleGen doubles(double min, double max) {
        long a = Double.doubleToRawLongBits(min);
        long b = Double.doubleToRawLongBits(max);
        int h = 31 * Long.hashCode(a) + Long.hashCode(b);
        int slot = (h ^ (h >>> 16)) & (RECENT_DOUBLES.length - 1);
        DoubleGen g = RECENT_DOUBLES[slot];
        if (g != null && Double.doubleToRawLongBits(g.min()) == a && Double.doubleToRawLongBits(g.max()) == b) {
            return g;
        }
        g = new DoubleGen(min, max, false, NO_DOUBLES, 0, NO_DOUBLES, 4, null);
        RECENT_DOUBLES[slot] = g;
        return g;
    }

    /** Doubles log-uniform in [min, max], min > 0. */
    public static DoubleGen logDoubles(double min, double max) {
        return doubles(min, max).logUniform();
    }

    /** Fair booleans, shrinking toward false. */
    public static Gen<Boolean> booleans() {
        return named("booleans", s -> s.drawBoolean(0.5));
    }

    /** One of the given values, uniformly; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(T... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        List<T> copy = List.of(values);
        return named("oneOf" + copy, s -> copy.get((int) s.drawLong(0, copy.size() - 1, 0)));
    }

    /** A value from one of the given generators, chosen uniformly; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> oneOfGens(Gen<? extends T>... gens) {
        if (gens.length == 0) {
            throw new IllegalArgumentException("oneOfGens needs at least one generator");
        }
        List<Gen<? extends T>> copy = List.of(gens);
        return named("oneOfGens", s -> s.draw(copy.get((int) s.drawLong(0, copy.size() - 1, 0))));
    }

    /** A weighted alternative, for {@link #frequency}. */
    public record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weights must be positive, got " + weight);
            }
        }
    }

    /** A weighted alternative. */
    public static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** Chooses among generators with the given weights; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<T>... options) {
        if (options.length == 0) {
            throw new IllegalArgumentException("frequency needs at least one option");
        }
        List<Weighted<T>> copy = List.of(options);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return named("frequency", s -> {
            long r = s.drawLong(0, total - 1, 0);
            for (Weighted<T> w : copy) {
                r -= w.weight();
                if (r < 0) {
                    return s.draw(w.gen());
                }
            }
            throw new AssertionError("unreachable");
        });
    }

    /**
     * Lists with a size in [minSize, maxSize]. Before each optional element the list draws a
     * "one more?" flag, so that deleting the flag with its element shortens the list cleanly
     * (Hypothesis's encoding); the average size is about (minSize + maxSize) / 2, capped at
     * minSize + 20.
     */
    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException("list sizes need 0 <= min <= max, got " + minSize + ".." + maxSize);
        }
        double average = Math.min(minSize + 20.0, (minSize + maxSize) / 2.0);
        double extra = Math.max(average - minSize, 0.5);
        double pMore = extra / (extra + 1);
        return named("lists(" + element + ")", s -> {
            List<T> out = new ArrayList<>();
            while (out.size() < minSize) {
                out.add(s.draw(element));
            }
            while (out.size() < maxSize) {
                s.startSpan("element");
                try {
                    if (!s.drawBoolean(pMore)) {
                        break;
                    }
                    out.add(s.draw(element));
                } finally {
                    s.endSpan();
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    /** Lists of 0 to 100 elements, about 20 on average: {@code lists(element, 0, 100)}. */
    public static <T> Gen<List<T>> lists(Gen<T> element) {
        return lists(element, 0, 100);
    }

    /** Lists of exactly n elements. */
    public static <T> Gen<List<T>> listsOfSize(Gen<T> element, int n) {
        return lazilyNamed(() -> "listsOfSize(" + n + ")", s -> {
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(s.draw(element));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /** Double arrays of exactly n elements. */
    public static Gen<double[]> doubleArrays(DoubleGen element, int n) {
        return lazilyNamed(() -> "doubleArrays(" + n + ")", s -> {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = element.draw(s);
            }
            return out;
        });
    }

    /** Double arrays whose length is generated first (a dependent generator). */
    public static Gen<double[]> doubleArrays(DoubleGen element, Gen<Integer> length) {
        return length.flatMap(n -> doubleArrays(element, n));
    }

    /**
     * Integers of any size, shrinking toward 0. Drawn as a sign, a count of 63-bit limbs beyond
     * the first (each further limb with probability 1/4, at most 32), then the limbs from the most
     * significant down; so a value with fewer limbs is simpler, and among equal counts the smaller
     * magnitude. Most values fit a long (3 in 4); every size up to 33 limbs (2079 bits) occurs.
     */
    public static Gen<BigInteger> bigIntegers() {
        Gen<Long> limb = longs(0, Long.MAX_VALUE).named("limb");
        return named("bigIntegers", s -> {
            boolean negative = s.drawBoolean(0.5);
            int extra = 0;
            while (extra < 32 && s.drawBoolean(0.25)) {
                extra++;
            }
            BigInteger v = BigInteger.ZERO;
            for (int k = 0; k <= extra; k++) {
                v = v.shiftLeft(63).or(BigInteger.valueOf(s.draw(limb)));
            }
            return negative ? v.negate() : v;
        });
    }

    /**
     * A recursive generator, such as trees or expressions: a node is a leaf from {@code base}, or,
     * with probability 1/2 and while the depth is below {@code maxDepth}, the generator that
     * {@code extend} builds from a generator of child nodes. The choice "leaf or not" is drawn at
     * every node (also at the depth cap, where it is ignored), so a subtree draws the same choices
     * wherever it sits, and the shrinker can replace a node by one of its descendants. Shrinks
     * toward a leaf.
     *
     * <pre>{@code
     * Gen<Expr> exprs = Gens.recursive(Gens.integers(-10, 10).map(Lit::new),
     *     child -> Gens.combine(child, child).as(Add::new), 5);
     * }</pre>
     */
    public static <T> Gen<T> recursive(Gen<? extends T> base, Function<Gen<T>, Gen<? extends T>> extend, int maxDepth) {
        Objects.requireNonNull(base);
        Objects.requireNonNull(extend);
        if (maxDepth < 0 || maxDepth > 1000) {
            throw new IllegalArgumentException("recursive needs a maximum depth in 0..1000, got " + maxDepth);
        }
        // One node generator per depth, built from the cap up: node d extends with node d + 1.
        List<Gen<T>> nodes = new ArrayList<>(Collections.nCopies(maxDepth + 1, null));
        String label = "recursive(" + base + ")";
        for (int d = maxDepth; d >= 0; d--) {
            Gen<? extends T> deeper = d < maxDepth
                    ? Objects.requireNonNull(extend.apply(nodes.get(d + 1)), "recursive: extend returned null")
                    : null;
            nodes.set(d, named(label, s -> {
                boolean branch = s.drawBoolean(0.5);
                return branch && deeper != null ? s.draw(deeper) : s.draw(base);
            }));
        }
        return nodes.get(0);
    }

    /**
     * A generator built on first use, for definitions that refer to themselves or to each other
     * (a field of a generator that is not yet assigned). The supplier is called once. A definition
     * that recurses without drawing anything never ends; give it a base case, or use
     * {@link #recursive}.
     */
    public static <T> Gen<T> lazy(Supplier<? extends Gen<? extends T>> supplier) {
        Objects.requireNonNull(supplier);
        Gen<T> holder = new Gen<>() {
            private volatile Gen<? extends T> gen;

            @Override
            public T generate(Source source) {
                Gen<? extends T> g = gen;
                if (g == null) {
                    g = Objects.requireNonNull(supplier.get(), "lazy: the supplier returned null");
                    gen = g;
                }
                return g.generate(source);
            }

            @Override
            public String describe() {
                return "lazy";
            }

            @Override
            public String toString() {
                return "lazy";
            }
        };
        return holder;
    }

    /**
     * The values of several generators of one type, drawn in order, as an unmodifiable list: a
     * combination of any width. For different types, see the typed {@code combine} overloads.
     */
    public static <T> Gen<List<T>> combineAll(List<? extends Gen<? extends T>> gens) {
        List<Gen<? extends T>> copy = List.copyOf(gens);
        return named("combineAll", s -> {
            List<T> out = new ArrayList<>(copy.size());
            for (Gen<? extends T> g : copy) {
                out.add(s.draw(g));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /** Starts a combination of generators: {@code combine(a, b).as((x, y) -> ...)}. */
    public static <A, B> Combine2<A, B> combine(Gen<A> a, Gen<B> b) {
        return new Combine2<>(a, b);
    }

    public static <A, B, C> Combine3<A, B, C> combine(Gen<A> a, Gen<B> b, Gen<C> c) {
        return new Combine3<>(a, b, c);
    }

    public static <A, B, C, D> Combine4<A, B, C, D> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
        return new Combine4<>(a, b, c, d);
    }

    public static <A, B, C, D, E> Combine5<A, B, C, D, E> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e) {
        return new Combine5<>(a, b, c, d, e);
    }

    public static <A, B, C, D, E, F> Combine6<A, B, C, D, E, F> combine(
            Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f) {
        return new Combine6<>(a, b, c, d, e, f);
    }

    public record Combine2<A, B>(Gen<A> a, Gen<B> b) {
        public <R> Gen<R> as(BiFunction<? super A, ? super B, ? extends R> f) {
            return named("combine", s -> f.apply(s.draw(a), s.draw(b)));
        }
    }

    public record Combine3<A, B, C>(Gen<A> a, Gen<B> b, Gen<C> c) {
        public interface F3<A, B, C, R> {
            R apply(A a, B b, C c);
        }

        public <R> Gen<R> as(F3<? super A, ? super B, ? super C, ? extends R> f) {
            return named("combine", s -> f.apply(s.draw(a), s.draw(b), s.draw(c)));
        }
    }

    public record Combine4<A, B, C, D>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d) {
        public interface F4<A, B, C, D, R> {
            R apply(A a, B b, C c, D d);
        }

        public <R> Gen<R> as(F4<? super A, ? super B, ? super C, ? super D, ? extends R> f) {
            return named("combine", s -> f.apply(s.draw(a), s.draw(b), s.draw(c), s.draw(d)));
        }
    }

    public record Combine5<A, B, C, D, E>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e) {
        public interface F5<A, B, C, D, E, R> {
            R apply(A a, B b, C c, D d, E e);
        }

        public <R> Gen<R> as(F5<? super A, ? super B, ? super C, ? super D, ? super E, ? extends R> f) {
            return named("combine", s -> f.apply(s.draw(a), s.draw(b), s.draw(c), s.draw(d), s.draw(e)));
        }
    }

    public record Combine6<A, B, C, D, E, F>(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f) {
        public interface F6<A, B, C, D, E, F, R> {
            R apply(A a, B b, C c, D d, E e, F f);
        }

        public <R> Gen<R> as(F6<? super A, ? super B, ? super C, ? super D, ? super E, ? super F, ? extends R> fn) {
            return named("combine", s -> fn.apply(s.draw(a), s.draw(b), s.draw(c), s.draw(d), s.draw(e), s.draw(f)));
        }
    }

    /** Thrown inside a try when a filter's rejection budget runs out; the try is discarded. */
    static final class FilterExhausted extends RuntimeException {
        final String filter;

        FilterExhausted(String filter, int budget) {
            super("filter '" + filter + "' rejected " + budget + " values in a row", null, false, false);
            this.filter = filter;
        }
    }

    static final class Filtered<T> implements Gen<T> {
        private final Gen<T> inner;
        private final String name;
        private final Predicate<? super T> predicate;
        private final int budget;

        Filtered(Gen<T> inner, String name, Predicate<? super T> predicate, int budget) {
            this.inner = inner;
            this.name = name;
            this.predicate = predicate;
            this.budget = budget;
        }

        @Override
        public T generate(Source source) {
            for (int i = 0; i < budget; i++) {
                T v = source.draw(inner);
                if (predicate.test(v)) {
                    return v;
                }
            }
            throw new FilterExhausted(name, budget);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
