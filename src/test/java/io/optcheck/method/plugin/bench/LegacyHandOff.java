package io.optcheck.method.plugin.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The per-call thread hand-off the plug-in guard used before plug-ins ran in a worker process
 * (removed from the main code; kept here only so that GuardOverheadBench can show the old path
 * beside the new one in one run). Daemon worker threads that run one call into a plug-in at a
 * time, with a deadline. A hand-off
 * spins briefly on both sides before parking, so a well-behaved plug-in's steps cost a fraction of
 * a microsecond extra, not the microseconds of a park/unpark round trip (measured by
 * GuardOverheadBench in the tests). A worker whose call times out is abandoned (it may never
 * return) and never reused; being a daemon thread, it cannot keep the JVM from exiting.
 */
final class LegacyHandOff {

    private LegacyHandOff() {}

    /**
     * How long a waiting side spins (Thread.onSpinWait) before it parks: long enough to cover a
     * step and the checker's work between steps on an idle core (hand-off in about 0.1 us instead
     * of a 50 us wake-up from park), short enough not to burn a loaded machine's CPU.
     */
    private static final long SPIN_NANOS = 50_000;

    private static final ConcurrentLinkedDeque<Worker> IDLE = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** What a call ended with. */
    static final class Outcome {
        final Object value;
        final Throwable error;
        final boolean timedOut;

        Outcome(Object value, Throwable error, boolean timedOut) {
            this.value = value;
            this.error = error;
            this.timedOut = timedOut;
        }
    }

    static Outcome call(Callable<?> body, long timeoutNanos) {
        Worker w = IDLE.pollFirst();
        if (w == null) {
            w = new Worker();
            w.start();
        }
        w.caller = Thread.currentThread();
        w.done = false;
        w.task = body;
        LockSupport.unpark(w);
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        int spins = 0;
        while (!w.done) {
            if ((++spins & 63) != 0 || System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                w.interrupt(); // helps a plug-in that waits interruptibly; a busy loop stays stuck
                return new Outcome(null, null, true);
            }
            LockSupport.parkNanos(w, Math.min(left, 50_000_000L));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                w.interrupt();
                return new Outcome(null, new InterruptedException("interrupted while waiting for the plug-in"), false);
            }
        }
        Outcome o = new Outcome(w.result, w.error, false);
        w.result = null;
        w.error = null;
        IDLE.offerFirst(w);
        return o;
    }

    private static final class Worker extends Thread {
        volatile Callable<?> task;
        volatile boolean done;
        volatile Thread caller;
        Object result;
        Throwable error;

        Worker() {
            super("optcheck-plugin-" + COUNT.incrementAndGet());
            setDaemon(true);
        }

        @Override
        public void run() {
            for (; ; ) {
                Callable<?> t;
                int spins = 0;
                long idleSince = System.nanoTime();
                while ((t = task) == null) {
                    if ((++spins & 63) != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.parkNanos(this, 100_000_000L);
                    }
                }
                Thread.interrupted(); // a previous call's interrupt must not leak into this one
                try {
                    result = t.call();
                    error = null;
                } catch (Throwable e) {
                    result = null;
                    error = e;
                }
                task = null;
                done = true;
                LockSupport.unpark(caller);
            }
        }
    }
}
