package io.optcheck.theory;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One inequality checked at one step, with the numbers that decided it. Never a bare boolean.
 *
 * <p>{@code AT_MOST}: observed &lt;= bound + tol. {@code AT_LEAST}: observed &gt;= bound - tol.
 * The ratio is oriented so that a value above 1 is a violation: observed/bound for AT_MOST
 * (when bound &gt; 0), bound/observed for AT_LEAST (when both are positive), +Infinity when the
 * observed value has the wrong sign for a positive bound, and NaN when it is undefined (0/0).
 *
 * @param quantity what is compared, e.g. "f(x_t+1) decrease"
 * @param step the step t the check belongs to (t &gt;= 1)
 * @param observed the measured value, recomputed by the checker
 * @param bound the theorem's bound
 * @param direction which side is allowed
 * @param tol the tolerance from {@link Tolerance}
 * @param rechecked true when the verdict came from the exact recheck
 * @param ok whether the inequality held (false when the check is not {@link #decidable()})
 * @param exact how to re-evaluate this check in higher precision, or null when the check site
 *     gives none (then the theorem's {@link Theorem#exactlyHolds} is asked); not part of equality
 */
public record Check(
        String quantity,
        int step,
        double observed,
        double bound,
        Direction direction,
        double tol,
        boolean rechecked,
        boolean ok,
        Exact exact) {

    /**
     * A higher-precision re-evaluation of one check (THEOREMS.md, Numerics, "Recheck"), made only
     * when the check turns out marginal ({@link MarginalRecheck}).
     *
     * @param precision how it evaluates, for the report (e.g. "Dfp, 64 decimal digits, on the
     *     real-number step from the recorded x_t-1")
     * @param holds whether the inequality holds in that arithmetic
     */
    public record Exact(String precision, BooleanSupplier holds) {
        public Exact {
            Objects.requireNonNull(precision, "precision");
            Objects.requireNonNull(holds, "holds");
        }
    }

    /** A check without a higher-precision re-evaluation of its own. */
    public Check(
            String quantity,
            int step,
            double observed,
            double bound,
            Direction direction,
            double tol,
            boolean rechecked,
            boolean ok) {
        this(quantity, step, observed, bound, direction, tol, rechecked, ok, null);
    }

    /**
     * The same check, with the higher-precision re-evaluation its site knows how to make: the
     * closure sees what the check saw (copies of the iterates), so it can recompute the real-number
     * quantities. It runs only if the check is marginal.
     */
    public Check withExact(String precision, BooleanSupplier holds) {
        return new Check(quantity, step, observed, bound, direction, tol, rechecked, ok, new Exact(precision, holds));
    }

    /**
     * This check, or, when it failed within its tolerance ({@link #marginal()}) and carries an
     * {@link Exact} re-evaluation, the same check with that verdict (the within-tolerance rule).
     */
    public Check decideMarginal() {
        return marginal() && exact != null ? rechecked(exact.holds().getAsBoolean()) : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Check c
                && quantity.equals(c.quantity)
                && step == c.step
                && Double.compare(observed, c.observed) == 0
                && Double.compare(bound, c.bound) == 0
                && direction == c.direction
                && Double.compare(tol, c.tol) == 0
                && rechecked == c.rechecked
                && ok == c.ok;
    }

    @Override
    public int hashCode() {
        return Objects.hash(quantity, step, observed, bound, direction, tol, rechecked, ok);
    }

    /** Which side of the bound is allowed. */
    public enum Direction {
        AT_MOST,
        AT_LEAST
    }

    /** observed &lt;= bound + tol. */
    public static Check atMost(String quantity, int step, double observed, double bound, double tol) {
        boolean ok = decidable(bound, tol) && observed <= bound + tol;
        return new Check(quantity, step, observed, bound, Direction.AT_MOST, tol, false, ok);
    }

    /** observed &gt;= bound - tol. */
    public static Check atLeast(String quantity, int step, double observed, double bound, double tol) {
        boolean ok = decidable(bound, tol) && observed >= bound - tol;
        return new Check(quantity, step, observed, bound, Direction.AT_LEAST, tol, false, ok);
    }

    /**
     * True when the check can decide its instance: its bound and tolerance are finite. A check
     * with a NaN or infinite bound or tolerance has no verdict (THEOREMS.md, Numerics,
     * "Representable instances"): {@link Evaluation.Builder#add} stops there and the try is
     * rejected, never counted as a violation. Its {@link #ok()} is false, as an undecided check
     * never counts as held either.
     */
    public boolean decidable() {
        return decidable(bound, tol);
    }

    private static boolean decidable(double bound, double tol) {
        return Double.isFinite(bound) && Double.isFinite(tol);
    }

    /** The same check with the verdict of an exact recomputation. */
    public Check rechecked(boolean exactOk) {
        return new Check(quantity, step, observed, bound, direction, tol, true, exactOk, exact);
    }

    /** True when the check failed by less than {@link Tolerance#RECHECK_FACTOR} tolerances. */
    public boolean marginal() {
        return !ok && !rechecked && Math.abs(slack()) <= Tolerance.RECHECK_FACTOR * Math.max(tol, Double.MIN_NORMAL);
    }

    /** bound - observed for AT_MOST, observed - bound for AT_LEAST: negative means violated. */
    public double slack() {
        return direction == Direction.AT_MOST ? bound - observed : observed - bound;
    }

    /** tol / |bound|, reported with every result. */
    public double tolOverBound() {
        return bound == 0 ? Double.POSITIVE_INFINITY : tol / Math.abs(bound);
    }

    /** observed/bound, oriented so that above 1 is a violation (see the class comment). */
    public double ratio() {
        if (direction == Direction.AT_MOST) {
            if (bound > 0) {
                return observed / bound;
            }
            if (bound == 0) {
                return observed > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            }
            // bound < 0: observed <= bound  <=>  -observed >= -bound
            return observed >= 0 ? Double.POSITIVE_INFINITY : bound / observed;
        }
        if (bound > 0) {
            return observed > 0 ? bound / observed : Double.POSITIVE_INFINITY;
        }
        if (bound == 0) {
            return observed < 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        // bound < 0 allows an increase of |bound|: ratio = increase / allowed increase
        return observed / bound;
    }

    /** One line: "step 3: f decrease = 0.5 >= bound 0.6 (slack -0.1, tol 1e-15): violated". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "step %d: %s = %s %s bound %s (slack %s, tol %s, ratio %s)%s: %s",
                step,
                quantity,
                g(observed),
                direction == Direction.AT_MOST ? "<=" : ">=",
                g(bound),
                g(slack()),
                g(tol),
                g(ratio()),
                rechecked ? " [exact recheck]" : "",
                ok ? "held" : decidable() ? "violated" : "no verdict");
    }

    static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
