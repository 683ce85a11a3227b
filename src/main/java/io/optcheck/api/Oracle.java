package io.optcheck.api;

/**
 * What a plugged-in optimizer may ask about the objective. optcheck counts every call and checks
 * every answer it gives back, so an optimizer needs nothing else to reach the objective.
 *
 * <p>For stochastic kinds (SGD) {@link #gradient} returns an estimate drawn from optcheck's
 * seeded randomness, so runs are replayable.
 */
public interface Oracle {

    /** The dimension d of the domain. */
    int dimension();

    /**
     * f(x).
     *
     * @throws IllegalArgumentException when x does not have length {@link #dimension()}
     */
    double value(double[] x);

    /**
     * grad f(x) (or its estimate) in a fresh array the caller may keep or modify.
     *
     * @throws IllegalArgumentException when x does not have length {@link #dimension()}
     */
    double[] gradient(double[] x);
}
