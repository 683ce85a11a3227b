package io.optcheck.prop;

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
  SHRINK
}
