package io.optcheck.theory;

import io.optcheck.prop.Property;
import io.optcheck.result.Expected;

/**
 * How deep a catalog run goes.
 *
 * @param depth CI, FULL or QUICK: picks each spec's tries when {@code tries} is 0
 * @param tries tries per regime; 0 means "the spec's tries for this depth"
 * @param seed the seed of every property
 * @param edgeCases whether the edge-case phase runs
 * @param statisticalRegimeRuns how many statistical regimes this process run runs, for the
 *     false-alarm budget (see {@link io.optcheck.theory.stat.FalseAlarmBudget}); 0 when unknown
 */
public record RunSettings(Depth depth, int tries, long seed, boolean edgeCases, int statisticalRegimeRuns) {

    public RunSettings(Depth depth, int tries, long seed, boolean edgeCases) {
        this(depth, tries, seed, edgeCases, 0);
    }

    public RunSettings withStatisticalRegimeRuns(int n) {
        return new RunSettings(depth, tries, seed, edgeCases, n);
    }

    /** Run depths: every spec states CI and full tries; QUICK is a smoke run. */
    public enum Depth {
        QUICK,
        CI,
        FULL
    }

    /** Tries in a QUICK run. */
    public static final int QUICK_TRIES = 50;

    public static RunSettings ci() {
        return new RunSettings(Depth.CI, 0, Property.DEFAULT_SEED, true);
    }

    public static RunSettings full() {
        return new RunSettings(Depth.FULL, 0, Property.DEFAULT_SEED, true);
    }

    /** The same settings at another depth (explicit --tries still win). */
    public RunSettings withDepth(Depth d) {
        return new RunSettings(d, tries, seed, edgeCases, statisticalRegimeRuns);
    }

    public RunSettings withTries(int n) {
        return new RunSettings(depth, n, seed, edgeCases, statisticalRegimeRuns);
    }

    public RunSettings withSeed(long s) {
        return new RunSettings(depth, tries, s, edgeCases, statisticalRegimeRuns);
    }

    public RunSettings withEdgeCases(boolean on) {
        return new RunSettings(depth, tries, seed, on, statisticalRegimeRuns);
    }

    /**
     * The tries for one regime of a spec with the given CI and full counts. In the QUICK profile
     * a regime expected to hold runs at most {@link #QUICK_TRIES}, while a breaking or
     * no-guarantee regime keeps its CI tries: the search for a counterexample stops at the first
     * one, so it is cheap when it succeeds, and a smoke run must not report a missed break.
     */
    public int triesFor(Regime regime, int ciTries, int fullTries) {
        if (tries <= 0 && depth == Depth.QUICK && regime.expected() != Expected.HOLDS) {
            return ciTries;
        }
        return triesFor(ciTries, fullTries);
    }

    /** The tries for a spec with the given CI and full counts. */
    public int triesFor(int ciTries, int fullTries) {
        if (tries > 0) {
            return tries;
        }
        return switch (depth) {
            case QUICK -> Math.min(QUICK_TRIES, ciTries);
            case CI -> ciTries;
            case FULL -> fullTries;
        };
    }
}
