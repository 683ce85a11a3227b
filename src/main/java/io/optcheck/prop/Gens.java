package io.optcheck.prop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Factories for generators: primitives, collections and combinators. Every generator here draws
 * only from its {@link Source}, so all of them shrink and replay.
 */
public final class Gens {

  private Gens() {
  }

  /** A generator with a name, used in messages, spans and filter errors. */
  public static <T> Gen<T> named(String name, Gen<T> gen) {
    Objects.requireNonNull(gen);
    return new Gen<>() {
      @Override
      public T generate(Source source) {
        return gen.generate(source);
      }

      @Override
      public String describe() {
        return name;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** Always the same value; draws nothing. */
  public static <T> Gen<T> just(T value) {
    return named("just(" + value + ")", s -> value);
  }

  /** Integers uniform in [min, max], shrinking toward 0 if in range, else toward min. */
  public static Gen<Integer> integers(int min, int max) {
    long target = (min <= 0 && 0 <= max) ? 0 : min;
    return named(String.format(Locale.ROOT, "integers[%d, %d]", min, max),
        s -> (int) s.drawLong(min, max, target));
  }

  /** Longs uniform in [min, max], shrinking toward 0 if in range, else toward min. */
  public static Gen<Long> longs(long min, long max) {
    long target = (min <= 0 && 0 <= max) ? 0 : min;
    return named(String.format(Locale.ROOT, "longs[%d, %d]", min, max),
        s -> s.drawLong(min, max, target));
  }

  /** Doubles uniform in [min, max]; see {@link DoubleGen} for options and the shrinking rule. */
  public static DoubleGen doubles(double min, double max) {
    return new DoubleGen(min, max, false, new double[0], 0, new double[0], 4, null);
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

  /** Lists of exactly n elements. */
  public static <T> Gen<List<T>> listsOfSize(Gen<T> element, int n) {
    return named("listsOfSize(" + n + ")", s -> {
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(s.draw(element));
      }
      return Collections.unmodifiableList(out);
    });
  }

  /** Double arrays of exactly n elements. */
  public static Gen<double[]> doubleArrays(DoubleGen element, int n) {
    return named("doubleArrays(" + n + ")", s -> {
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

  public record Combine2<A, B>(Gen<A> a, Gen<B> b) {
    public <R> Gen<R> as(java.util.function.BiFunction<? super A, ? super B, ? extends R> f) {
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
