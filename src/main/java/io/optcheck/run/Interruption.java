package io.optcheck.run;

/**
 * What a run does when the process is told to stop (SIGINT, SIGTERM, or a System.exit elsewhere):
 * a JVM shutdown hook that runs {@code onStop} (write the partial report) unless the run reported
 * first. After the hook the JVM exits with 128 + the signal number: 130 for SIGINT, 143 for
 * SIGTERM. Exactly one of the two reports: the normal end reports through {@link #report}, and a
 * signal that arrives while it writes waits for the complete report instead of cutting it.
 */
public final class Interruption implements AutoCloseable {

    private final Thread hook;
    private final Object lock = new Object();
    private boolean reported;

    private Interruption(Runnable onStop) {
        this.hook = new Thread(
                () -> {
                    synchronized (lock) {
                        if (!reported) {
                            reported = true;
                            onStop.run();
                        }
                    }
                },
                "optcheck-interrupted");
    }

    /** Arms the hook. */
    public static Interruption onStop(Runnable onStop) {
        Interruption i = new Interruption(onStop);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /**
     * Runs {@code write} (the normal end's report) unless the hook reported already.
     *
     * @return false when the run was interrupted and the partial report written instead
     */
    public boolean report(Runnable write) {
        synchronized (lock) {
            if (reported) {
                return false;
            }
            reported = true;
            write.run();
            return true;
        }
    }

    /** Removes the hook (the run ended normally, or the JVM is already shutting down). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or done
        }
    }
}
