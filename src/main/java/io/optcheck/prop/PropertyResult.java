package io.optcheck.prop;

import java.util.List;

/**
 * What a property run found. Immutable.
 *
 * @param name the property's name
 * @param status passed, failed (a counterexample, a coverage shortfall or a score threshold),
 *     error (the generator could not produce inputs, e.g. a filter that rejects everything), or
 *     inconclusive (nothing failed, but too few tries to decide a coverage requirement)
 * @param message a one-paragraph explanation for failures and errors, null when passed
 * @param seed the run's seed
 * @param tries valid tries made (edge + random + targeted)
 * @param rejected tries discarded by filters or {@link Trial#reject}
 * @param foundBy the phase that found the failure, null if none
 * @param original the first failing case, before shrinking, or null
 * @param shrunk the shrunk failing case, or null
 * @param failure the exception the shrunk case threw, or null
 * @param shrinkSteps accepted shrink steps
 * @param shrinkCandidates replays the shrinker ran
 * @param statistics label counts over valid tries
 * @param bestScore the highest score any try reported (NaN if none)
 * @param best the case that reached it, or null
 * @param replayToken the token that reruns the shrunk case, or null
 * @param durationMs wall time of the run
 * @param wallCapHit whether the safety-net wall-clock cap cut the run short
 * @param <T> the generated type
 */
public record PropertyResult<T>(
        String name,
        Status status,
        String message,
        long seed,
        int tries,
        int rejected,
        Phase foundBy,
        Case<T> original,
        Case<T> shrunk,
        Throwable failure,
        int shrinkSteps,
        int shrinkCandidates,
        Statistics statistics,
        double bestScore,
        Case<T> best,
        String replayToken,
        long durationMs,
        boolean wallCapHit) {

    /**
     * How a run ended. INCONCLUSIVE: no case failed, but a coverage requirement fell short, and
     * not significantly so ({@link Property.Coverage}: below the required share, but
     * P(Bin(n, p) &lt;= k) is not below {@link Property.Coverage#ALPHA}).
     */
    public enum Status {
        PASSED,
        FAILED,
        ERROR,
        INCONCLUSIVE
    }

    /**
     * One generated case: its value, its choices and the notes the body attached.
     *
     * @param <T> the generated type
     */
    public record Case<T>(T value, ChoiceSequence sequence, List<String> notes, double score) {}

    public boolean passed() {
        return status == Status.PASSED;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The shrunk value, or null when nothing failed. */
    public T shrunkValue() {
        return shrunk == null ? null : shrunk.value();
    }
}
