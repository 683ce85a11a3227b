package io.optcheck.prop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Integrated shrinking on the choice sequence (after Hypothesis's shrinker, MacIver &amp;
 * Donaldson, ECOOP 2020). Passes: delete spans and blocks, zero spans, lower an integer while
 * deleting what follows it, minimize single integer and double choices, move value between
 * integer pairs, and sort sibling spans. Every candidate is replayed through the generators;
 * the shrinker moves only to a strictly simpler (shortlex) sequence that fails with the same
 * failure key, so it terminates, and it stops at a fixed point or when its candidate budget runs
 * out. It is deterministic: bounded by counts, never by time.
 */
final class Shrinker<T> {

  private final Function<long[], TryResult<T>> replay;
  private final String failureKey;
  private final int budget;
  private final long deadlineNanos;
  private TryResult<T> best;
  private int candidates;
  private int steps;
  private boolean wallCapHit;
  private final java.util.Map<LongKey, Boolean> cache = new java.util.HashMap<>();

  private record LongKey(long[] raws) {
    @Override
    public boolean equals(Object o) {
      return o instanceof LongKey k && java.util.Arrays.equals(raws, k.raws);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(raws);
    }
  }

  Shrinker(TryResult<T> failing, Function<long[], TryResult<T>> replay, int budget,
           long deadlineNanos) {
    this.best = failing;
    this.failureKey = failing.failureKey();
    this.replay = replay;
    this.budget = budget;
    this.deadlineNanos = deadlineNanos;
  }

  TryResult<T> best() {
    return best;
  }

  int steps() {
    return steps;
  }

  int candidates() {
    return candidates;
  }

  boolean wallCapHit() {
    return wallCapHit;
  }

  private boolean exhausted() {
    if (candidates >= budget) {
      return true;
    }
    if (System.nanoTime() > deadlineNanos) {
      wallCapHit = true;
      return true;
    }
    return false;
  }

  /** Replays a candidate and adopts it if it is simpler and fails the same way. */
  private boolean consider(long[] raws) {
    if (exhausted()) {
      return false;
    }
    LongKey key = new LongKey(raws);
    Boolean seen = cache.get(key);
    if (seen != null) {
      return false;
    }
    candidates++;
    TryResult<T> r = replay.apply(raws);
    boolean better = r.failed() && failureKey.equals(r.failureKey())
        && r.sequence().compareTo(best.sequence()) < 0;
    cache.put(key, better);
    if (better) {
      best = r;
      steps++;
    }
    return better;
  }

  private ChoiceSequence cur() {
    return best.sequence();
  }

  void run() {
    boolean progress = true;
    while (progress && !exhausted()) {
      ChoiceSequence before = cur();
      deleteSpans();
      deleteBlocks();
      zeroSpans();
      lowerAndDelete();
      minimizeChoices();
      redistributePairs();
      sortSiblings();
      progress = cur().compareTo(before) < 0;
    }
  }

  private void deleteSpans() {
    List<ChoiceSequence.Span> spans = new ArrayList<>(cur().spans());
    spans.sort(Comparator.comparingInt(ChoiceSequence.Span::length).reversed());
    for (ChoiceSequence.Span sp : spans) {
      if (sp.end() <= cur().size()) {
        consider(cur().without(sp.start(), sp.end()).raws());
      }
    }
  }

  private void deleteBlocks() {
    for (int k : new int[] {8, 4, 2, 1}) {
      for (int i = cur().size() - k; i >= 0; i--) {
        if (i + k <= cur().size()) {
          consider(cur().without(i, i + k).raws());
        }
      }
    }
  }

  private void zeroSpans() {
    List<ChoiceSequence.Span> spans = new ArrayList<>(cur().spans());
    spans.sort(Comparator.comparingInt(ChoiceSequence.Span::length).reversed());
    for (ChoiceSequence.Span sp : spans) {
      if (sp.end() > cur().size()) {
        continue;
      }
      long[] raws = cur().raws();
      boolean changed = false;
      for (int i = sp.start(); i < sp.end(); i++) {
        long simplest = simplestRaw(cur().get(i));
        changed |= raws[i] != simplest;
        raws[i] = simplest;
      }
      if (changed) {
        consider(raws);
      }
    }
  }

