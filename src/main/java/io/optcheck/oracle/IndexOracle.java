package io.optcheck.oracle;

/**
 * An oracle for methods that work on the terms of a finite sum f = (1/n) sum_i f_i (SVRG, SAGA,
 * FedAvg's clients): per-example gradients, the full gradient, and the method's randomness, drawn
 * from the oracle side so that a run is replayable and so that exact enumeration can drive a
 * method by scripting the indices it receives.
 *
 * <p>{@link #gradient} is the FULL gradient grad f(x) (exact). Wrong lengths or an index outside
 * [0, n) throw {@link IllegalArgumentException}; NaN and infinite inputs propagate per IEEE 754.
 */
public interface IndexOracle extends GradientOracle {

    /** The number of terms n &gt;= 1. */
    int n();

    /** Writes grad f_i(x) into {@code out}. Counted as a gradient call. */
    void exampleGradient(int i, double[] x, double[] out);

    /**
     * The next random index, uniform in [0, bound) for a sampling oracle, or the next scripted
     * index for an enumerating one.
     *
     * @throws IllegalArgumentException when bound &lt; 1
     * @throws IllegalStateException when a scripted oracle has no index left or its next index is
     *     not below {@code bound}
     */
    int nextIndex(int bound);
}
