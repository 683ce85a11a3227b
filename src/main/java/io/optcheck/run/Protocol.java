package io.optcheck.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.optcheck.report.JsonReport;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines between the command line and a worker process. Parent to worker (the worker's stdin),
 * one JSON object per line: first the {@link Plugins.Spec} ({@code "type": "setup"}), then one
 * {@link Job} per regime. Worker to parent (the worker's stdout), lines starting with {@link #PREFIX}:
 * {@code ready}, {@code setup-error MESSAGE}, {@code progress JOB COUNT} (tries started in that
 * job), {@code result JOB JSON}. A result travels as a results.json document with that one result,
 * written and read by {@link JsonReport}, so it arrives exactly as the report would hold it. Any
 * other line on the worker's stdout is the plug-in's or the JVM's own output.
 */
final class Protocol {

    private Protocol() {}

    /** Marks the worker's protocol lines. */
    static final String PREFIX = "@optcheck-worker ";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One regime to run.
     *
     * @param id                    the job's number in this worker
     * @param method                the plug-in's method id
     * @param theorem               the theorem id
     * @param regime                the regime id
     * @param tries                 tries for the regime
     * @param seed                  the seed
     * @param edgeCases             whether the edge-case phase runs
     * @param statisticalRegimeRuns the statistical regimes of the whole run (false-alarm budget)
     */
    record Job(
            long id,
            String method,
            String theorem,
            String regime,
            int tries,
            long seed,
            boolean edgeCases,
            int statisticalRegimeRuns) {}

    static String setup(Plugins.Spec s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "setup");
        strings(o.putArray("methodClasses"), s.methodClasses());
        strings(o.putArray("estimatorClasses"), s.estimatorClasses());
        o.put("classpath", s.classpath());
        strings(o.putArray("filters"), s.filters());
        o.put("seed", s.seed());
        strings(o.putArray("lineSearchClasses"), s.lineSearchClasses());
        strings(o.putArray("finiteSumClasses"), s.finiteSumClasses());
        return o.toString();
    }

    static Plugins.Spec parseSetup(String line) {
        JsonNode n = tree(line);
        return new Plugins.Spec(
                strings(n.get("methodClasses")),
                strings(n.get("estimatorClasses")),
                n.get("classpath").isNull() ? null : n.get("classpath").asText(),
                strings(n.get("filters")),
                n.get("seed").asLong(),
                strings(n.get("lineSearchClasses")),
                strings(n.get("finiteSumClasses")));
    }

    static String job(Job j) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "job");
        o.put("id", j.id());
        o.put("method", j.method());
        o.put("theorem", j.theorem());
        o.put("regime", j.regime());
        o.put("tries", j.tries());
        o.put("seed", j.seed());
        o.put("edgeCases", j.edgeCases());
        o.put("statisticalRegimeRuns", j.statisticalRegimeRuns());
        return o.toString();
    }

    static Job parseJob(String line) {
        JsonNode n = tree(line);
        return new Job(
                n.get("id").asLong(),
                n.get("method").asText(),
                n.get("theorem").asText(),
                n.get("regime").asText(),
                n.get("tries").asInt(),
                n.get("seed").asLong(),
                n.get("edgeCases").asBoolean(),
                n.get("statisticalRegimeRuns").asInt());
    }

    /** A result as one line: the results.json text of a report holding only it (its line breaks are whitespace). */
    static String result(Result r) {
        RunReport one = RunReport.of("worker", r.seed(), Instant.EPOCH, 0, Map.of(), List.of(r), List.of());
        return JsonReport.toJson(one).replace('\n', ' ').replace('\r', ' ').trim();
    }

    static Result parseResult(String json) {
        return JsonReport.fromJson(json).results().get(0);
    }

    static String quote(String s) {
        return MAPPER.getNodeFactory().textNode(s).toString();
    }

    static String unquote(String json) {
        return tree(json).asText();
    }

    private static JsonNode tree(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed worker protocol line: " + e.getOriginalMessage(), e);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
