package io.optcheck.problem;

/**
 * A finite sum f(x) = (1/n) sum_i f_i(x) with access to each term, the setting of stochastic
 * optimization (Bottou, Curtis &amp; Nocedal 2018, sec. 2). {@link #value} and {@link #gradient}
 * are the full averages; stochastic oracles combine {@link #exampleGradient} over a batch.
 *
 * <p>Conventions are those of {@link Objective}: wrong lengths or an index outside [0, n) throw
 * {@link IllegalArgumentException}; NaN and infinite inputs propagate per IEEE 754.
 */
public interface FiniteSum extends Objective {

    /** The number of terms n &gt;= 1. */
    int n();

    /** f_i(x). */
    double exampleValue(int i, double[] x);

    /** Writes grad f_i(x) into {@code out} (length d). */
    void exampleGradient(int i, double[] x, double[] out);

    /** f(x) = (1/n) sum_i f_i(x): the terms summed in index order, then divided by n. */
    @Override
    default double value(double[] x) {
        double s = 0;
        for (int i = 0; i < n(); i++) {
            s += exampleValue(i, x);
        }
        return s / n();
    }

    /**
     * Returns {@code i} when it indexes a term.
     *
     * @throws IllegalArgumentException naming i and n when i is outside [0, n)
     */
    default int requireExample(int i) {
        if (i < 0 || i >= n()) {
            throw new IllegalArgumentException("example index " + i + " outside [0, " + n() + ")");
        }
        return i;
    }

    /**
     * The checks of {@link #exampleValue}'s arguments, in this order: x of length d, then i a term.
     * Returns {@code i}.
     *
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    default int requireExampleArgs(int i, double[] x) {
        Vectors.requireLength(x, dimension(), "x");
        return requireExample(i);
    }

    /**
     * The checks of {@link #exampleGradient}'s arguments, in this order: x and out of length d,
     * then i a term. Returns {@code i}.
     *
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    default int requireExampleArgs(int i, double[] x, double[] out) {
        Vectors.requireLength(x, dimension(), "x");
        Vectors.requireLength(out, dimension(), "out");
        return requireExample(i);
    }
}
