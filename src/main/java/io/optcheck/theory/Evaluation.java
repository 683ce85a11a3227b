package io.optcheck.theory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What checking one instance found: the first violated check (or none), the check with the
 * largest ratio over steps t &gt;= 1, how the run ended, and the per-step curves for plots.
 *
 * @param violation the first violated check, or null
 * @param undecided the first check without a verdict (a NaN or infinite bound or tolerance, see
 *     {@link Check#decidable()}), or null; checking stops there and the try is rejected
 * @param worst the check with the largest ratio, or null when no ratio is defined
 * @param ending "completed", "refused: reason" or "error: message"
 * @param errorStep the step of a refusal or error, or -1
 * @param series per-step curves, e.g. "observed" and "bound": in the order of a LinkedHashMap or
 *     SortedMap, any other map sorted by name (the order results.json and the plots show them)
 * @param checks number of checks made
 * @param bounded the decided checks with a nonzero bound
 * @param resolved those of them whose tolerance is at most 1e-6 of the bound: only those can see
 *     a small violation. An evaluation with bounded checks and none resolved judged nothing but
 *     its rounding (the runner counts it in {@code extra.vacuousEvaluations})
 */
public record Evaluation(
        Check violation,
        Check undecided,
        Check worst,
        Ending ending,
        String endingMessage,
        int errorStep,
        Map<String, double[]> series,
        int checks,
        int bounded,
        int resolved) {

    /** How the run behind an evaluation ended. */
    public enum Ending {
        COMPLETED,
        REFUSED,
        ERROR
    }

    public Evaluation {
        // An ordered map keeps its order; any other (Map.of, HashMap) is sorted by name: Map.of's and
        // Map.copyOf's iteration order changes from one JVM to the next, and so did the order of the
        // curves in results.json and in the plots.
        series = Collections.unmodifiableMap(
                series instanceof LinkedHashMap<?, ?> || series instanceof SortedMap<?, ?>
                        ? new LinkedHashMap<>(series)
                        : new TreeMap<>(series));
    }

    /** The worst ratio, NaN when none is defined. */
    public double worstRatio() {
        return worst == null ? Double.NaN : worst.ratio();
    }

    /** True when the evaluation made checks with a nonzero bound and none of them was resolved. */
    public boolean vacuous() {
        return bounded > 0 && resolved == 0;
    }

    /** Whether a check's tolerance is at most 1e-6 of its nonzero bound (its ratio is then read). */
    public static boolean resolved(Check c) {
        return c.bound() != 0 && c.tol() <= 1e-6 * Math.abs(c.bound());
    }

    /** True when a check had no verdict on this instance (the try is rejected, not judged). */
    public boolean noVerdict() {
        return undecided != null;
    }

    /** Collects checks in order, stopping at the first violation or the first check without a verdict. */
    public static final class Builder {
        private Check violation;
        private Check undecided;
        private Check worst;
        private int checks;
        private int bounded;
        private int resolvedChecks;

        /**
         * Adds a check; returns true when it is the first violation, or a check without a verdict
         * ({@link Check#decidable()} false), after which the caller should stop. Null means "no check
         * at this step" (for a conclusion read at one step only) and is skipped.
         */
        public boolean add(Check c) {
            if (c == null) {
                return false; // no check at this step (a conclusion read at one step only)
            }
            checks++;
            if (!c.decidable()) {
                if (undecided == null && violation == null) {
                    undecided = c;
                }
                return true;
            }
            double r = c.ratio();
            // A ratio is read only where it is resolved: the tolerance is at most 1e-6 of the bound.
            boolean resolved = resolved(c);
            if (c.bound() != 0) {
                bounded++;
            }
            if (resolved) {
                resolvedChecks++;
            }
            if (c.step() >= 1 && !Double.isNaN(r) && (resolved || !c.ok()) && (worst == null || r > worst.ratio())) {
                worst = c;
            }
            if (!c.ok() && violation == null) {
                violation = c;
                return true;
            }
            return false;
        }

        public boolean violated() {
            return violation != null;
        }

        public Evaluation build(Ending ending, String message, int errorStep, Map<String, double[]> series) {
            return new Evaluation(
                    violation, undecided, worst, ending, message, errorStep, series, checks, bounded, resolvedChecks);
        }

        /** {@link #build} of a check that ran to its end: COMPLETED, message "completed", no error step. */
        public Evaluation completed(Map<String, double[]> series) {
            return build(Ending.COMPLETED, "completed", -1, series);
        }
    }
}