  private static long simplestRaw(Choice c) {
    return c.kind() == Choice.Kind.INT ? (long) c.target() : Double.doubleToRawLongBits(c.target());
  }

  /**
   * Lowers an integer by one and deletes a span after it. This is how (n, list of n) shrinks:
   * a smaller n with one element fewer.
   */
  private void lowerAndDelete() {
    for (int i = 0; i < cur().size(); i++) {
      Choice c = cur().get(i);
      if (c.kind() != Choice.Kind.INT || c.raw() == (long) c.target()) {
        continue;
      }
      long lowered = c.raw() > c.target() ? c.raw() - 1 : c.raw() + 1;
      List<ChoiceSequence.Span> spans = cur().spans();
      int tried = 0;
      for (ChoiceSequence.Span sp : spans) {
        if (sp.start() > i && sp.end() <= cur().size() && tried++ < 64) {
          ChoiceSequence cand = cur().with(i, c.withRaw(lowered)).without(sp.start(), sp.end());
          if (consider(cand.raws())) {
            break;
          }
        }
      }
    }
  }

  private void minimizeChoices() {
    for (int i = 0; i < cur().size(); i++) {
      if (cur().get(i).kind() == Choice.Kind.INT) {
        minimizeInt(i);
      } else {
        minimizeDouble(i);
      }
    }
  }

  private long[] withRaw(int i, long raw) {
    long[] raws = cur().raws();
    raws[i] = raw;
    return raws;
  }

