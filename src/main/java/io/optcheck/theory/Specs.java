package io.optcheck.theory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Precision;
import io.optcheck.text.ParseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads specs: one Markdown file per theorem with YAML front matter between two "---" lines.
 * Specs are read from the {@code specs/} folder of the working directory when it exists (so an
 * edited spec takes effect at once), otherwise from the classpath (the jar ships them).
 */
public final class Specs {

    private Specs() {}

    /** A spec that is missing or malformed; the message names the file and the fix. */
    public static final class SpecException extends IllegalArgumentException {
        public SpecException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * The relative path of a theorem's spec: the folder is the id's family, as the Java package of
     * its class is (gd.descent-lemma -&gt; specs/gd/descent-lemma.md, theory/gd/DescentLemma.java;
     * adapt.adam-reference -&gt; specs/adapt/adam-reference.md, theory/adapt/AdamReference.java).
     */
    public static String pathOf(String theoremId) {
        int dot = theoremId.indexOf('.');
        if (dot <= 0 || dot == theoremId.length() - 1) {
            throw new SpecException("theorem id '" + theoremId + "' is not of the form family.name");
        }
        String family = theoremId.substring(0, dot);
        return "specs/" + family + "/" + theoremId.substring(dot + 1) + ".md";
    }

    private static final Map<String, Spec> LOADED = new ConcurrentHashMap<>();

    /**
     * Loads the spec of a theorem from the working directory or the classpath, once per process
     * (every copy of a theorem shares it).
     */
    public static Spec load(String theoremId) {
        Spec s = LOADED.get(theoremId);
        if (s == null) {
            s = read(theoremId);
            LOADED.putIfAbsent(theoremId, s);
        }
        return s;
    }

    private static Spec read(String theoremId) {
        String rel = pathOf(theoremId);
        String text = textOrNull(rel);
        if (text == null) {
            throw new SpecException("no spec for theorem '" + theoremId + "': expected the file " + rel
                    + ". Write it (YAML front matter between '---' lines, then the derivation).");
        }
        return parse(text, rel);
    }

    /**
     * The text of a file under specs/ ({@code rel} such as "specs/assumptions.yaml"): from the
     * working directory when the file is there, else from the classpath.
     *
     * @throws SpecException when it is in neither, or cannot be read
     */
    static String text(String rel) {
        String text = textOrNull(rel);
        if (text == null) {
            throw new SpecException("missing " + rel + ": it ships with optcheck (in the jar and in the repository's"
                    + " specs/ folder); restore it.");
        }
        return text;
    }

