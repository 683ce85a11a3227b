package io.optcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.optcheck.result.Counterexample;
import io.optcheck.result.ErrorInfo;
import io.optcheck.result.Expected;
import io.optcheck.result.Observation;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Series;
import io.optcheck.result.ShardInfo;
import io.optcheck.result.StatisticalTest;
import io.optcheck.result.Threshold;
import io.optcheck.result.Verdict;
import io.optcheck.result.Waiver;
import io.optcheck.result.WaiverMark;
import io.optcheck.result.WaiverReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes and reads {@code results.json}.
 *
 * <p>Output is deterministic: fields in a fixed, declared order (the order of the record
 * components), results sorted (see {@link RunReport}), two-space indentation, LF line ends, UTF-8,
 * one trailing newline. Numbers are written at full precision ({@link Double#toString(double)},
 * which parses back to the same double). Non-finite doubles, wherever they occur (fields, curves,
 * free-form maps), are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}, so the file is valid JSON for every strict parser. Absent optional values
 * are written as {@code null}, so every result has the same keys.
 */
public final class JsonReport {
    private JsonReport() {}

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Strict: no NaN literals, no comments, no trailing commas. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        pp.indentObjectsWith(indent);
        pp.indentArraysWith(indent);
        WRITER = MAPPER.writer(pp);
    }

    // ------------------------------------------------------------------ writing

    /** The report as results.json text (ends with a newline). */
    public static String toJson(RunReport report) {
        try {
            return WRITER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree of plain nodes", e);
        }
    }

    /** Writes {@link #toJson(RunReport)} to {@code file} in UTF-8, replacing it. The parent directory must exist. */
    public static void write(RunReport report, Path file) throws IOException {
        Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
    }

    static ObjectNode tree(RunReport r) {
        ObjectNode o = F.objectNode();
        o.put("tool", r.tool());
        o.put("schemaVersion", r.schemaVersion());
        o.put("version", r.version());
        o.put("seed", r.seed());
        o.put("startedAt", r.startedAt().toString());
        o.put("wallMs", r.wallMs());
        o.put("partial", r.partial());
        if (r.shard() != null) {
            ShardInfo sh = r.shard();
            ObjectNode n = o.putObject("shard");
            n.put("index", sh.index());
            n.put("count", sh.count());
            n.put("commit", sh.commit());
            n.put("depth", sh.depth());
            n.put("tries", sh.tries());
            n.put("edgeCases", sh.edgeCases());
            n.put("selection", sh.selection());
            n.put("jobs", sh.jobs());
            n.put("totalJobs", sh.totalJobs());
        }
        o.set("tolerance", free(r.tolerance()));
        o.set("waivers", r.waivers() == null ? F.nullNode() : waiverReport(r.waivers()));
        ArrayNode results = o.putArray("results");
        r.results().forEach(x -> results.add(result(x)));
        ArrayNode obs = o.putArray("observations");
        for (Observation b : r.observations()) {
            ObjectNode n = obs.addObject();
            n.put("id", b.id());
            n.put("method", b.method());
            n.set("series", curves(b.series()));
            n.set("summary", free(b.summary()));
        }
        return o;
    }

    private static ObjectNode result(Result r) {
        ObjectNode o = F.objectNode();
        o.put("theorem", r.theorem());
        o.put("conclusion", r.conclusion());
        o.put("method", r.method());
        o.put("regime", r.regime());
        ArrayNode a = o.putArray("assumptions");
        r.assumptions().forEach(a::add);
        o.put("expected", r.expected().json());
        o.put("outcome", r.outcome().json());
        o.put("verdict", r.verdict().json());
        if (r.waiver() == null) {
            o.putNull("waiver");
        } else {
            ObjectNode w = o.putObject("waiver");
            w.put("reason", r.waiver().reason());
            w.put("expires", r.waiver().expires().toString());
        }
        o.put("tries", r.tries());
        o.put("seed", r.seed());
        o.set(
                "foundBy",
                r.foundBy() == null ? F.nullNode() : F.textNode(r.foundBy().json()));
        o.set("worstRatio", num(r.worstRatio()));
        o.set("tightReference", num(r.tightReference()));
        o.set("toleranceRatio", num(r.toleranceRatio()));
        if (r.threshold() == null) {
            o.putNull("threshold");
        } else {
            ObjectNode t = o.putObject("threshold");
            t.set("found", num(r.threshold().found()));
            t.set("theory", num(r.threshold().theory()));
            t.put("parameter", r.threshold().parameter());
        }
        if (r.statistics() == null) {
            o.putNull("statistics");
        } else {
            ObjectNode s = o.putObject("statistics");
            s.put("test", r.statistics().test());
            s.set("alpha", num(r.statistics().alpha()));
            s.put("runs", r.statistics().runs());
            s.put("seed", r.statistics().seed());
        }
        ObjectNode conv = o.putObject("conventions");
        r.conventions().forEach(conv::put);
        if (r.counterexample() == null) {
            o.putNull("counterexample");
        } else {
            Counterexample c = r.counterexample();
            ObjectNode n = o.putObject("counterexample");
            n.set("fields", free(c.fields()));
            n.put("summary", c.summary());
            n.put("replay", c.replay());
            n.put("shrinkSteps", c.shrinkSteps());
            n.set("original", c.original() == null ? F.nullNode() : free(c.original()));
        }
        if (r.error() == null) {
            o.putNull("error");
        } else {
            ObjectNode e = o.putObject("error");
            e.put("message", r.error().message());
            if (r.error().step() == null) {
                e.putNull("step");
            } else {
                e.put("step", r.error().step().intValue());
            }
        }
        o.put("durationMs", r.durationMs());
        o.set("extra", free(r.extra()));
        o.set("series", curves(r.series().curves()));
        o.set("recheck", r.recheck() == null ? F.nullNode() : free(r.recheck()));
        o.put("precision", r.precision());
        return o;
    }

    private static ObjectNode waiverReport(WaiverReport w) {
        ObjectNode o = F.objectNode();
        o.set("applied", waiverList(w.applied()));
        o.set("expired", waiverList(w.expired()));
        o.set("unused", waiverList(w.unused()));
        return o;
    }

    private static ArrayNode waiverList(List<Waiver> ws) {
        ArrayNode a = F.arrayNode();
        for (Waiver w : ws) {
            ObjectNode n = a.addObject();
            n.put("id", w.id());
            n.put("reason", w.reason());
            n.put("expires", w.expires().toString());
        }
        return a;
    }

    private static JsonNode num(Double d) {
        return d == null ? F.nullNode() : num(d.doubleValue());
    }

    private static JsonNode num(double d) {
        if (Double.isNaN(d)) {
            return F.textNode("NaN");
        }
        if (Double.isInfinite(d)) {
            return F.textNode(d > 0 ? "Infinity" : "-Infinity");
        }
        return F.numberNode(d);
    }

    private static ObjectNode curves(Map<String, double[]> m) {
        ObjectNode o = F.objectNode();
        m.forEach((k, v) -> {
            ArrayNode a = o.putArray(k);
            for (double d : v) {
                a.add(num(d));
            }
        });
        return o;
    }

    private static JsonNode free(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof String s) {
            return F.textNode(s);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof Double d) {
            return num(d.doubleValue());
        }
        if (v instanceof List<?> l) {
            ArrayNode a = F.arrayNode();
            l.forEach(x -> a.add(free(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((k, x) -> o.set((String) k, free(x)));
            return o;
        }
        // Values.value(...) normalizes everything stored in the model to the types above.
        throw new IllegalStateException("unexpected value type " + v.getClass().getName());
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a results.json written by {@link #write}. Unknown fields are ignored, so files from later
     * (additive) schema versions can be read.
     *
     * @throws IOException           if the file cannot be read
     * @throws ReportFormatException if it is not a valid results.json; the message gives the JSON path
     */
    public static RunReport read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), String.valueOf(file.getFileName()));
    }

    /** Parses results.json text; see {@link #read(Path)}. */
    public static RunReport fromJson(String json) {
        return fromJson(json, "results.json");
    }

    private static RunReport fromJson(String json, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(name + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        try {
            return report(new In(root, "$"));
        } catch (ReportFormatException e) {
            throw new ReportFormatException(name + ": " + e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            throw new ReportFormatException(name + ": " + e.getMessage(), e);
        }
    }

    private static RunReport report(In r) {
        String tool = r.text("tool");
        if (!RunReport.TOOL.equals(tool)) {
            throw r.bad("tool", "expected \"optcheck\", got \"" + tool + "\"");
        }
        int schema = r.integer("schemaVersion");
        if (schema < 1) {
            throw r.bad("schemaVersion", "must be >= 1, got " + schema);
        }
        Instant started;
        try {
            started = Instant.parse(r.text("startedAt"));
        } catch (RuntimeException e) {
            throw r.bad("startedAt", "must be an ISO instant like 2025-01-31T12:00:00Z");
        }
        WaiverReport waivers = r.opt(
                "waivers",
                w -> new WaiverReport(
                        w.list("applied", JsonReport::waiver),
                        w.list("expired", JsonReport::waiver),
                        w.list("unused", JsonReport::waiver)));
        return new RunReport(
                tool,
                schema,
                r.text("version"),
                r.longValue("seed"),
                started,
                r.longValue("wallMs"),
                r.freeMap("tolerance"),
                r.list("results", JsonReport::result),
                r.list(
                        "observations",
                        o -> new Observation(o.text("id"), o.text("method"), o.curves("series"), o.freeMap("summary"))),
                waivers,
                r.has("partial") && r.bool("partial"),
                r.opt(
                        "shard",
                        n -> new ShardInfo(
                                n.integer("index"),
                                n.integer("count"),
                                n.text("commit"),
                                n.text("depth"),
                                n.integer("tries"),
                                n.bool("edgeCases"),
                                n.text("selection"),
                                n.integer("jobs"),
                                n.integer("totalJobs"))));
    }

    private static Waiver waiver(In w) {
        return new Waiver(w.text("id"), w.text("reason"), w.date("expires"));
    }

    private static Result result(In r) {
        return new Result(
                r.text("theorem"),
                r.text("conclusion"),
                r.text("method"),
                r.text("regime"),
                r.list("assumptions", a -> a.asText()),
                r.parse("expected", Expected::fromJson),
                r.parse("outcome", Outcome::fromJson),
                r.parse("verdict", Verdict::fromJson),
                r.opt("waiver", w -> new WaiverMark(w.text("reason"), w.date("expires"))),
                r.integer("tries"),
                r.longValue("seed"),
                r.has("foundBy") ? r.parse("foundBy", Result::foundBy) : null,
                r.has("worstRatio") ? r.dbl("worstRatio") : null,
                r.has("tightReference") ? r.dbl("tightReference") : null,
                r.dbl("toleranceRatio"),
                r.opt("threshold", t -> new Threshold(t.dbl("found"), t.dbl("theory"), t.text("parameter"))),
                r.opt(
                        "statistics",
                        s -> new StatisticalTest(
                                s.text("test"), s.dbl("alpha"), s.integer("runs"), s.longValue("seed"))),
                r.stringMap("conventions"),
                r.opt(
                        "counterexample",
                        c -> new Counterexample(
                                c.freeMap("fields"),
                                c.text("summary"),
                                c.text("replay"),
                                c.integer("shrinkSteps"),
                                c.has("original") ? c.freeMap("original") : null)),
                r.opt("error", e -> new ErrorInfo(e.text("message"), e.has("step") ? e.integer("step") : null)),
                r.longValue("durationMs"),
                r.freeMap("extra"),
                new Series(r.curves("series")),
                r.has("recheck") ? r.freeMap("recheck") : null,
                r.has("precision") ? r.text("precision") : "float64");
    }

    /** A node with its JSON path, for error messages. */
    private record In(JsonNode node, String path) {
        JsonNode get(String k) {
            JsonNode v = node.get(k);
            if (v == null) {
                throw new ReportFormatException(path + "." + k + ": missing", null);
            }
            return v;
        }

        boolean has(String k) {
            JsonNode v = node.get(k);
            return v != null && !v.isNull();
        }

        ReportFormatException bad(String k, String what) {
            return new ReportFormatException(path + "." + k + ": " + what, null);
        }

        String asText() {
            if (!node.isTextual()) {
                throw new ReportFormatException(path + ": expected a string", null);
            }
            return node.textValue();
        }

        String text(String k) {
            JsonNode v = get(k);
            if (!v.isTextual()) {
                throw bad(
                        k,
                        "expected a string, got " + v.getNodeType().toString().toLowerCase(Locale.ROOT));
            }
            return v.textValue();
        }

        LocalDate date(String k) {
            try {
                return LocalDate.parse(text(k));
            } catch (DateTimeParseException e) {
                throw bad(k, "must be an ISO date like 2027-01-31");
            }
        }

        <T> T parse(String k, Function<String, T> f) {
            String s = text(k);
            try {
                return f.apply(s);
            } catch (IllegalArgumentException e) {
                throw bad(k, e.getMessage());
            }
        }

        int integer(String k) {
            JsonNode v = get(k);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw bad(k, "expected a 32-bit integer");
            }
            return v.intValue();
        }

        long longValue(String k) {
            JsonNode v = get(k);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw bad(k, "expected a 64-bit integer");
            }
            return v.longValue();
        }

        boolean bool(String k) {
            JsonNode v = get(k);
            if (!v.isBoolean()) {
                throw bad(k, "expected true or false");
            }
            return v.booleanValue();
        }

        double dbl(String k) {
            return toDouble(get(k), path + "." + k);
        }

        <T> T opt(String k, Function<In, T> f) {
            return has(k) ? f.apply(child(k)) : null;
        }

        In child(String k) {
            JsonNode v = get(k);
            if (!v.isObject()) {
                throw bad(k, "expected an object");
            }
            return new In(v, path + "." + k);
        }

        <T> List<T> list(String k, Function<In, T> f) {
            JsonNode v = get(k);
            if (!v.isArray()) {
                throw bad(k, "expected an array");
            }
            List<T> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                out.add(f.apply(new In(v.get(i), path + "." + k + "[" + i + "]")));
            }
            return out;
        }

        Map<String, String> stringMap(String k) {
            In c = child(k);
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<String> it = c.node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                out.put(name, c.text(name));
            }
            return out;
        }

        Map<String, double[]> curves(String k) {
            In c = child(k);
            Map<String, double[]> out = new LinkedHashMap<>();
            for (Iterator<String> it = c.node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode a = c.node.get(name);
                if (!a.isArray()) {
                    throw c.bad(name, "expected an array of numbers");
                }
                double[] d = new double[a.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = toDouble(a.get(i), c.path + "." + name + "[" + i + "]");
                }
                out.put(name, d);
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> freeMap(String k) {
            child(k);
            return (Map<String, Object>) freeValue(get(k), path + "." + k);
        }
    }

    private static double toDouble(JsonNode v, String path) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        Double nonFinite = v.isTextual() ? nonFinite(v.textValue()) : null;
        if (nonFinite != null) {
            return nonFinite;
        }
        throw new ReportFormatException(path + ": expected a number or \"NaN\", \"Infinity\", \"-Infinity\"", null);
    }

    /** The double one of the three non-finite spellings stands for; null for any other text. */
    private static Double nonFinite(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    /** Inverse of {@link #free(Object)}; the three non-finite spellings become doubles again. */
    private static Object freeValue(JsonNode v, String path) {
        switch (v.getNodeType()) {
            case NULL:
                return null;
            case BOOLEAN:
                return v.booleanValue();
            case STRING:
                Double nonFinite = nonFinite(v.textValue());
                return nonFinite != null ? nonFinite : v.textValue();
            case NUMBER:
                if (v.isIntegralNumber()) {
                    if (v.canConvertToInt()) {
                        return v.intValue();
                    }
                    if (v.canConvertToLong()) {
                        return v.longValue();
                    }
                    throw new ReportFormatException(path + ": integer out of 64-bit range", null);
                }
                return v.doubleValue();
            case ARRAY: {
                List<Object> out = new ArrayList<>(v.size());
                for (int i = 0; i < v.size(); i++) {
                    out.add(freeValue(v.get(i), path + "[" + i + "]"));
                }
                return out;
            }
            case OBJECT: {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), freeValue(e.getValue(), path + "." + e.getKey()));
                }
                return out;
            }
            default:
                throw new ReportFormatException(path + ": unsupported JSON value " + v.getNodeType(), null);
        }
    }
}