  private void minimizeInt(int i) {
    Choice c = cur().get(i);
    long t = (long) c.target();
    long v = c.raw();
    if (v == t || tryInt(i, t)) {
      return;
    }
    if (v < t && 2 * t - v <= c.max() && tryInt(i, 2 * t - v)) {
      v = 2 * t - v; // the mirror image above the target is simpler (1 rather than -1)
    }
    long s = v > t ? 1 : -1;
    // Largest j in [0, |v - t|) with v - s j still failing (bisection, assuming monotonicity).
    long lo = 0;
    long hi = Math.abs(v - t);
    while (hi - lo > 1 && i < cur().size() && !exhausted()) {
      long mid = lo + (hi - lo) / 2;
      if (tryInt(i, v - s * mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }

  /**
   * Tries integer choice i at value {@code value}. When the new value makes the generators draw
   * fewer choices (a smaller dimension or count), the plain replacement reads the old choices
   * out of place; so it also tries deleting the surplus right after i and at the start of later
   * spans, which keeps the tail of the sequence (often the choice that matters) where it was.
   */
  private boolean tryInt(int i, long value) {
    long[] replaced = withRaw(i, value);
    if (consider(replaced)) {
      return true;
    }
    if (exhausted()) {
      return false;
    }
    candidates++;
    int newSize = replay.apply(replaced).sequence().size();
    int delta = cur().size() - newSize;
    if (delta <= 0) {
      return false;
    }
    List<Integer> starts = new ArrayList<>();
    starts.add(i + 1);
    for (ChoiceSequence.Span sp : cur().spans()) {
      if (sp.start() > i + 1 && !starts.contains(sp.start()) && starts.size() < 24) {
        starts.add(sp.start());
      }
    }
    for (int p : starts) {
      if (p + delta <= cur().size()) {
        ChoiceSequence cand = cur().with(i, cur().get(i).withRaw(value)).without(p, p + delta);
        if (consider(cand.raws())) {
          return true;
        }
      }
    }
    return false;
  }

  private void minimizeDouble(int i) {
    Choice c = cur().get(i);
    double t = c.target();
    double v = c.doubleValue();
    if (Double.compare(v, t) == 0 || consider(withRaw(i, Double.doubleToRawLongBits(t)))) {
      return;
    }
    if (!Double.isFinite(v)) {
      for (double alt : new double[] {c.min(), c.max()}) {
        if (consider(withRaw(i, Double.doubleToRawLongBits(alt)))) {
          break;
        }
      }
      v = cur().get(i).doubleValue();
      if (!Double.isFinite(v)) {
        return;
      }
    }
    double mirror = 2 * t - v;
    if (v < t && mirror <= c.max()) {
      consider(withRaw(i, Double.doubleToRawLongBits(mirror))); // 1 rather than -1
    }
    // Integers first, then 1, 2, ..., digits decimal places: each time the value on that grid
    // closest to the target that still fails.
    bisectGrid(i, BigDecimal.ONE);
    for (int p = 1; p <= c.digits() && i < cur().size(); p++) {
      bisectGrid(i, BigDecimal.ONE.scaleByPowerOfTen(-p));
    }
  }

  /**
   * On the grid of multiples of {@code step}, finds the value closest to the target that still
   * fails, between the target and the current value (bisection).
   */
  private void bisectGrid(int i, BigDecimal step) {
    if (i >= cur().size() || exhausted()) {
      return;
    }
    Choice c = cur().get(i);
    double v = c.doubleValue();
    double t = c.target();
    int s = v > t ? 1 : -1;
    // Start from the grid point at or nearer to the target than v.
    BigDecimal start = new BigDecimal(v).divide(step, 0, s > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING)
        .multiply(step);
    BigDecimal tb = new BigDecimal(t);
    BigDecimal distance = start.subtract(tb).abs();
    long maxJ = distance.divide(step, 0, RoundingMode.FLOOR).longValue();
    if (maxJ > (1L << 52)) {
      return;
    }
    BigDecimal signedStep = s > 0 ? step : step.negate();
    double startValue = start.doubleValue();
    if (startValue != v && !inRange(c, startValue)) {
      return;
    }
    if (startValue != v && !consider(withRaw(i, Double.doubleToRawLongBits(startValue)))) {
      return;
    }
    long lo = 0;
    long hi = maxJ + 1;
    while (hi - lo > 1 && !exhausted()) {
      long mid = lo + (hi - lo) / 2;
      double cand = start.subtract(signedStep.multiply(BigDecimal.valueOf(mid))).doubleValue();
      if (!inRange(c, cand)) {
        hi = mid;
        continue;
      }
      if (consider(withRaw(i, Double.doubleToRawLongBits(cand)))) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }

  private static boolean inRange(Choice c, double v) {
    return v >= c.min() && v <= c.max();
  }

  /** Moves value from an earlier integer to a later one, so the earlier one can shrink. */
  private void redistributePairs() {
    int n = cur().size();
    for (int i = 0; i < n && i < cur().size(); i++) {
      for (int j = i + 1; j < cur().size() && j < i + 16; j++) {
        Choice a = cur().get(i);
        Choice b = cur().get(j);
        if (a.kind() != Choice.Kind.INT || b.kind() != Choice.Kind.INT || a.raw() == (long) a.target()
            || a.min() != b.min() || a.max() != b.max()) {
          continue;
        }
        long moved = a.raw() - (long) a.target();
        long nb = b.raw() + moved;
        if (nb < b.min() || nb > b.max()) {
          continue;
        }
        long[] raws = cur().raws();
        raws[i] = (long) a.target();
        raws[j] = nb;
        consider(raws);
      }
    }
  }

  /**
   * Sorting: swaps adjacent choices drawn under the same constraint, and adjacent sibling spans
   * of equal length, when that makes the sequence simpler. Moving the simple values to the front
   * lets later deletions drop the tail of an array.
   */
  private void sortSiblings() {
    for (int i = 0; i + 1 < cur().size(); i++) {
      Choice a = cur().get(i);
      Choice b = cur().get(i + 1);
      if (a.kind() == b.kind() && a.min() == b.min() && a.max() == b.max()
          && a.compareSimplicity(b) > 0) {
        long[] raws = cur().raws();
        raws[i] = b.raw();
        raws[i + 1] = a.raw();
        consider(raws);
      }
    }
    List<ChoiceSequence.Span> spans = cur().spans();
    for (ChoiceSequence.Span a : spans) {
      for (ChoiceSequence.Span b : spans) {
        if (b.start() == a.end() && b.depth() == a.depth() && b.length() == a.length()
            && b.end() <= cur().size()) {
          long[] raws = cur().raws();
          long[] swapped = raws.clone();
          System.arraycopy(raws, b.start(), swapped, a.start(), b.length());
          System.arraycopy(raws, a.start(), swapped, b.start(), a.length());
          consider(swapped);
        }
      }
    }
  }
}
