package io.optcheck.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each regime cost in a measured run, to balance shards and to start the longest regimes
 * first. The table ({@value #RESOURCE}) holds one line per regime: its key
 * ({@code theorem/regime on method}, or {@code observation:id on method}), the tries of the
 * measured run and its duration in milliseconds; it is regenerated from a full run's
 * results.json by {@code CostTableWriter} (test scope). A cost only orders and balances work: it
 * never changes a result.
 *
 * <p>The cost of a regime in the table scales with its tries: {@code ms * tries / measuredTries}.
 * Fallback for a regime not in the table (a new theorem, a plug-in's method): the table's median
 * milliseconds per try times its tries; an observation not in the table costs the table's median
 * regime. An empty table costs every regime its tries.
 */
public final class CostTable {

    /** The measured table on the class path. */
    public static final String RESOURCE = "/io/optcheck/run/costs.tsv";

    private record Entry(int tries, double ms) {}

    private final Map<String, Entry> entries;
    private final double medianMsPerTry;
    private final double medianMs;

    private CostTable(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        List<Double> perTry = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.tries > 0) {
                perTry.add(e.ms / e.tries);
            }
            ms.add(e.ms);
        }
        this.medianMsPerTry = perTry.isEmpty() ? 1.0 : median(perTry);
        this.medianMs = ms.isEmpty() ? 1.0 : median(ms);
    }

    /** A table with no entries: every regime costs its tries. */
    public static CostTable empty() {
        return new CostTable(Map.of());
    }

    /** The table measured from a real run, shipped as {@value #RESOURCE}; empty when the resource is missing. */
    public static CostTable measured() {
        try (InputStream in = CostTable.class.getResourceAsStream(RESOURCE)) {
            return in == null ? empty() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the table: lines {@code key<TAB>tries<TAB>ms}; blank lines and lines starting with
     * '#' are skipped.
     *
     * @throws IllegalArgumentException naming the line for a malformed one
     */
    public static CostTable parse(String text) {
        Map<String, Entry> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                try {
                    if (f.length != 3) {
                        throw new NumberFormatException("expected 3 tab-separated fields, got " + f.length);
                    }
                    m.put(f[0], new Entry(Integer.parseInt(f[1].trim()), Double.parseDouble(f[2].trim())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("cost table line " + n + " ('" + line + "'): " + e.getMessage()
                            + "; expected key<TAB>tries<TAB>ms");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CostTable(m);
    }

    /** The key of a regime run. */
    public static String key(String theorem, String regime, String method) {
        return theorem + "/" + regime + " on " + method;
    }

    /** The key of an observation. */
    public static String observationKey(String id, String method) {
        return "observation:" + id + " on " + method;
    }

    /** The estimated cost in milliseconds of the regime with this key at {@code tries} tries (0 for an observation). */
    public double cost(String key, int tries) {
        Entry e = entries.get(key);
        if (e == null) {
            return key.startsWith("observation:") ? medianMs : medianMsPerTry * Math.max(1, tries);
        }
        if (tries <= 0 || e.tries <= 0) {
            return e.ms;
        }
        return e.ms * tries / e.tries;
    }

    /** True when the table has a line for this key. */
    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** Number of lines. */
    public int size() {
        return entries.size();
    }

    /** The table as text, in the format {@link #parse} reads. */
    public static String format(Map<String, int[]> triesAndMs, String comment) {
        StringBuilder sb = new StringBuilder();
        for (String c : comment.split("\n")) {
            sb.append("# ").append(c).append('\n');
        }
        triesAndMs.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s\t%d\t%d\n", k, v[0], v[1])));
        return sb.toString();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
