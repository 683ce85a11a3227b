package io.optcheck.theory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads specs: one Markdown file per theorem with YAML front matter between two "---" lines.
 * Specs are read from the {@code specs/} folder of the working directory when it exists (so an
 * edited spec takes effect at once), otherwise from the classpath (the jar ships them).
 */
public final class Specs {

  private Specs() {
  }

  /** A spec that is missing or malformed; the message names the file and the fix. */
  public static final class SpecException extends IllegalArgumentException {
    public SpecException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * The folder of each id family: the catalog's chapters. Families not listed use their own
   * name as folder.
   */
  private static final java.util.Map<String, String> FOLDERS = java.util.Map.of(
      "gd", "gd", "sgd", "sgd", "vr", "sgd", "dist", "sgd", "land", "landscape", "adapt", "adaptive",
      "conf", "conformance");

  /**
   * The relative path of a theorem's spec: gd.descent-lemma -&gt; specs/gd/descent-lemma.md,
   * vr.svrg -&gt; specs/sgd/svrg.md, land.strict-saddle-escape -&gt;
   * specs/landscape/strict-saddle-escape.md, adapt.adam-reference -&gt; specs/adaptive/adam-reference.md.
   */
  public static String pathOf(String theoremId) {
    int dot = theoremId.indexOf('.');
    if (dot <= 0 || dot == theoremId.length() - 1) {
      throw new SpecException("theorem id '" + theoremId + "' is not of the form family.name");
    }
    String family = theoremId.substring(0, dot);
    return "specs/" + FOLDERS.getOrDefault(family, family) + "/" + theoremId.substring(dot + 1) + ".md";
  }

  /** Loads the spec of a theorem from the working directory or the classpath. */
  public static Spec load(String theoremId) {
    String rel = pathOf(theoremId);
    Path local = Path.of(rel);
    try {
      if (Files.isRegularFile(local)) {
        return parse(Files.readString(local, StandardCharsets.UTF_8), rel);
      }
      try (InputStream in = Specs.class.getClassLoader().getResourceAsStream(rel)) {
        if (in == null) {
          throw new SpecException("no spec for theorem '" + theoremId + "': expected the file " + rel
              + ". Write it (YAML front matter between '---' lines, then the derivation).");
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), rel);
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
    } catch (IOException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new SpecException(file + ": the front matter is not valid YAML (" + msg + "). Fix the YAML syntax.");
    }
    if (n == null || !n.isObject()) {
      throw new SpecException(file + ": the front matter must be a YAML mapping of fields.");
    }
    String id = text(n, "id", file);
    String title = text(n, "title", file);
    String method = text(n, "method", file);
    String source = text(n, "source", file);
    List<String> assumptions = new ArrayList<>();
    for (JsonNode a : array(n, "assumptions", file)) {
      String aid = a.asText();
      if (!Assumptions.known(aid)) {
        throw new SpecException(file + ": unknown assumption id '" + aid + "'. Known ids: "
            + Assumptions.ids() + ". Use one of them, or add it to the vocabulary in code.");
      }
      assumptions.add(aid);
    }
    List<Spec.Conclusion> conclusions = new ArrayList<>();
    for (JsonNode c : array(n, "conclusions", file)) {
      conclusions.add(new Spec.Conclusion(text(c, "id", file + " conclusions[]"), text(c, "latex", file + " conclusions[]")));
    }
    List<Spec.RegimeSpec> regimes = new ArrayList<>();
    for (JsonNode r : array(n, "regimes", file)) {
      String where = file + " regimes[]";
      String expected = text(r, "expected", where);
      if (!List.of("holds", "breaks", "none").contains(expected)) {
        throw new SpecException(where + ": expected must be holds, breaks or none, not '" + expected + "'.");
      }
      regimes.add(new Spec.RegimeSpec(text(r, "id", where), text(r, "conclusion", where), expected));
    }
    JsonNode tries = n.get("tries");
    if (tries == null || !tries.has("ci") || !tries.has("full") || !tries.get("ci").canConvertToInt()
        || !tries.get("full").canConvertToInt() || tries.get("ci").asInt() < 1) {
      throw new SpecException(file + ": 'tries' must give whole numbers, e.g. 'tries: {ci: 1000, full: 5000}'.");
    }
    return new Spec(id, title, method, assumptions, conclusions, regimes, tries.get("ci").asInt(),
        tries.get("full").asInt(), source, body, file);
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
      throw new SpecException(where + ": missing field '" + field + "'. Add '" + field + ": ...' to the front matter.");
    }
    return v.asText();
  }

  private static JsonNode array(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw new SpecException(where + ": '" + field + "' must be a non-empty list.");
    }
    return v;
  }
}
