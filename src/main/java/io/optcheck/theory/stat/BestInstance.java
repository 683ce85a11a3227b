package io.optcheck.theory.stat;

import java.util.Optional;

/**
 * Remembers the instance with the largest ratio (mean/bound) a statistical theorem evaluated
 * during one regime run, so that {@code Theorem.figures} can recheck it on fresh seeds (DESIGN.md:
 * "the best instance found by targeted search is rechecked on fresh seeds"). One tracker per
 * theorem object; {@link io.optcheck.theory.TheoremRunner#run} makes a fresh theorem object per
 * regime run through {@code withAlpha}, so runs do not share a tracker. Thread-safe.
 *
 * @param <I> the instance type
 */
public final class BestInstance<I> {

    private I best;
    private String regime;
    private double ratio = Double.NEGATIVE_INFINITY;

    /** Offers an instance evaluated in a regime; NaN ratios are ignored. */
    public synchronized void offer(String regimeId, I instance, double r) {
        if (Double.isNaN(r)) {
            return;
        }
        if (!regimeId.equals(regime)) {
            regime = regimeId;
            best = null;
            ratio = Double.NEGATIVE_INFINITY;
        }
        if (best == null || r > ratio) {
            best = instance;
            ratio = r;
        }
    }

    /** The best instance of a regime, if one was offered. */
    public synchronized Optional<I> best(String regimeId) {
        return regimeId.equals(regime) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Its ratio during the search (NEGATIVE_INFINITY when none). */
    public synchronized double ratio(String regimeId) {
        return regimeId.equals(regime) ? ratio : Double.NEGATIVE_INFINITY;
    }
}
