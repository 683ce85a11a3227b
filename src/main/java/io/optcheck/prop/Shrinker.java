package io.optcheck.prop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Integrated shrinking on the choice sequence (after Hypothesis's shrinker, MacIver &amp;
 * Donaldson, ECOOP 2020). Every candidate is replayed through the generators; the shrinker moves
 * only to a strictly simpler (shortlex) sequence that fails with the same failure key, so it
 * terminates, and it stops at a fixed point or when its budget of body evaluations runs out. It
 * is deterministic: bounded by counts, never by time.
 *
 * <p>Passes, in order:
 * <ul>
 *   <li>structure: delete spans; delete blocks of every size (adaptive: a deletion that works is
 *       grown by doubling, then bisected); replace a span by a descendant span drawn by the same
 *       generator (a tree collapses to a subtree); set a span to its simplest values; lower an
 *       integer while deleting a later span (a count and its element together);</li>
 *   <li>single values: each integer to its target, closer on its side, then to the simpler value
 *       on the other side (3 to -2: the order ranks 0, 1, -1, 2, -2, ...); each double to its
 *       target, then to the nearest whole number, then to 1, 2, ... decimal places;</li>
 *   <li>joint moves: equal integers lowered together; two nearby integers on the same side of
 *       their targets lowered by one common offset (a difference is kept); part or all of one
 *       integer's distance moved onto another (a sum is kept);</li>
 *   <li>order: sort adjacent equal-constraint choices and sibling spans.</li>
 * </ul>
 *
 * <p>Evaluation: a candidate is first only drawn (the generators run, the body does not). The
 * body runs only when the replayed sequence is simpler than the current best and was never
 * evaluated before; both caches are keyed on what was replayed or proposed, never on values, so
 * nothing is evaluated twice.
 */
final class Shrinker<T> {

    /** The two halves of a try: draw from raws (cheap), then run the body on what was drawn. */
    interface Evaluator<T> {
        Property.Drawn<T> draw(long[] raws);

        TryResult<T> check(Property.Drawn<T> drawn);
    }

    /** How a candidate went: adopted or not, and how many choices its replay actually drew. */
    private record Attempt(boolean accepted, int realizedSize) {}

    private static final Attempt SKIPPED = new Attempt(false, Integer.MAX_VALUE);

    private final Evaluator<T> evaluator;
    private final String failureKey;
    private final int budget;
    private final long drawBudget;
    private final long deadlineNanos;
    private TryResult<T> best;
    private int candidates;
    private long draws;
    private int steps;
    private boolean wallCapHit;
    /** Proposed raws already drawn, with the size of what their replay drew. */
    private final Map<Key, Integer> proposed = new HashMap<>();
    /** Replayed sequences whose body already ran. */
    private final Set<Key> evaluated = new HashSet<>();

