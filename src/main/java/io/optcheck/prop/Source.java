package io.optcheck.prop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where generators get their randomness: every primitive draw goes through here and is recorded
 * as a {@link Choice}. A source first replays a prefix of raw values (clamped into each draw's
 * constraint), then continues according to its {@link Mode}.
 *
 * <p>Not thread-safe; one source serves one try.
 */
public final class Source {

  /** How a source draws once its prefix is used up. */
  public enum Mode {
    /** uniform (or log-uniform) pseudo-random draws */
    RANDOM,
    /** each draw takes one of its edge values, picked pseudo-randomly */
    EDGE,
    /** each draw takes its simplest value; used by the shrinker */
    SIMPLEST
  }

  /** Thrown when a try draws more than {@link #MAX_CHOICES} choices. */
  static final class Overrun extends RuntimeException {
    Overrun() {
      super("more than " + MAX_CHOICES + " choices in one try", null, false, false);
    }
  }

  /** The most choices one try may draw. */
  public static final int MAX_CHOICES = 20_000;

  private final long[] prefix;
  private final Mode mode;
  private final SplittableRandom rng;
  private final List<Choice> choices = new ArrayList<>();
  private final List<ChoiceSequence.Span> spans = new ArrayList<>();
  private final Deque<Integer> openSpans = new ArrayDeque<>();
  private final Deque<String> openLabels = new ArrayDeque<>();

  Source(long[] prefix, Mode mode, long seed) {
    this.prefix = prefix;
    this.mode = mode;
    this.rng = new SplittableRandom(seed);
  }

  /** A source that draws pseudo-randomly from the given seed. Useful in tests and benchmarks. */
  public static Source random(long seed) {
    return new Source(new long[0], Mode.RANDOM, seed);
  }

  /** Draws a value from a generator inside a span of its own, so the shrinker can see it. */
  public <T> T draw(Gen<T> gen) {
    startSpan(gen.toString());
    try {
      return gen.generate(this);
    } finally {
      endSpan();
    }
  }

  void startSpan(String label) {
    openSpans.push(choices.size());
    openLabels.push(label);
  }

  void endSpan() {
    int start = openSpans.pop();
    String label = openLabels.pop();
    if (choices.size() - start > 0) {
      spans.add(new ChoiceSequence.Span(start, choices.size(), openSpans.size(), label));
    }
  }

  /**
   * Draws an integer uniformly from [min, max] that shrinks toward {@code target}. Edge values
   * are min, max, target and their neighbours.
   */
  public long drawLong(long min, long max, long target) {
    if (min > max) {
      throw new IllegalArgumentException("empty integer range [" + min + ", " + max + "]");
    }
    long t = Math.max(min, Math.min(max, target));
    long v;
    int i = choices.size();
    if (i < prefix.length) {
      v = Math.max(min, Math.min(max, prefix[i]));
    } else {
      v = switch (mode) {
        case RANDOM -> uniformLong(min, max);
        case SIMPLEST -> t;
        case EDGE -> {
          long[] edges = {min, max, t, Math.min(max, min + 1), Math.max(min, max - 1)};
          yield edges[rng.nextInt(edges.length)];
        }
      };
    }
    record(Choice.ofInt(v, min, max, t));
    return v;
  }

  /** A boolean that is true with probability p (in random mode); shrinks toward false. */
  public boolean drawBoolean(double p) {
    int i = choices.size();
    boolean v;
    if (i < prefix.length) {
      v = prefix[i] != 0;
    } else {
      v = switch (mode) {
        case RANDOM -> rng.nextDouble() < p;
        case SIMPLEST -> false;
        case EDGE -> rng.nextBoolean();
      };
    }
    record(Choice.ofInt(v ? 1 : 0, 0, 1, 0));
    return v;
  }

  /** Draws a double as the spec says; see {@link DoubleGen}. */
  double drawDouble(DoubleGen spec) {
    int i = choices.size();
    double v;
    if (i < prefix.length) {
      v = spec.clamp(Double.longBitsToDouble(prefix[i]));
    } else {
      v = switch (mode) {
        case RANDOM -> spec.random(rng);
        case SIMPLEST -> spec.target();
        case EDGE -> {
          double[] edges = spec.edgeValues();
          yield edges[rng.nextInt(edges.length)];
        }
      };
    }
    record(new Choice(Choice.Kind.DOUBLE, Double.doubleToRawLongBits(v), spec.min(), spec.max(),
        spec.target(), spec.digits(), spec.isLogScale(), spec.knobName()));
    return v;
  }

  /** The raw random stream, for generators that need a seed of their own (rarely right). */
  long uniformLong(long min, long max) {
    if (max == Long.MAX_VALUE && min == Long.MIN_VALUE) {
      return rng.nextLong();
    }
    long span = max - min + 1;
    if (span <= 0) { // overflowed: range wider than 2^63
      long v;
      do {
        v = rng.nextLong();
      } while (v < min || v > max);
      return v;
    }
    return min + rng.nextLong(span);
  }

  private void record(Choice c) {
    if (choices.size() >= MAX_CHOICES) {
      throw new Overrun();
    }
    choices.add(c);
  }

  /** The choices drawn so far. */
  public ChoiceSequence sequence() {
    return new ChoiceSequence(choices, spans);
  }

  /** Number of choices drawn so far. */
  public int size() {
    return choices.size();
  }
}
