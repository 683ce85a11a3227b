package io.optcheck.prop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Label counts over the valid tries of a run, and a table for messages.
 *
 * @param counts label to number of tries carrying it, sorted by label
 * @param total number of valid tries
 */
public record Statistics(Map<String, Integer> counts, int total) {

    public Statistics {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    static Statistics of(List<List<String>> labelsPerTry) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (List<String> labels : labelsPerTry) {
            if (labels.size() == 1) {
                c.merge(labels.get(0), 1, Integer::sum);
            } else if (labels.size() > 1) {
                for (String l : new LinkedHashSet<>(labels)) { // a label counts once per try
                    c.merge(l, 1, Integer::sum);
                }
            }
        }
        return new Statistics(c, labelsPerTry.size());
    }

    /** Percentage of valid tries carrying the label, 0 if there were no tries. */
    public double percent(String label) {
        return total == 0 ? 0 : 100.0 * counts.getOrDefault(label, 0) / total;
    }

    /** A table, one label per line, most frequent first: "  37.20%  (372)  eta in (1/L, 2/L]". */
    public String table() {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : entries) {
            sb.append(
                    String.format(Locale.ROOT, "  %7.2f%%  (%d)  %s%n", percent(e.getKey()), e.getValue(), e.getKey()));
        }
        if (entries.isEmpty()) {
            sb.append("  (no labels)").append(System.lineSeparator());
        }
        return sb.toString();
    }
}