    private record Key(long[] raws) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(raws, k.raws);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(raws);
        }
    }

    Shrinker(TryResult<T> failing, Evaluator<T> evaluator, int budget, long deadlineNanos) {
        this.best = failing;
        this.failureKey = failing.failureKey();
        this.evaluator = evaluator;
        this.budget = budget;
        this.drawBudget = 20L * budget;
        this.deadlineNanos = deadlineNanos;
        evaluated.add(new Key(failing.sequence().raws()));
    }

    TryResult<T> best() {
        return best;
    }

    int steps() {
        return steps;
    }

    /** Body evaluations run while shrinking. */
    int candidates() {
        return candidates;
    }

    boolean wallCapHit() {
        return wallCapHit;
    }

    private boolean exhausted() {
        if (candidates >= budget || draws >= drawBudget) {
            return true;
        }
        if (System.nanoTime() > deadlineNanos) {
            wallCapHit = true;
            return true;
        }
        return false;
    }

    /**
     * Replays a candidate and adopts it if it is simpler and fails the same way. The body runs
     * only for a replayed sequence that is simpler than the best and new.
     */
    private Attempt attempt(long[] raws) {
        if (exhausted()) {
            return SKIPPED;
        }
        Key key = new Key(raws);
        Integer size = proposed.get(key);
        if (size != null) {
            return new Attempt(false, size);
        }
        draws++;
        Property.Drawn<T> drawn = evaluator.draw(raws);
        ChoiceSequence seq = drawn.sequence();
        proposed.put(key, seq.size());
        if (seq.compareTo(best.sequence()) >= 0 || !evaluated.add(new Key(seq.raws()))) {
            return new Attempt(false, seq.size());
        }
        candidates++;
        TryResult<T> r = evaluator.check(drawn);
        boolean better = r.failed() && failureKey.equals(r.failureKey());
        if (better) {
            best = r;
            steps++;
        }
        return new Attempt(better, seq.size());
    }

    private boolean consider(long[] raws) {
        return attempt(raws).accepted();
    }

    private ChoiceSequence cur() {
        return best.sequence();
    }

    void run() {
        while (!exhausted()) {
            ChoiceSequence before = cur();
            deleteSpans();
            deleteBlocks();
            passToDescendant();
            zeroSpans();
            lowerAndDelete();
            minimizeChoices();
            lowerDuplicates();
            lowerPairsTogether();
            movePairAmounts();
            sortSiblings();
            if (cur().compareTo(before) >= 0) {
                return;
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * The largest n in [known, limit] with {@code f(n)}, given f(known) holds (known >= 0; f(0)
     * is the current state): probes known + 1, then doubles, then bisects (after Hypothesis's
     * find_integer). Exact when f is monotone, a local answer otherwise.
     */
    private long findLargest(long known, long limit, LongPredicate f) {
        long lo = known;
        long hi = -1;
        long probe = known + 1;
        while (probe <= limit && !exhausted()) {
            if (!f.test(probe)) {
                hi = probe;
                break;
            }
            lo = probe;
            if (probe == limit) {
                break;
            }
            probe = probe > limit / 2 ? limit : probe * 2;
        }
        if (hi < 0) {
            return lo;
        }
        while (hi - lo > 1 && !exhausted()) {
            long mid = lo + (hi - lo) / 2;
            if (f.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private long findLargest(long limit, LongPredicate f) {
        return findLargest(0, limit, f);
    }

    private static long[] delete(long[] raws, int start, int end) {
        long[] out = new long[raws.length - (end - start)];
        System.arraycopy(raws, 0, out, 0, start);
        System.arraycopy(raws, end, out, start, raws.length - end);
        return out;
    }

    private long[] withRaw(int i, long raw) {
        long[] raws = cur().raws();
        raws[i] = raw;
        return raws;
    }

    private static boolean isFlag(Choice c) {
        return c.kind() == Choice.Kind.INT && c.max() - c.min() <= 1;
    }

    /** Distance of an integer choice from its target, saturating at Long.MAX_VALUE. */
    private static long distance(Choice c) {
        long t = (long) c.target();
        return c.raw() >= t ? Source.room(c.raw(), t) : Source.room(t, c.raw());
    }

    /** The integer choice moved {@code d} toward its target (d at most its distance). */
    private static long toward(Choice c, long d) {
        long t = (long) c.target();
        return c.raw() >= t ? c.raw() - d : c.raw() + d;
    }

    // ---- structure --------------------------------------------------------------------------

    private void deleteSpans() {
        List<ChoiceSequence.Span> spans = new ArrayList<>(cur().spans());
        spans.sort(Comparator.comparingInt(ChoiceSequence.Span::length).reversed());
        for (ChoiceSequence.Span sp : spans) {
            if (sp.end() <= cur().size()) {
                consider(delete(cur().raws(), sp.start(), sp.end()));
            }
        }
    }

    /**
     * Deletes blocks at every position, from the end: a block of one or two choices (a list
     * element is a flag and its value), and when that works, as long a block as still fails.
     */
    private void deleteBlocks() {
        for (int i = cur().size() - 1; i >= 0 && !exhausted(); i--) {
            for (int k = 1; k <= 2; k++) {
                if (i + k > cur().size()) {
                    continue;
                }
                long[] base = cur().raws();
                int at = i;
                if (consider(delete(base, at, at + k))) {
                    int unit = k;
                    findLargest(1, (base.length - at) / unit, m -> consider(delete(base, at, at + (int) m * unit)));
                    break;
                }
            }
            i = Math.min(i, cur().size());
        }
    }

    /**
     * Replaces a span by one of its descendants drawn by the same generator (Hypothesis's
     * pass_to_descendant): an expression (a + (b / c)) becomes (b / c), a heap its subheap.
     */
    private void passToDescendant() {
        boolean progress = true;
        while (progress && !exhausted()) {
            progress = false;
            List<ChoiceSequence.Span> spans = new ArrayList<>(cur().spans());
            spans.sort(Comparator.comparingInt(ChoiceSequence.Span::length).reversed());
            outer:
            for (ChoiceSequence.Span a : spans) {
                int tried = 0;
                for (ChoiceSequence.Span b : spans) {
                    if (b.start() >= a.start()
                            && b.end() <= a.end()
                            && b.length() < a.length()
                            && b.depth() > a.depth()
                            && b.label().equals(a.label())
                            && tried++ < 32) {
                        long[] raws = cur().raws();
                        long[] cand = new long[raws.length - a.length() + b.length()];
                        System.arraycopy(raws, 0, cand, 0, a.start());
                        System.arraycopy(raws, b.start(), cand, a.start(), b.length());
                        System.arraycopy(raws, a.end(), cand, a.start() + b.length(), raws.length - a.end());
                        if (consider(cand)) {
                            progress = true;
                            break outer;
                        }
                    }
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
     * Lowers an integer by one and deletes a span after it in the same step.
     * This is how (n, list of n) shrinks: a smaller n with one element fewer.
     */
    private void lowerAndDelete() {
        for (int i = 0; i < cur().size() && !exhausted(); i++) {
            Choice c = cur().get(i);
            if (c.kind() != Choice.Kind.INT || c.raw() == (long) c.target()) {
                continue;
            }
            List<ChoiceSequence.Span> spans = cur().spans();
            int tried = 0;
            for (ChoiceSequence.Span sp : spans) {
                if (sp.start() > i && sp.end() <= cur().size() && tried++ < 64) {
                    if (consider(delete(withRaw(i, toward(c, 1)), sp.start(), sp.end()))) {
                        break;
                    }
                }
            }
        }
    }

    // ---- single values ----------------------------------------------------------------------

    private void minimizeChoices() {
        for (int i = 0; i < cur().size() && !exhausted(); i++) {
            if (cur().get(i).kind() == Choice.Kind.INT) {
                minimizeInt(i);
            } else {
                minimizeDouble(i);
            }
        }
    }

    /**
     * The target; else the closest failing value on the current side; else a value on the other
     * side that the order ranks simpler (above the target up to the same distance, below it up to
     * one less), as close to the target as still fails.
     */
    private void minimizeInt(int i) {
        Choice c = cur().get(i);
        long t = (long) c.target();
        if (c.raw() == t || tryInt(i, t)) {
            return;
        }
        lowerOnItsSide(i);
        if (i >= cur().size() || cur().get(i).kind() != Choice.Kind.INT) {
            return;
        }
        c = cur().get(i);
        long d = distance(c);
        boolean above = c.raw() > t;
        // other side: t - m for m <= d - 1 when above, t + m for m <= d when below
        long mMax = above ? d - 1 : d;
        long room = above ? Source.room(t, (long) c.min()) : Source.room((long) c.max(), t);
        mMax = Math.min(mMax, room);
        if (mMax < 1) {
            return;
        }
        long farthest = above ? t - mMax : t + mMax;
        if (tryInt(i, farthest) || (mMax > 1 && tryInt(i, above ? t - 1 : t + 1))) {
            lowerOnItsSide(i);
        }
    }

    /** Bisects integer choice i toward its target on its current side. */
    private void lowerOnItsSide(int i) {
        Choice c = cur().get(i);
        long d = distance(c);
        if (d <= 1) {
            return;
        }
        long v = c.raw();
        boolean above = v > (long) c.target();
        LongPredicate f = j -> i < cur().size() && tryInt(i, above ? v - j : v + j);
        long lo = findLargest(d - 1, f);
        // Bisection assumes that the failure is monotone; step over a hole of one or two passing
        // values (x - y != 0 fails for y = x - 1, passes at y = x, fails again below).
        for (long skip = 2; skip <= 3 && lo + skip <= d - 1 && !exhausted(); skip++) {
            if (f.test(lo + skip)) {
                lo = findLargest(lo + skip, d - 1, f);
                skip = 1;
            }
        }
    }

    /**
     * Tries integer choice i at {@code value}. When the new value makes the generators draw fewer
     * choices (a smaller dimension or count), the plain replacement reads the old choices out of
     * place; so it also tries deleting the surplus right after i and at the start of later spans,
     * which keeps the tail of the sequence (often the choice that matters) where it was.
     */
    private boolean tryInt(int i, long value) {
        if (i >= cur().size()) {
            return false;
        }
        Attempt a = attempt(withRaw(i, value));
        if (a.accepted()) {
            return true;
        }
        int delta = cur().size() - a.realizedSize();
        if (delta <= 0 || exhausted()) {
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
                if (consider(delete(withRaw(i, value), p, p + delta))) {
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
        if (i >= cur().size() || exhausted() || cur().get(i).kind() != Choice.Kind.DOUBLE) {
            return;
        }
        Choice c = cur().get(i);
        double v = c.doubleValue();
        double t = c.target();
        if (!Double.isFinite(v)) {
            return;
        }
        int s = v > t ? 1 : -1;
        // Start from the grid point at or nearer to the target than v.
        BigDecimal start = new BigDecimal(v)
                .divide(step, 0, s > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING)
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
            double cand =
                    start.subtract(signedStep.multiply(BigDecimal.valueOf(mid))).doubleValue();
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

    // ---- joint moves ------------------------------------------------------------------------

    /**
     * Integers with the same value and constraint, lowered together by one common amount
     * (Hypothesis's minimize_duplicated_blocks): a failure that needs x == y keeps x == y.
     */
    private void lowerDuplicates() {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cur().size(); i++) {
            Choice c = cur().get(i);
            if (c.kind() == Choice.Kind.INT && !isFlag(c) && c.raw() != (long) c.target()) {
                groups.computeIfAbsent(List.of(c.raw(), c.min(), c.max(), c.target()), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (List<Integer> idx : groups.values()) {
            if (idx.size() < 2 || exhausted()) {
                continue;
            }
            long[] base = cur().raws();
            if (idx.get(idx.size() - 1) >= base.length) {
                continue;
            }
            Choice c = cur().get(idx.get(0));
            findLargest(distance(c), d -> {
                long[] raws = base.clone();
                for (int i : idx) {
                    raws[i] = toward(c, d);
                }
                return consider(raws);
            });
        }
    }

    /** Pairs of nearby integer choices (not flags) under one constraint, i before j. */
    private List<int[]> nearbyIntPairs(int window) {
        List<int[]> pairs = new ArrayList<>();
        List<Integer> ints = new ArrayList<>();
        for (int i = 0; i < cur().size(); i++) {
            Choice c = cur().get(i);
            if (c.kind() == Choice.Kind.INT && !isFlag(c)) {
                ints.add(i);
            }
        }
        for (int a = 0; a < ints.size(); a++) {
            for (int b = a + 1; b < ints.size() && b <= a + window; b++) {
                Choice x = cur().get(ints.get(a));
                Choice y = cur().get(ints.get(b));
                if (x.min() == y.min() && x.max() == y.max() && x.target() == y.target()) {
                    pairs.add(new int[] {ints.get(a), ints.get(b)});
                }
            }
        }
        return pairs;
    }

    /**
     * Two integers on the same side of their target lowered by one common offset (Hypothesis's
     * lower_common_block_offset, for two): a failure that needs |x - y| small keeps it.
     */
    private void lowerPairsTogether() {
        for (int[] p : nearbyIntPairs(4)) {
            if (exhausted() || p[1] >= cur().size()) {
                return;
            }
            Choice x = cur().get(p[0]);
            Choice y = cur().get(p[1]);
            long t = (long) x.target();
            if (x.raw() == t || y.raw() == t || x.raw() == y.raw() || (x.raw() > t) != (y.raw() > t)) {
                continue;
            }
            long[] base = cur().raws();
            findLargest(Math.min(distance(x), distance(y)), d -> {
                long[] raws = base.clone();
                raws[p[0]] = toward(x, d);
                raws[p[1]] = toward(y, d);
                return consider(raws);
            });
        }
    }

    /**
     * Moves part or all of an earlier integer's distance from its target onto a later one, so the
     * earlier one gets simpler and a sum stays the same: the whole amount first, else as much as
     * still fails.
     */
    private void movePairAmounts() {
        for (int[] p : nearbyIntPairs(16)) {
            if (exhausted() || p[1] >= cur().size()) {
                return;
            }
            Choice x = cur().get(p[0]);
            Choice y = cur().get(p[1]);
            long t = (long) x.target();
            if (x.raw() == t) {
                continue;
            }
            boolean up = x.raw() > t; // moving x toward t lowers x by d, so y rises by d
            long room = up ? Source.room((long) y.max(), y.raw()) : Source.room(y.raw(), (long) y.min());
            long limit = Math.min(distance(x), room);
            if (limit < 1) {
                continue;
            }
            long[] base = cur().raws();
            LongPredicate move = d -> {
                long[] raws = base.clone();
                raws[p[0]] = toward(x, d);
                raws[p[1]] = up ? y.raw() + d : y.raw() - d;
                return consider(raws);
            };
            if (!move.test(limit) && limit > 1) {
                findLargest(limit - 1, move); // probes 1 first: one step of a limb or digit onto the next
            }
        }
    }

    // ---- order ------------------------------------------------------------------------------

    /**
     * Sorting: swaps adjacent choices drawn under the same constraint, and adjacent sibling spans
     * of equal length, when that makes the sequence simpler. Moving the simple values to the front
     * lets later deletions drop the tail of an array.
     */
    private void sortSiblings() {
        for (int i = 0; i + 1 < cur().size() && !exhausted(); i++) {
            Choice a = cur().get(i);
            Choice b = cur().get(i + 1);
            if (a.kind() == b.kind() && a.min() == b.min() && a.max() == b.max() && a.compareSimplicity(b) > 0) {
                long[] raws = cur().raws();
                raws[i] = b.raw();
                raws[i + 1] = a.raw();
                consider(raws);
            }
        }
        List<ChoiceSequence.Span> spans = cur().spans();
        for (ChoiceSequence.Span a : spans) {
            for (ChoiceSequence.Span b : spans) {
                if (b.start() == a.end()
                        && b.depth() == a.depth()
                        && b.length() == a.length()
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
