package io.optcheck.run;

import io.optcheck.result.Result;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The worker process ({@code java ... io.optcheck.run.Worker}) that runs a plug-in's regimes for
 * the command line, started and supervised by {@link WorkerSupervisor}. The checks call the
 * plug-in directly on this process's main thread. A daemon thread reports the number of tries
 * started every {@value #REPORT_MILLIS} ms while it changes (and once more when the process
 * exits through System.exit), so the parent can hold every try to a deadline without a message
 * per try.
 *
 * <p>The plug-in cannot corrupt the protocol: System.out is redirected to System.err, and the
 * protocol writes to the original standard output. The worker ends when its standard input
 * closes (the parent ended, whatever the way), and it ignores SIGINT: a Ctrl-C in the terminal
 * reaches the whole process group, and the parent, which writes the partial report, kills it.
 */
public final class Worker {

    private Worker() {}

    static final long REPORT_MILLIS = 50;

    private static final Object LOCK = new Object();
    private static PrintStream protocol;
    private static volatile long currentJob = -1;
    private static volatile long tries;

    public static void main(String[] args) throws InterruptedException {
        protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ignoreSigint();
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readCommands(commands), "optcheck-worker-stdin");
        reader.setDaemon(true);
        reader.start();

        List<Plugins.Plugin> plugins;
        try {
            plugins = Plugins.load(Protocol.parseSetup(commands.take()), Catalog.builtIn());
        } catch (RuntimeException | LinkageError e) {
            send("setup-error " + Protocol.quote(e.getClass().getSimpleName() + ": " + e.getMessage()));
            System.exit(2);
            return;
        }
        Thread reporter = new Thread(Worker::reportProgress, "optcheck-worker-progress");
        reporter.setDaemon(true);
        reporter.start();
        // A plug-in that calls System.exit: the parent learns the try it happened in.
        Runtime.getRuntime().addShutdownHook(new Thread(Worker::sendProgress, "optcheck-worker-exit"));
        send("ready");
        for (; ; ) {
            Protocol.Job job = Protocol.parseJob(commands.take());
            tries = 0;
            currentJob = job.id();
            Result r = run(plugins, job);
            long id = currentJob;
            currentJob = -1;
            send("progress " + id + " " + tries);
            send("result " + id + " " + Protocol.result(r));
        }
    }

    private static Result run(List<Plugins.Plugin> plugins, Protocol.Job job) {
        Theorem<?> t = Plugins.find(plugins, job.method(), job.theorem());
        if (t == null) {
            throw new IllegalStateException(
                    "the worker has no theorem " + job.theorem() + " for method " + job.method());
        }
        Regime r = t.regimes().stream()
                .filter(x -> x.id().equals(job.regime()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("theorem " + t.id() + " has no regime " + job.regime()));
        RunSettings settings =
                new RunSettings(RunSettings.Depth.CI, 0, job.seed(), job.edgeCases(), job.statisticalRegimeRuns());
        long start = System.nanoTime();
        try {
            return TheoremRunner.run(t, r, job.tries(), settings, () -> tries++);
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                throw e;
            }
            return Results.error(t, r, job.seed(), e, (System.nanoTime() - start) / 1_000_000L);
        } catch (Throwable e) { // one broken check must not end the worker
            return Results.error(t, r, job.seed(), e, (System.nanoTime() - start) / 1_000_000L);
        }
    }

    private static void readCommands(BlockingQueue<String> commands) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
            }
        } catch (IOException e) {
            // the parent is gone
        }
        Runtime.getRuntime().halt(0); // stdin closed: the parent ended or gave up on this worker
    }

    private static void reportProgress() {
        long sent = -1;
        long sentJob = -1;
        for (; ; ) {
            try {
                Thread.sleep(REPORT_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long job = currentJob;
            long n = tries;
            if (job >= 0 && (n != sent || job != sentJob)) {
                send("progress " + job + " " + n);
                sent = n;
                sentJob = job;
            }
        }
    }

    private static void sendProgress() {
        long job = currentJob;
        if (job >= 0) {
            send("progress " + job + " " + tries);
        }
    }

    private static void send(String line) {
        synchronized (LOCK) {
            protocol.print(Protocol.PREFIX + line + "\n");
            protocol.flush();
            if (protocol.checkError()) {
                Runtime.getRuntime().halt(0); // the parent stopped reading: it is gone
            }
        }
    }

    @SuppressWarnings("restriction")
    private static void ignoreSigint() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (RuntimeException | LinkageError e) {
            // not available on this platform: the parent still kills the worker when it stops
        }
    }
}