    private static String textOrNull(String rel) {
        Path local = Path.of(rel);
        try {
            if (Files.isRegularFile(local)) {
                return Files.readString(local, StandardCharsets.UTF_8);
            }
            try (InputStream in = Specs.class.getClassLoader().getResourceAsStream(rel)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SpecException("cannot read " + rel + ": " + e.getMessage());
        }
    }

    /** Parses a spec file's text; {@code file} is used in messages. */
    public static Spec parse(String text, String file) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new SpecException(file + ": missing front matter. The file must start with a line '---', "
                    + "then YAML (id, title, method, assumptions, conclusions, regimes, tries, source), then '---'.");
        }
        int end = t.indexOf("\n---", 4);
        if (end < 0) {
            throw new SpecException(file + ": the front matter is not closed: add a line '---' after the YAML.");
        }
        String yaml = t.substring(4, end);
        int bodyStart = t.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : t.substring(bodyStart + 1).strip();
        JsonNode n;
        try {
            n = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new SpecException(
                    file + ": the front matter is not valid YAML" + ParseErrors.where(e, 1) + ". Fix the YAML syntax.");
        }
        if (n == null || !n.isObject()) {
            throw new SpecException(file + ": the front matter must be a YAML mapping of fields.");
        }
        String id = text(n, "id", file);
        String title = text(n, "title", file);
        String method = text(n, "method", file);
        String source = text(n, "source", file);
        String kind = optionalText(n, "kind", file);
        if (kind != null) {
            try {
                MethodKind.byId(kind);
            } catch (IllegalArgumentException e) {
                throw new SpecException(file + ": 'kind: " + kind + "' is not a method kind (" + e.getMessage() + ").");
            }
        }
        List<String> assumptions = new ArrayList<>();
        for (JsonNode a : array(n, "assumptions", file)) {
            assumptions.add(assumption(a.asText(), file));
        }
        List<Spec.Conclusion> conclusions = new ArrayList<>();
        for (JsonNode c : array(n, "conclusions", file)) {
            String where = file + " conclusions[]";
            JsonNode tight = c.get("tight");
            if (tight != null && !tight.isNumber()) {
                throw new SpecException(where + ": 'tight' must be a number (the ratio a tight instance reaches), not '"
                        + tight.asText() + "'.");
            }
            conclusions.add(new Spec.Conclusion(
                    text(c, "id", where), text(c, "latex", where), tight == null ? null : tight.asDouble()));
        }
        List<String> conclusionIds =
                conclusions.stream().map(Spec.Conclusion::id).toList();
        List<Spec.RegimeSpec> regimes = new ArrayList<>();
        Set<String> regimeIds = new HashSet<>();
        for (JsonNode r : array(n, "regimes", file)) {
            String rid = text(r, "id", file + " regimes[]");
            String where = file + " regime '" + rid + "'";
            if (!regimeIds.add(rid)) {
                throw new SpecException(where + ": two regimes have this id. Give each regime its own id.");
            }
            String expected = text(r, "expected", where);
            if (!List.of("holds", "breaks", "none").contains(expected)) {
                throw new SpecException(where + ": expected must be holds, breaks or none, not '" + expected + "'.");
            }
            String conclusion = text(r, "conclusion", where);
            if (!conclusionIds.contains(conclusion)) {
                throw new SpecException(where + ": conclusion '" + conclusion + "' is not among the conclusions "
                        + conclusionIds + ". Add its statement under 'conclusions', or use one of those ids.");
            }
            String drops = optionalText(r, "drops", where);
            if (drops != null) {
                assumption(drops, where);
            }
            List<String> in = null;
            if (r.has("assumptions")) {
                in = new ArrayList<>();
                for (JsonNode a : r.get("assumptions")) {
                    in.add(assumption(a.asText(), where));
                }
                if (drops != null && in.contains(drops)) {
                    throw new SpecException(where + ": drops '" + drops + "' but also lists it among its assumptions.");
                }
            }
            Regime.ThresholdSpec threshold = null;
            JsonNode th = r.get("threshold");
            if (th != null) {
                if (!th.isObject()
                        || !th.hasNonNull("parameter")
                        || th.get("theory") == null
                        || !th.get("theory").isNumber()) {
                    throw new SpecException(where + ": 'threshold' must be '{parameter: NAME, theory: NUMBER}', e.g. "
                            + "'{parameter: eta L, theory: 2.0}'.");
                }
                threshold = new Regime.ThresholdSpec(
                        th.get("parameter").asText(), th.get("theory").asDouble());
            }
            String description = optionalText(r, "description", where);
            String precisionId = optionalText(r, "precision", where);
            Precision precision = null;
            if (precisionId != null) {
                try {
                    precision = Precision.of(precisionId);
                } catch (IllegalArgumentException e) {
                    throw new SpecException(where + ": " + e.getMessage() + ".");
                }
            }
            regimes.add(new Spec.RegimeSpec(
                    rid,
                    conclusion,
                    expected,
                    drops,
                    in,
                    threshold,
                    description == null ? rid : description,
                    precision));
        }
        JsonNode tries = n.get("tries");
        if (tries == null
                || !tries.has("ci")
                || !tries.has("full")
                || !tries.get("ci").canConvertToInt()
                || !tries.get("full").canConvertToInt()
                || tries.get("ci").asInt() < 1) {
            throw new SpecException(file + ": 'tries' must give whole numbers, e.g. 'tries: {ci: 1000, full: 5000}'.");
        }
        return new Spec(
                id,
                title,
                method,
                kind,
                assumptions,
                conclusions,
                regimes,
                tries.get("ci").asInt(),
                tries.get("full").asInt(),
                source,
                body,
                file);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new SpecException(
                    where + ": missing field '" + field + "'. Add '" + field + ": ...' to the front matter.");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new SpecException(where + ": '" + field + "' must be a single value.");
        }
        return v.asText();
    }

    private static String assumption(String aid, String where) {
        if (!Assumptions.known(aid)) {
            throw new SpecException(where + ": unknown assumption id '" + aid + "'. Known ids: " + Assumptions.ids()
                    + ". Use one of them, or add it to the vocabulary in code.");
        }
        return aid;
    }

    private static JsonNode array(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new SpecException(where + ": '" + field + "' must be a non-empty list.");
        }
        return v;
    }
}
