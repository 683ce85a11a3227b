package io.optcheck.theory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.optcheck.text.ParseErrors;
import io.optcheck.theory.Specs.SpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The assumption vocabulary: every assumption id used in specs, code, JSON and reports, in
 * kebab case, with its statement. An id that is not in it is an error wherever it appears.
 *
 * <p>The vocabulary is declared in {@value #FILE} (read like a spec: from the working directory
 * when the file is there, else from the jar), once per process. A file that is missing, is not a
 * YAML mapping of ids to non-blank statements, or lacks an id that code names below is bad input:
 * a {@link SpecException} naming the file and the fix.
 */
public final class Assumptions {

    private Assumptions() {}

    /** Where the vocabulary is declared. */
    public static final String FILE = "specs/assumptions.yaml";

    // The ids that code names (the rest appear only in specs).
    public static final String L_SMOOTH = "l-smooth";
    public static final String STEP_LE_1_OVER_L = "step-le-1-over-l";
    public static final String DESCENT_DIRECTION = "descent-direction";
    public static final String BOUNDED_BELOW = "bounded-below";
    public static final String ARMIJO_C_IN_0_1 = "armijo-c-in-0-1";
    public static final String BACKTRACKING_BETA_IN_0_1 = "backtracking-beta-in-0-1";
    public static final String WOLFE_C1_LT_C2 = "wolfe-c1-lt-c2";
    public static final String UNCLIPPED_GRADIENTS = "unclipped-gradients";
    public static final String FRESH_GRADIENTS = "fresh-gradients";
    public static final String WITH_REPLACEMENT = "with-replacement";
    public static final String UNIFORM_BATCH = "uniform-batch";
    public static final String IMPORTANCE_REWEIGHTED = "importance-reweighted";
    public static final String NORMALISED_BY_TOTAL = "normalised-by-total";
    public static final String EQUAL_SHARDS = "equal-shards";
    public static final String COMPONENTS_CONVEX = "components-convex";
    public static final String COMPONENTS_MU_STRONGLY_CONVEX = "components-mu-strongly-convex";
    public static final String SVRG_RATE_LT_1 = "svrg-rate-lt-1";
    public static final String SVRG_SNAPSHOT_REFRESHED = "svrg-snapshot-refreshed";
    public static final String SAGA_TABLE_UPDATED = "saga-table-updated";
    public static final String EPS_ZERO = "eps-zero";
    public static final String NO_WEIGHT_DECAY = "no-weight-decay";

    /** Every id above: the file must declare each of them. */
    static final List<String> NAMED_IN_CODE = List.of(
            L_SMOOTH,
            STEP_LE_1_OVER_L,
            DESCENT_DIRECTION,
            BOUNDED_BELOW,
            ARMIJO_C_IN_0_1,
            BACKTRACKING_BETA_IN_0_1,
            WOLFE_C1_LT_C2,
            UNCLIPPED_GRADIENTS,
            FRESH_GRADIENTS,
            WITH_REPLACEMENT,
            UNIFORM_BATCH,
            IMPORTANCE_REWEIGHTED,
            NORMALISED_BY_TOTAL,
            EQUAL_SHARDS,
            COMPONENTS_CONVEX,
            COMPONENTS_MU_STRONGLY_CONVEX,
            SVRG_RATE_LT_1,
            SVRG_SNAPSHOT_REFRESHED,
            SAGA_TABLE_UPDATED,
            EPS_ZERO,
            NO_WEIGHT_DECAY);

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The vocabulary once read; null until then, and again after a failed read. */
    private static volatile Map<String, String> loaded;

    private static Map<String, String> all() {
        Map<String, String> m = loaded;
        if (m == null) {
            m = read(Specs.text(FILE), FILE);
            loaded = m;
        }
        return m;
    }

    /** Parses a vocabulary file's text; {@code file} is used in messages. */
    static Map<String, String> read(String text, String file) {
        JsonNode n;
        try {
            n = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SpecException(file + " is not valid YAML" + ParseErrors.where(e, 0) + ". Fix the YAML syntax.");
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            throw new SpecException(file + " is empty: it must map each assumption id to its statement.");
        }
        if (!n.isObject()) {
            throw new SpecException(file + " must be a YAML mapping of assumption ids to their statements.");
        }
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!KEBAB.matcher(e.getKey()).matches()) {
                throw new SpecException(file + ": assumption id '" + e.getKey()
                        + "' is not kebab case (lower-case letters and digits joined by single '-').");
            }
            JsonNode v = e.getValue();
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new SpecException(file + ": assumption '" + e.getKey()
                        + "' needs a statement (a non-blank string), got " + v + ".");
            }
            m.put(e.getKey(), v.asText());
        });
        for (String id : NAMED_IN_CODE) {
            if (!m.containsKey(id)) {
                throw new SpecException(file + " lacks the assumption '" + id + "', which optcheck's code uses. Add"
                        + " it with its statement.");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The hyperparameter an assumption fixes, with its value: {@code eps-zero} fixes eps = 0 and
     * {@code no-weight-decay} wd = 0. A regime with such an assumption does not apply to a method
     * whose declared range excludes the value (see {@link DeclaredRanges#regimeExcludes}).
     */
    public static Optional<Map.Entry<String, Double>> pinned(String id) {
        return switch (id) {
            case EPS_ZERO -> Optional.of(Map.entry("eps", 0.0));
            case NO_WEIGHT_DECAY -> Optional.of(Map.entry("wd", 0.0));
            default -> Optional.empty();
        };
    }

    /** Every known id, in the file's order. */
    public static Set<String> ids() {
        return all().keySet();
    }

    /** True when the id is in the vocabulary. */
    public static boolean known(String id) {
        return all().containsKey(id);
    }

    /**
     * The statement of an assumption.
     *
     * @throws IllegalArgumentException naming the id and listing the known ones
     */
    public static String statement(String id) {
        String s = all().get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown assumption id '" + id + "'; known ids: " + ids());
        }
        return s;
    }
}
