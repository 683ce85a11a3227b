package io.optcheck.oracle;

/**
 * What a method may ask about the objective: values and gradients, with call counts.
 *
 * <p>Arrays of the wrong length throw {@link IllegalArgumentException}. Non-finite inputs and
 * results are passed through unchanged (the runner, not the oracle, decides that a NaN ends a
 * run). Counters count every call, including calls that throw. Oracles are not required to be
 * thread-safe: use one oracle per run.
 */
public interface GradientOracle {
    /** The dimension d of the domain. */
    int dimension();

    /** f(x) (or an estimate of it, for stochastic oracles). */
    double value(double[] x);

    /** Writes grad f(x) (or an estimate of it) into {@code out}. */
    void gradient(double[] x, double[] out);

    /** Number of {@link #value} calls so far. */
    long valueCalls();

    /** Number of {@link #gradient} calls so far. */
    long gradientCalls();
}
