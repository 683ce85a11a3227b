package io.optcheck.api;

/**
 * A user's optimizer as optcheck checks it: a step function on an explicit state.
 *
 * <p>Contract (each part is checked; a violation is reported as an error result naming the
 * method and the step, and the rest of the run continues):
 * <ul>
 *   <li>{@link #init} and {@link #step} do not modify their arguments: not x0, not the state
 *       passed in, not arrays obtained from the oracle before the step;</li>
 *   <li>{@link #position} returns an array of length d with the current iterate x_t;</li>
 *   <li>a step returns within the per-step time limit;</li>
 *   <li>the same inputs give the same state (determinism is itself a conformance property).</li>
 * </ul>
 * A state may be any type. Immutable values are simplest; a mutable state is fine as long as
 * {@link #step} returns a new object and leaves the old one alone.
 *
 * @param <S> the optimizer's state type
 */
public interface Optimizer<S> {

    /** The state at x_0 (t = 0). Must not keep a reference to {@code x0}'s array. */
    S init(double[] x0);

    /** One step: the state at t + 1. Must not modify {@code state}. */
    S step(S state, Oracle oracle);

    /** The current iterate x_t (the caller may modify the returned array). */
    double[] position(S state);

    /**
     * Whether {@link #copy} is supported. When it is not, the checkpoint/resume conformance
     * property is reported as not applicable, with this class's reason.
     */
    default boolean supportsCopy() {
        return false;
    }

    /**
     * An independent copy of a state: continuing from the copy must give the same iterates as
     * continuing from the original. Only called when {@link #supportsCopy()} is true.
     *
     * @throws UnsupportedOperationException by default
     */
    default S copy(S state) {
        throw new UnsupportedOperationException(getClass().getName() + " does not copy its state");
    }
}
