package io.optcheck.run;

import io.optcheck.result.Result;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A regime run on one thread of this JVM with a deadline per try, for the JUnit entry points
 * (Surefire's forked JVM is their isolation): the regime's tries run on a daemon thread, calling
 * the plug-in directly (one hand-off per regime, none per step or per try), and the caller waits
 * while the count of started tries keeps changing. A try that takes longer than the timeout ends
 * the regime with an {@code error} result. Its thread cannot be stopped inside the JVM: it is
 * interrupted and left to run as a daemon, and the caller should not start the same plug-in again
 * ({@link Outcome#timedOut}).
 */
public final class TimeBox {

    /** System property: the per-try limit in seconds for JUnit runs (default 60). */
    public static final String TIMEOUT_PROPERTY = "optcheck.tryTimeoutSeconds";

    private TimeBox() {}

    /**
     * The result, and whether the deadline was hit.
     *
     * @param result   the regime's result (an error naming the try when it timed out)
     * @param timedOut true when a try overran its deadline; its thread may still be running
     */
    public record Outcome(Result result, boolean timedOut) {}

    /** The per-try limit: {@value #TIMEOUT_PROPERTY} when set, else {@link WorkerSupervisor#DEFAULT_TRY_TIMEOUT}. */
    public static Duration defaultTimeout() {
        String s = System.getProperty(TIMEOUT_PROPERTY);
        if (s == null || s.isBlank()) {
            return WorkerSupervisor.DEFAULT_TRY_TIMEOUT;
        }
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + "=" + s + " is not a number of seconds");
        }
        if (!(v > 0)) {
            throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + "=" + s + " must be positive");
        }
        return Duration.ofNanos(Math.round(v * 1e9));
    }

    /** Runs the regime with every try held to {@code tryTimeout}. */
    public static Outcome run(Theorem<?> t, Regime r, int tries, RunSettings settings, Duration tryTimeout) {
        AtomicLong started = new AtomicLong();
        AtomicReference<Object> done = new AtomicReference<>();
        long start = System.nanoTime();
        Thread worker = new Thread(
                () -> {
                    Object out;
                    try {
                        out = TheoremRunner.run(t, r, tries, settings, started::incrementAndGet);
                    } catch (Throwable e) {
                        out = e;
                    }
                    synchronized (done) {
                        done.set(out);
                        done.notifyAll();
                    }
                },
                "optcheck-regime-" + t.id() + "/" + r.id());
        worker.setDaemon(true);
        worker.start();
        long count = 0;
        long lastChange = System.nanoTime();
        long timeout = tryTimeout.toNanos();
        synchronized (done) {
            while (done.get() == null) {
                long now = System.nanoTime();
                long c = started.get();
                if (c != count) {
                    count = c;
                    lastChange = now;
                }
                long left = lastChange + timeout - now;
                if (left <= 0) {
                    worker.interrupt();
                    return new Outcome(
                            Results.error(
                                    t,
                                    r,
                                    settings.seed(),
                                    "timeout: try " + Math.max(1, count) + " of "
                                            + t.id() + "/" + r.id() + " did not finish within "
                                            + WorkerSupervisor.seconds(tryTimeout)
                                            + " (the per-try limit). Its thread cannot be stopped inside this JVM and was left running, so"
                                            + " this method's further regimes are not run. Fix: make the method terminate, or raise the limit"
                                            + " (OptimizerCheck.tryTimeout, -D" + TIMEOUT_PROPERTY
                                            + "); the command line runs a plug-in in a"
                                            + " worker process it can kill",
                                    (System.nanoTime() - start) / 1_000_000L),
                            true);
                }
                try {
                    done.wait(Math.max(1, Math.min(left / 1_000_000L, 100)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    worker.interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + t.id() + "/" + r.id(), e);
                }
            }
        }
        Object out = done.get();
        if (out instanceof Result res) {
            return new Outcome(res, false);
        }
        if (out instanceof RuntimeException e) {
            throw e;
        }
        if (out instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException((Throwable) out);
    }
}
