package io.optcheck.problem;

/**
 * Implemented by hand-written objectives that also expose their definition as a
 * {@link Formula}, so that tests can cross-check the hand-written derivatives.
 */
public interface HasFormula {
    /** The same function as a formula over derivative structures. */
    Formula formula();
}
