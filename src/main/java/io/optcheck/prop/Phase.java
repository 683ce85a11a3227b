package io.optcheck.prop;

import java.util.Locale;

/** The phase of a run in which a try was made; a failure records the phase that found it. */
public enum Phase {
    /** boundary values tried before random ones */
    EDGE,
    /** uniform pseudo-random tries */
    RANDOM,
    /** score-guided search (mutation hill climbing and CMA-ES over knobs) */
    TARGETED,
    /** a replay of a given token */
    REPLAY,
    /** replays of smaller candidates while shrinking a failure (never the phase that found it) */
    SHRINK;

    /** Whether this is a search phase, one that can find a break (edge, random, targeted). */
    public boolean searches() {
        return this == EDGE || this == RANDOM || this == TARGETED;
    }

    /** The results.json spelling of a search phase: "edge", "random" or "targeted". */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
