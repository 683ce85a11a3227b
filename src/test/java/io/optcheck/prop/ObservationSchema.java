package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hypothesis's documented observability format, the "PBT Observations" schema
 * (hypothesis-python/docs/schema_observations.json; the format Tyche reads, also called
 * OpenPBTStats), written down here from the documentation: a line is one of its two kinds with
 * exactly that kind's required fields, each of the JSON type the schema gives.
 */
public final class ObservationSchema {

    private ObservationSchema() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The schema's "Test case": all twelve properties are required and no others are allowed
     * (additionalProperties false); the JSON types as the schema gives them.
     */
    private static final Map<String, Set<String>> TEST_CASE = Map.ofEntries(
            Map.entry("type", Set.of("string")),
            Map.entry("status", Set.of("string")),
            Map.entry("status_reason", Set.of("string")),
            Map.entry("representation", Set.of("string")),
            Map.entry("arguments", Set.of("object")),
            Map.entry("how_generated", Set.of("string", "null")),
            Map.entry("features", Set.of("object")),
            Map.entry("coverage", Set.of("object", "null")),
            Map.entry("timing", Set.of("object")),
            Map.entry("metadata", Set.of("object")),
            Map.entry("property", Set.of("string")),
            Map.entry("run_start", Set.of("number")));

    /** The schema's "Information message": five required properties, no others. */
    private static final Map<String, Set<String>> INFO = Map.of(
            "type", Set.of("string"),
            "title", Set.of("string"),
            "content", Set.of("string", "object"),
            "property", Set.of("string"),
            "run_start", Set.of("number"));

    private static String jsonType(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        return n.isBoolean() ? "boolean" : "other";
    }

    /** Parses a line and checks it against the schema; returns it. */
    public static JsonNode validated(String line) throws IOException {
        JsonNode n = JSON.readTree(line);
        assertThat(n.isObject()).as(line).isTrue();
        String type = n.path("type").asText();
        Map<String, Set<String>> fields = type.equals("test_case") ? TEST_CASE : INFO;
        if (!type.equals("test_case")) {
            assertThat(type).as(line).isIn("info", "alert", "error");
        }
        Set<String> names = new TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        assertThat(names).as("fields of " + line).isEqualTo(new TreeSet<>(fields.keySet()));
        fields.forEach((f, types) ->
                assertThat(jsonType(n.get(f))).as(f + " in " + line).isIn(types));
        if (type.equals("test_case")) {
            assertThat(n.get("status").asText()).as(line).isIn("passed", "failed", "gave_up");
            Iterator<Map.Entry<String, JsonNode>> timing = n.get("timing").fields();
            while (timing.hasNext()) {
                JsonNode t = timing.next().getValue();
                assertThat(t.isNumber() && t.asDouble() >= 0)
                        .as("timing values are numbers >= 0: " + line)
                        .isTrue();
            }
            JsonNode cov = n.get("coverage");
            if (cov.isObject()) {
                cov.fields()
                        .forEachRemaining(
                                e -> assertThat(e.getValue().isArray()).isTrue());
            }
        }
        return n;
    }

    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(validated(line));
        }
        return out;
    }
}
