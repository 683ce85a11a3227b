package io.optcheck.method;

/**
 * Called by the {@link Runner} after every successful step, so that a check can stop a run at
 * its first violation, before a diverging run overflows.
 */
@FunctionalInterface
public interface StopCondition {
    /** Never stops. */
    StopCondition NEVER = (t, previous, current) -> false;

    /**
     * @param t the number of steps taken so far in this run (1 after the first step)
     * @param previous a copy of x_{t-1}
     * @param current a copy of x_t (finite)
     * @return true to end the run now with status {@link Trajectory.Status#STOPPED}; x_t is
     *     kept in the trajectory
     */
    boolean stop(int t, double[] previous, double[] current);
}
