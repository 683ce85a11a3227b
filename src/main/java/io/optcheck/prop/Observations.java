package io.optcheck.prop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes what runs do as JSON lines in Hypothesis's observability format (the "PBT Observations"
 * schema that Tyche reads, also called OpenPBTStats): one {@code test_case} line per executed try
 * (shrinking candidates included; an edge case drawn twice is executed, and written, twice) and one
 * {@code info} line per phase.
 *
 * <p>A {@code test_case} line has every field the schema requires, and only those: {@code type},
 * {@code status} ({@code passed}, {@code failed} or {@code gave_up}), {@code status_reason},
 * {@code representation} (the value as the failure report prints it), {@code arguments} (the
 * value's fields), {@code how_generated} ("generated during random phase", ...), {@code features}
 * (the try's coverage labels, each mapped to "", and {@code "target"}: the score when there is
 * one, as Hypothesis records its target scores), {@code coverage} (null: no line coverage is
 * measured), {@code timing} (seconds: {@code generate:value} and {@code execute:test}),
 * {@code metadata} (seed, phase, notes, and a replay token for exactly this try),
 * {@code property} and {@code run_start} (seconds since the epoch; one value per run). An
 * {@code info} line has {@code type}, {@code title} ("phase random", ...), {@code content} (the
 * phase's counts and duration), {@code property} and {@code run_start}.
 *
 * <p>Runs write here when the system property {@value #PROPERTY} names a file. Lines are
 * appended, each with one write to a file opened for appending, so several threads and several
 * processes (Surefire forks, plug-in workers that inherit the property) can share one file. Delete
 * the file to start afresh. Non-finite numbers are written as the strings "Infinity",
 * "-Infinity" and "NaN", as in results.json.
 */
public final class Observations implements PropertyListener {

    /** The system property that names the observations file. */
    public static final String PROPERTY = "optcheck.observations";

    private static final Map<Path, Observations> OPEN = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_ELEMENTS = 100;
    private static final int MAX_DEPTH = 8;

    private final Path file;
    private final FileChannel channel;

    private Observations(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot write observations to '" + file + "' (" + e + "). Set -D" + PROPERTY
                            + " (or --observations) to a file in a directory you can write to.",
                    e);
        }
    }

    /**
     * The writer for a file: one per file in a JVM, opened (and created, with its directory) on first
     * use.
     *
     * @throws IllegalArgumentException naming the file and the fix when it cannot be opened for writing
     */
    public static Observations to(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), Observations::new);
    }

    /**
     * Makes every run in this JVM (and in worker JVMs that receive the optcheck.* system
     * properties) write to {@code file}: checks that it can be written, then sets {@value #PROPERTY}.
     *
     * @throws IllegalArgumentException naming the file and the fix when it cannot be opened for writing
     */
    public static void useFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        to(abs);
        System.setProperty(PROPERTY, abs.toString());
    }

    /** The writer named by the system property {@value #PROPERTY}, or null when it is not set. */
    static Observations fromSystemProperty() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? null : to(Path.of(name.trim()));
    }

    /** The file written. */
    public Path file() {
        return file;
    }

    @Override
    public void onTry(Try t) {
        ObjectNode o = F.objectNode();
        o.put("type", "test_case");
        o.put("status", t.status().name().toLowerCase(Locale.ROOT));
        o.put("status_reason", t.statusReason());
        o.put("representation", t.value() == null ? "" : FailureReport.formatValue(t.value()));
        ObjectNode args = o.putObject("arguments");
        t.arguments().forEach((k, v) -> args.set(k, json(v, 0)));
        o.put("how_generated", howGenerated(t.phase()));
        ObjectNode features = o.putObject("features");
        for (String label : t.labels()) {
            features.put(label, "");
        }
        if (!Double.isNaN(t.score())) {
            features.set("target", number(t.score()));
        }
        o.putNull("coverage");
        ObjectNode timing = o.putObject("timing");
        timing.put("generate:value", t.generateNanos() / 1e9);
        timing.put("execute:test", t.executeNanos() / 1e9);
        ObjectNode meta = o.putObject("metadata");
        meta.put("seed", t.seed());
        meta.put("phase", t.phase().name().toLowerCase(Locale.ROOT));
        meta.put("replay_token", t.replayToken());
        ArrayNode notes = meta.putArray("notes");
        t.notes().forEach(notes::add);
        o.put("property", t.property());
        o.put("run_start", t.runStartMillis() / 1000.0);
        write(o);
    }

    @Override
    public void onPhase(PhaseEnd p) {
        ObjectNode o = F.objectNode();
        o.put("type", "info");
        String phase = p.phase().name().toLowerCase(Locale.ROOT);
        o.put("title", "phase " + phase);
        ObjectNode c = o.putObject("content");
        c.put("phase", phase);
        c.put("tries", p.tries());
        c.put("failed", p.failed());
        c.put("gave_up", p.gaveUp());
        c.put("seconds", p.nanos() / 1e9);
        c.put("seed", p.seed());
        o.put("property", p.property());
        o.put("run_start", p.runStartMillis() / 1000.0);
        write(o);
    }

    private static String howGenerated(Phase phase) {
        return phase == Phase.REPLAY
                ? "replay of a token"
                : "generated during " + phase.name().toLowerCase(Locale.ROOT) + " phase";
    }

    /** One whole line with one write, so that appends from several writers do not interleave. */
    private synchronized void write(ObjectNode line) {
        try {
            ByteBuffer buf = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the observations file '" + file + "'", e);
        }
    }

    /** A JSON form of a generated value: records and maps as objects, arrays and lists as arrays. */
    private static JsonNode json(Object v, int depth) {
        if (v == null) {
            return F.nullNode();
        }
        if (depth > MAX_DEPTH) {
            return F.textNode("...");
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                    ? F.numberNode(n.longValue())
                    : F.textNode(n.toString());
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Character) {
            return F.textNode(v.toString());
        }
        if (v.getClass().isArray()) {
            ArrayNode a = F.arrayNode();
            int n = Array.getLength(v);
            for (int i = 0; i < Math.min(n, MAX_ELEMENTS); i++) {
                a.add(json(Array.get(v, i), depth + 1));
            }
            if (n > MAX_ELEMENTS) {
                a.add("... (" + n + " elements)");
            }
            return a;
        }
        if (v instanceof Iterable<?> it) {
            ArrayNode a = F.arrayNode();
            int n = 0;
            for (Object x : it) {
                if (n++ == MAX_ELEMENTS) {
                    a.add("...");
                    break;
                }
                a.add(json(x, depth + 1));
            }
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), json(x, depth + 1)));
            return o;
        }
        if (v instanceof Record) {
            ObjectNode o = F.objectNode();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    o.set(c.getName(), json(c.getAccessor().invoke(v), depth + 1));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    o.put(c.getName(), "?");
                }
            }
            return o;
        }
        return F.textNode(v.toString());
    }

    private static JsonNode number(double d) {
        return Double.isFinite(d)
                ? F.numberNode(d)
                : F.textNode(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
}
