package io.optcheck.run;

import io.optcheck.report.TerminalText;
import io.optcheck.result.Result;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs plug-in regimes in a forked worker JVM ({@link Worker}) and survives what the plug-in does
 * to it. One worker runs regime after regime. The supervisor holds every try to a deadline: when
 * the worker's count of started tries does not change for the try timeout, the worker is killed.
 * A worker that exits (System.exit, Runtime.halt), runs out of heap or hangs costs only the regime
 * it was running: that result is an {@code error} naming the cause, and the next regime starts a
 * fresh worker.
 *
 * <p>The worker runs {@code java} from this JVM's {@code java.home} with this JVM's class path,
 * the user's JVM options ({@link Options#jvmArgs}; {@value #DEFAULT_HEAP} unless they set -Xmx),
 * {@code -XX:+ExitOnOutOfMemoryError}, and every {@code optcheck.*} system property of this JVM.
 * Not thread-safe: one caller runs regimes; {@link #stop} may come from another thread.
 */
public final class WorkerSupervisor implements AutoCloseable {

    /** The worker's heap limit unless the user's JVM options set one. */
    public static final String DEFAULT_HEAP = "-Xmx1g";
    /** The default per-try deadline. */
    public static final Duration DEFAULT_TRY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How the workers run.
     *
     * @param plugins    what the worker loads (the same plug-ins the parent listed)
     * @param jvmArgs    the user's JVM options for the worker (e.g. -Xmx2g)
     * @param tryTimeout the longest a try may go without the next one starting
     * @param log        where the worker's own output goes (escaped, one line each, prefixed)
     */
    public record Options(Plugins.Spec plugins, List<String> jvmArgs, Duration tryTimeout, PrintStream log) {
        public Options {
            jvmArgs = List.copyOf(jvmArgs);
            if (tryTimeout.isNegative() || tryTimeout.isZero()) {
                throw new IllegalArgumentException("the try timeout must be positive, got " + tryTimeout);
            }
        }
    }

    private static final int TAIL_LINES = 40;

    private final Options options;
    private volatile WorkerProcess current;
    private long jobs;
    private volatile boolean stopped;

    public WorkerSupervisor(Options options) {
        this.options = options;
    }

    /**
     * Runs one regime of a plug-in theorem in the worker.
     *
     * @return its result, or an {@code error} result naming why the worker could not deliver it;
     *     null when {@link #stop} was called meanwhile
     */
    public Result run(Theorem<?> t, Regime r, int tries, RunSettings settings) {
        long start = System.nanoTime();
        String where = t.id() + "/" + r.id();
        if (stopped) {
            return null;
        }
        if (current == null) {
            try {
                current = WorkerProcess.start(command(), options);
            } catch (IOException e) {
                return Results.error(
                        t,
                        r,
                        settings.seed(),
                        "cannot start the worker JVM (" + e.getMessage()
                                + "); check --worker-jvm-args and that the 'java' of this JVM can run",
                        millis(start));
            }
            String failure = current.awaitReady(options.tryTimeout());
            if (failure != null) {
                killCurrent();
                return stopped
                        ? null
                        : Results.error(
                                t,
                                r,
                                settings.seed(),
                                "the worker JVM for " + where + " did not start: " + failure,
                                millis(start));
            }
        }
        long id = ++jobs;
        Protocol.Job job = new Protocol.Job(
                id,
                t.methodId(),
                t.id(),
                r.id(),
                tries,
                settings.seed(),
                settings.edgeCases(),
                settings.statisticalRegimeRuns());
        WorkerProcess w = current;
        w.send(Protocol.job(job));
        long count = 0;
        long lastChange = System.nanoTime();
        long timeoutNanos = options.tryTimeout().toNanos();
        for (; ; ) {
            long left = lastChange + timeoutNanos - System.nanoTime();
            Event e;
            try {
                e = left <= 0 ? null : w.events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                killCurrent();
                return null;
            }
            if (stopped) {
                killCurrent();
                return null;
            }
            if (e == null) {
                killCurrent();
                return Results.error(
                        t,
                        r,
                        settings.seed(),
                        String.format(
                                Locale.ROOT,
                                "timeout: no progress for %s during try %d of %s: the try did not finish within --try-timeout %s;"
                                        + " the worker was killed and the next regime runs in a fresh one. Fix: make the method"
                                        + " terminate, or raise --try-timeout",
                                seconds(options.tryTimeout()),
                                Math.max(1, count),
                                where,
                                seconds(options.tryTimeout())),
                        millis(start));
            }
            switch (e.kind) {
                case PROGRESS -> {
                    if (e.job == id && e.count != count) {
                        count = e.count;
                        lastChange = System.nanoTime();
                    }
                }
                case RESULT -> {
                    if (e.job == id) {
                        return Protocol.parseResult(e.text);
                    }
                }
                case EXITED -> {
                    current = null;
                    if (stopped) {
                        return null;
                    }
                    return Results.error(
                            t,
                            r,
                            settings.seed(),
                            exitCause(e.count, w.tail(), Math.max(1, count), where),
                            millis(start));
                }
                default -> {}
            }
        }
    }

    /** Why the worker ended, from its exit code and its last lines of output. */
    private String exitCause(long code, List<String> tail, long tryNo, String where) {
        boolean oom = tail.stream().anyMatch(l -> l.contains("java.lang.OutOfMemoryError"));
        if (oom) {
            String heap = options.jvmArgs().stream()
                    .filter(a -> a.startsWith("-Xmx"))
                    .reduce((a, b) -> b)
                    .orElse(DEFAULT_HEAP);
            return "heap exhausted (OutOfMemoryError) during try " + tryNo + " of " + where + " with " + heap
                    + "; the worker was ended and the next regime runs in a fresh one. Fix: bound the method's memory,"
                    + " or raise the heap with --worker-jvm-args -Xmx" + (heap.equals(DEFAULT_HEAP) ? "2g" : "...");
        }
        return "worker exited with code " + code + " during try " + tryNo + " of " + where + " (the method ended the"
                + " process: System.exit, Runtime.halt or a crash); the next regime runs in a fresh worker. Fix: never end"
                + " the JVM from the method; throw io.optcheck.method.MethodRefusal when it cannot proceed";
    }

    /** Stops the run: kills the worker; a {@link #run} in progress returns null. Any thread. */
    public void stop() {
        stopped = true;
        WorkerProcess w = current;
        if (w != null) {
            w.kill();
        }
    }

    @Override
    public void close() {
        WorkerProcess w = current;
        current = null;
        if (w != null) {
            w.close();
        }
    }

    private void killCurrent() {
        WorkerProcess w = current;
        current = null;
        if (w != null) {
            w.kill();
        }
    }

    /** The worker's command line. */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (options.jvmArgs().stream().noneMatch(a -> a.startsWith("-Xmx"))) {
            cmd.add(DEFAULT_HEAP);
        }
        cmd.addAll(options.jvmArgs());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        Map<String, String> props = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("optcheck.")) {
                props.put(k.toString(), v.toString());
            }
        });
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(Worker.class.getName());
        return cmd;
    }

    /**
     * This JVM's class path; when optcheck was loaded by a URLClassLoader of its own (Maven's
     * exec:java, an IDE, a build tool's plug-in), that loader's jars and directories come first.
     */
    static String classPath() {
        List<String> parts = new ArrayList<>();
        for (ClassLoader l = Worker.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        parts.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a local file: skip it
                    }
                }
            }
        }
        parts.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, parts);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }

    enum Kind {
        READY,
        SETUP_ERROR,
        PROGRESS,
        RESULT,
        EXITED
    }

    /** What the worker said; for EXITED, {@code count} is the exit code. */
    record Event(Kind kind, long job, long count, String text) {}

    /** One worker JVM: its process, the events its output produced, and its last lines of output. */
    private static final class WorkerProcess {
        final Process process;
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Deque<String> tail = new ArrayDeque<>();
        private final Writer stdin;
        private final PrintStream log;
        private final Thread err;

        private WorkerProcess(Process process, PrintStream log) {
            this.process = process;
            this.log = log;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread out = new Thread(() -> readStdout(process.getInputStream()), "optcheck-worker-out");
            out.setDaemon(true);
            err = new Thread(() -> readOther(process.getErrorStream()), "optcheck-worker-err");
            err.setDaemon(true);
            err.start();
            out.start();
        }

        static WorkerProcess start(List<String> command, Options o) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.directory(new File(System.getProperty("user.dir")));
            WorkerProcess w = new WorkerProcess(pb.start(), o.log());
            w.send(Protocol.setup(o.plugins()));
            return w;
        }

        /** Null when the worker is ready, else why not. */
        String awaitReady(Duration timeout) {
            long deadline = System.nanoTime()
                    + Math.max(timeout.toNanos(), Duration.ofSeconds(60).toNanos());
            for (; ; ) {
                Event e;
                try {
                    e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
                if (e == null) {
                    return "no answer within "
                            + seconds(Duration.ofNanos(Math.max(
                                    timeout.toNanos(), Duration.ofSeconds(60).toNanos())));
                }
                switch (e.kind) {
                    case READY -> {
                        return null;
                    }
                    case SETUP_ERROR -> {
                        return e.text;
                    }
                    case EXITED -> {
                        return "it exited with code " + e.count
                                + (tail().isEmpty()
                                        ? ""
                                        : "; its last output: "
                                                + String.join(
                                                        " | ",
                                                        tail().subList(Math.max(0, tail().size() - 3), tail().size())));
                    }
                    default -> {}
                }
            }
        }

        void send(String line) {
            try {
                stdin.write(line + "\n");
                stdin.flush();
            } catch (IOException e) {
                // the worker is gone; its EXITED event says how
            }
        }

        synchronized List<String> tail() {
            return new ArrayList<>(tail);
        }

        private synchronized void remember(String line) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }

        private void readStdout(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.startsWith(Protocol.PREFIX)) {
                        other(line);
                        continue;
                    }
                    String msg = line.substring(Protocol.PREFIX.length());
                    String[] p = msg.split(" ", 3);
                    switch (p[0]) {
                        case "ready" -> events.add(new Event(Kind.READY, -1, 0, null));
                        case "setup-error" ->
                            events.add(new Event(
                                    Kind.SETUP_ERROR, -1, 0, Protocol.unquote(msg.substring("setup-error ".length()))));
                        case "progress" ->
                            events.add(new Event(Kind.PROGRESS, Long.parseLong(p[1]), Long.parseLong(p[2]), null));
                        case "result" -> events.add(new Event(Kind.RESULT, Long.parseLong(p[1]), 0, p[2]));
                        default -> other(line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the stream ended with the process
            }
            int code;
            try {
                err.join(5_000); // its last words (an OutOfMemoryError) first
                code = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = -1;
            }
            events.add(new Event(Kind.EXITED, -1, code, null));
        }

        private void readOther(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    other(line);
                }
            } catch (IOException e) {
                // the stream ended with the process
            }
        }

        private void other(String line) {
            remember(line);
            if (log != null) {
                log.println("[worker] " + TerminalText.oneLine(line));
            }
        }

        void kill() {
            process.destroyForcibly();
        }

        void close() {
            try {
                stdin.close(); // the worker ends when its stdin closes
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
