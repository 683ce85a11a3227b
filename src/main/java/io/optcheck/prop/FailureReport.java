package io.optcheck.prop;

import static io.optcheck.text.LabelledLines.line;

import io.optcheck.text.LabelledLines;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * The one place that turns a {@link PropertyResult} into a message a person reads: labelled
 * lines, the same for the JUnit extension and the command line. Only the replay command differs
 * between callers (a Maven command line for tests, a CLI flag for the tool), so it is passed in.
 *
 * <p>Layout (lines that do not apply are left out):
 * <pre>
 * Property 'gd step' FAILED
 *   property:        gd step
 *   status:          FAILED
 *   seed:            42
 *   tries:           120 (rejected 0)
 *   found by:        RANDOM
 *   original:        Case[d=7, ...]
 *   shrunk:          Case[d=1, ...]
 *   shrink steps:    31 (212 candidates replayed)
 *   failure:         java.lang.AssertionError: f increased from 1.0 to 1.5
 *   notes:           ...
 *   statistics:
 *       37.20%  (372)  dim 1
 *   best score:      1.5
 *   replay token:    oc1-...
 *   replay:          mvn test -Dtest=GdTest#gdStep -Doptcheck.replay=oc1-...
 * </pre>
 * Numbers are printed with {@link Double#toString(double)} and {@link Locale#ROOT}, so the
 * message does not depend on the default locale.
 */
public final class FailureReport {

    private static final String NL = System.lineSeparator();
    private static final int VALUE_LIMIT = 2000;

    private FailureReport() {}

    /**
     * The full message for a failed or erring run.
     *
     * @param result the run; a passed run gives a short "passed" line
     * @param replayCommand the one-line command that reruns the shrunk case, or null to leave the
     *     line out (e.g. when there is no token)
     */
    public static String message(PropertyResult<?> result, String replayCommand) {
        StringBuilder sb = new StringBuilder();
        sb.append("Property '")
                .append(result.name())
                .append("' ")
                .append(result.status())
                .append(NL);
        line(sb, "property", result.name());
        line(sb, "status", result.status().toString());
        line(sb, "seed", Long.toString(result.seed()));
        line(sb, "tries", String.format(Locale.ROOT, "%d (rejected %d)", result.tries(), result.rejected()));
        if (result.foundBy() != null) {
            line(sb, "found by", result.foundBy().toString());
        }
        if (result.original() != null) {
            line(sb, "original", formatValue(result.original().value()));
        }
        if (result.shrunk() != null) {
            line(sb, "shrunk", formatValue(result.shrunk().value()));
            line(
                    sb,
                    "shrink steps",
                    String.format(
                            Locale.ROOT,
                            "%d (%d candidates replayed)",
                            result.shrinkSteps(),
                            result.shrinkCandidates()));
        }
        if (result.failure() != null) {
            line(sb, "failure", describe(result.failure()));
        } else if (result.message() != null) {
            line(sb, "problem", result.message());
        }
        if (result.shrunk() != null && !result.shrunk().notes().isEmpty()) {
            List<String> notes = result.shrunk().notes();
            line(sb, "notes", notes.get(0));
            for (int i = 1; i < notes.size(); i++) {
                LabelledLines.continued(sb, notes.get(i));
            }
        }
        if (result.statistics() != null) {
            sb.append("  statistics:").append(NL);
            for (String row : result.statistics().table().split("\\R")) {
                sb.append("    ").append(row).append(NL);
            }
        }
        if (!Double.isNaN(result.bestScore())) {
            line(sb, "best score", Double.toString(result.bestScore()));
        }
        if (result.replayToken() != null) {
            line(sb, "replay token", result.replayToken());
        }
        if (replayCommand != null) {
            line(sb, "replay", replayCommand);
        }
        if (result.wallCapHit()) {
            line(sb, "wall-clock cap", "hit: the run was cut short by the safety-net time limit");
        }
        return sb.toString();
    }

    /** {@link #message(PropertyResult, String)} without a replay command line. */
    public static String message(PropertyResult<?> result) {
        return message(result, null);
    }

    /** "type: message" of a throwable, on one line. */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getName()
                + (m == null ? "" : ": " + m.replace(NL, " | ").replace("\n", " | "));
    }

    /**
     * A readable form of a generated value: arrays element by element, records component by
     * component (so a record holding a {@code double[]} shows its numbers, not an identity hash),
     * cut to 2000 characters.
     */
    public static String formatValue(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, 0);
        if (sb.length() > VALUE_LIMIT) {
            return sb.substring(0, VALUE_LIMIT) + "... (" + sb.length() + " characters)";
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, int depth) {
        if (sb.length() > VALUE_LIMIT || depth > 8) {
            sb.append("...");
            return;
        }
        if (v == null) {
            sb.append("null");
        } else if (v.getClass().isArray()) {
            sb.append('[');
            int n = Array.getLength(v);
            for (int i = 0; i < n && sb.length() <= VALUE_LIMIT; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, Array.get(v, i), depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Record r) {
            sb.append(v.getClass().getSimpleName()).append('[');
            RecordComponent[] comps = v.getClass().getRecordComponents();
            for (int i = 0; i < comps.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(comps[i].getName()).append('=');
                try {
                    comps[i].getAccessor().setAccessible(true);
                    append(sb, comps[i].getAccessor().invoke(r), depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    sb.append('?');
                }
            }
            sb.append(']');
        } else if (v instanceof Iterable<?> it) {
            sb.append('[');
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                append(sb, o, depth + 1);
                if (sb.length() > VALUE_LIMIT) {
                    break;
                }
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }
}
