package io.optcheck.prop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.optcheck.prop.ReplayToken;
import java.io.File;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How readable a catalog run's counterexamples are: reads a results.json and classifies
 * (a) the double choices of every counterexample's replay token (a raw choice whose magnitude is
 * at least 2^40 is taken to be a double's bit pattern; integer choices of the catalog, such as
 * dimensions and seeds, are far smaller), and (b) every number in the counterexample's instance
 * fields (the check's own figures, observed, bound, slack, tolerance and ratio, are left out), as
 * whole numbers, short decimals (at most 4 decimal places, the shrinker's default) or long ones.
 * Not a test: nothing is asserted.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(deps) io.optcheck.prop.bench.CounterexampleDigits reports/results.json
 * </pre>
 */
public final class CounterexampleDigits {

    private CounterexampleDigits() {}

    private static final Set<String> CHECK_FIELDS =
            Set.of("step", "quantity", "observed", "bound", "slack", "tolerance", "ratio", "exactRecheck");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** Counts of whole, short and long numbers. */
    static final class Tally {
        int whole;
        int shortDecimal;
        int longDecimal;

        void add(double v) {
            if (!Double.isFinite(v)) {
                return;
            }
            if (v == Math.rint(v)) {
                whole++;
            } else if (BigDecimal.valueOf(v).stripTrailingZeros().scale() <= 4) {
                shortDecimal++;
            } else {
                longDecimal++;
            }
        }

        @Override
        public String toString() {
            int n = whole + shortDecimal + longDecimal;
            return String.format(
                    Locale.ROOT,
                    "%d numbers: %d whole (%.1f%%), %d short decimals (%.1f%%), %d longer (%.1f%%)",
                    n,
                    whole,
                    pct(whole, n),
                    shortDecimal,
                    pct(shortDecimal, n),
                    longDecimal,
                    pct(longDecimal, n));
        }

        private static double pct(int k, int n) {
            return n == 0 ? 0 : 100.0 * k / n;
        }
    }

    public static void main(String[] args) throws Exception {
        JsonNode root = new ObjectMapper().readTree(new File(args.length > 0 ? args[0] : "reports/results.json"));
        Tally choices = new Tally();
        Tally fields = new Tally();
        int counterexamples = 0;
        for (JsonNode r : root.get("results")) {
            JsonNode ce = r.get("counterexample");
            if (ce == null || ce.isNull()) {
                continue;
            }
            counterexamples++;
            String replay = ce.path("replay").asText("");
            int at = replay.lastIndexOf("oc1-");
            if (at >= 0) {
                String token = replay.substring(at).split("\\s")[0];
                for (long raw : ReplayToken.decode(token).raws()) {
                    if (Math.abs((double) raw) >= 0x1p40) {
                        choices.add(Double.longBitsToDouble(raw));
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> it = ce.path("fields").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!CHECK_FIELDS.contains(f.getKey())) {
                    addNumbers(f.getValue(), fields);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d counterexamples%n", counterexamples);
        System.out.println("double choices of the replay tokens: " + choices);
        System.out.println("numbers in the instance fields:      " + fields);
    }

    private static void addNumbers(JsonNode node, Tally t) {
        if (node.isNumber()) {
            t.add(node.asDouble());
        } else if (node.isTextual()) {
            Matcher m = NUMBER.matcher(node.asText());
            while (m.find()) {
                t.add(Double.parseDouble(m.group()));
            }
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(e -> addNumbers(e, t));
        }
    }
}
