package io.optcheck.prop;

import java.util.List;
import java.util.Map;

/**
 * Hears what a run does, one call per try and one per phase, for tools that show what a property
 * generated (see {@link Observations}, which writes them in Hypothesis's observability format).
 * Add one with {@link Property#listener}; calls come from the thread that runs the property, in
 * order. A listener must not throw: an exception would end the run.
 */
public interface PropertyListener {

    /** How a try ended. */
    enum Status {
        /** the body returned */
        PASSED,
        /** the body threw, or its score reached the threshold */
        FAILED,
        /** discarded: the generator could not make a valid input, or the body rejected it */
        GAVE_UP
    }

    /**
     * One try.
     *
     * @param property the property's name
     * @param runStartMillis when the run began (epoch milliseconds): the same for all tries of a run
     * @param phase the phase that made the try ({@link Phase#SHRINK} for a shrinking candidate)
     * @param statusReason why it failed or gave up ("" when it passed)
     * @param value the generated value (null when generation failed)
     * @param arguments the value as named fields (the property's {@link Property#arguments} function,
     *     or {@code {"value": value}})
     * @param labels the coverage labels of the try
     * @param notes the body's notes
     * @param score the score the body reported, NaN if none
     * @param replayToken a token that reruns exactly this try ({@link Property#replay})
     * @param generateNanos time spent drawing the value
     * @param executeNanos time spent in the body
     */
    record Try(
            String property,
            long runStartMillis,
            long seed,
            Phase phase,
            Status status,
            String statusReason,
            Object value,
            Map<String, Object> arguments,
            List<String> labels,
            List<String> notes,
            double score,
            String replayToken,
            long generateNanos,
            long executeNanos) {}

    /**
     * The end of a phase.
     *
     * @param tries the tries the phase made (shrinking: the candidates replayed)
     * @param failed how many of them failed
     * @param gaveUp how many were discarded
     */
    record PhaseEnd(
            String property,
            long runStartMillis,
            long seed,
            Phase phase,
            int tries,
            int failed,
            int gaveUp,
            long nanos) {}

    /** One try ran. */
    void onTry(Try t);

    /** A phase ended (phases with no try are not reported). */
    void onPhase(PhaseEnd p);
}
