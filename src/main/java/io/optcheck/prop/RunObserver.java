package io.optcheck.prop;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The listeners of one run, with the run's start time and its current phase; null stands for a
 * run without listeners, so that a run nobody listens to does no extra work.
 */
final class RunObserver {

    private final List<PropertyListener> listeners;
    private final String property;
    private final long seed;
    private final Function<Object, Map<String, Object>> arguments;
    private final long runStartMillis = System.currentTimeMillis();
    private Phase phase;
    private long phaseStart;
    private int tries;
    private int failed;
    private int gaveUp;

    private RunObserver(
            List<PropertyListener> listeners,
            String property,
            long seed,
            Function<Object, Map<String, Object>> arguments) {
        this.listeners = listeners;
        this.property = property;
        this.seed = seed;
        this.arguments = arguments;
    }

    /** An observer for these listeners, or null when there are none. */
    static RunObserver of(
            List<PropertyListener> listeners,
            String property,
            long seed,
            Function<Object, Map<String, Object>> arguments) {
        return listeners.isEmpty() ? null : new RunObserver(listeners, property, seed, arguments);
    }

    /** {@code obs.phase(next)}, for a run that may have no observer (null). */
    static void phase(RunObserver obs, Phase next) {
        if (obs != null) {
            obs.phase(next);
        }
    }

    /** Ends the current phase (reported if it made a try) and starts {@code next} (null: the run ended). */
    void phase(Phase next) {
        if (phase != null && tries > 0) {
            PropertyListener.PhaseEnd e = new PropertyListener.PhaseEnd(
                    property, runStartMillis, seed, phase, tries, failed, gaveUp, System.nanoTime() - phaseStart);
            listeners.forEach(l -> l.onPhase(e));
        }
        phase = next;
        phaseStart = System.nanoTime();
        tries = 0;
        failed = 0;
        gaveUp = 0;
    }

    void tried(TryResult<?> r, long generateNanos, long executeNanos) {
        tries++;
        PropertyListener.Status status = r.failed()
                ? PropertyListener.Status.FAILED
                : r.valid() ? PropertyListener.Status.PASSED : PropertyListener.Status.GAVE_UP;
        if (status == PropertyListener.Status.FAILED) {
            failed++;
        } else if (status == PropertyListener.Status.GAVE_UP) {
            gaveUp++;
        }
        String reason = r.failure() != null
                ? FailureReport.describe(r.failure())
                : r.rejectReason() != null ? r.rejectReason() : "";
        Map<String, Object> args;
        try {
            args = r.value() == null
                    ? Map.of()
                    : arguments == null ? Map.of("value", r.value()) : arguments.apply(r.value());
        } catch (RuntimeException e) {
            args = Map.of("value", r.value(), "argumentsError", FailureReport.describe(e));
        }
        PropertyListener.Try t = new PropertyListener.Try(
                property,
                runStartMillis,
                seed,
                phase,
                status,
                reason,
                r.value(),
                args,
                r.labels(),
                r.notes(),
                r.score(),
                ReplayToken.of(r.sequence()).encode(),
                generateNanos,
                executeNanos);
        listeners.forEach(l -> l.onTry(t));
    }
}
