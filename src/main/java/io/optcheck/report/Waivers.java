package io.optcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Verdict;
import io.optcheck.result.Waiver;
import io.optcheck.result.WaiverMark;
import io.optcheck.result.WaiverReport;
import io.optcheck.text.ParseErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A set of waivers: accepted failures, each for one result id, with a reason and an expiry date.
 *
 * <p>File format (YAML, or JSON for files ending in {@code .json}): a list of entries with exactly
 * the keys {@code id}, {@code reason} and {@code expires} (an ISO date, {@code 2027-01-31}). An empty
 * file means no waivers.
 *
 * <pre>
 * - id: gd.descent-lemma/eta-half-form/my-gd/holds
 *   reason: known off-by-one in step counting, fix tracked in #12
 *   expires: 2027-01-31
 * </pre>
 */
public final class Waivers {
    private static final Set<String> KEYS = Set.of("id", "reason", "expires");
    private static final String EXAMPLE =
            "- id: theorem/conclusion/method/regime\n  reason: why the failure is accepted\n  expires: 2027-01-31";

    private final List<Waiver> entries;

    private Waivers(List<Waiver> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Waivers from values.
     *
     * @throws IllegalArgumentException if two waivers name the same id
     */
    public static Waivers of(List<Waiver> entries) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Integer before = seen.putIfAbsent(entries.get(i).id(), i + 1);
            if (before != null) {
                throw new IllegalArgumentException(
                        "waiver " + (i + 1) + " repeats id " + entries.get(i).id() + " of waiver " + before);
            }
        }
        return new Waivers(entries);
    }

    /** No waivers. */
    public static Waivers none() {
        return new Waivers(List.of());
    }

    /** The waivers, in file order. */
    public List<Waiver> entries() {
        return entries;
    }

    /**
     * Reads a waiver file.
     *
     * @throws WaiverFileException if the file cannot be read or is malformed; the message names the
     *                             file, the entry (from 1) and the fix
     */
    public static Waivers load(Path file) {
        String name = String.valueOf(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WaiverFileException(name, 0, name + ": cannot read the waiver file (" + e + ")", e);
        }
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? JsonMapper.builder().build() : new YAMLMapper();
        JsonNode root;
        try {
            root = text.isBlank() ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new WaiverFileException(
                    name, 0, name + ": not valid " + (json ? "JSON" : "YAML") + ParseErrors.where(e, 0), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return none();
        }
        if (!root.isArray()) {
            throw new WaiverFileException(
                    name, 0, name + ": must be a list of waivers, one per entry, like\n" + EXAMPLE, null);
        }
        List<Waiver> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            int n = i + 1;
            JsonNode e = root.get(i);
            if (!e.isObject()) {
                throw bad(name, n, "must be a mapping with keys id, reason and expires, like\n" + EXAMPLE);
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!KEYS.contains(k)) {
                    throw bad(name, n, "unknown key '" + k + "'; the keys are id, reason and expires");
                }
            }
            String id = text(e, "id");
            if (id == null || id.isBlank()) {
                throw bad(name, n, "'id' must be a result id like theorem/conclusion/method/regime");
            }
            String[] parts = id.split("/", -1);
            if (parts.length != 4 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw bad(name, n, "'id' must have four parts theorem/conclusion/method/regime, got '" + id + "'");
            }
            String reason = text(e, "reason");
            if (reason == null || reason.isBlank()) {
                throw bad(name, n, "'reason' must say why the failure is accepted");
            }
            String expires = text(e, "expires");
            LocalDate date;
            try {
                date = LocalDate.parse(expires == null ? "" : expires.trim());
            } catch (DateTimeParseException ex) {
                throw bad(
                        name,
                        n,
                        "'expires' must be an ISO date like 2027-01-31"
                                + (expires == null ? "" : ", got '" + expires + "'"));
            }
            Integer before = seen.putIfAbsent(id, n);
            if (before != null) {
                throw bad(name, n, "repeats the id of entry " + before + "; keep one waiver per result");
            }
            out.add(new Waiver(id, reason, date));
        }
        return new Waivers(out);
    }

    private static String text(JsonNode e, String key) {
        JsonNode v = e.get(key);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static WaiverFileException bad(String file, int entry, String what) {
        return new WaiverFileException(file, entry, file + " entry " + entry + ": " + what, null);
    }

    /**
     * Applies the waivers to a run. A failing result whose id matches a waiver valid on {@code today}
     * (through its expiry date, inclusive) gets a {@link WaiverMark}; its verdict stays fail. Expired
     * waivers excuse nothing and are listed as expired; valid waivers that excused nothing are listed
     * as unused. Marks from an earlier application are replaced.
     *
     * @return the report with marked results and its {@link WaiverReport}
     */
    public RunReport apply(RunReport report, LocalDate today) {
        Map<String, Waiver> valid = new HashMap<>();
        List<Waiver> expired = new ArrayList<>();
        for (Waiver w : entries) {
            if (w.isValidOn(today)) {
                valid.put(w.id(), w);
            } else {
                expired.add(w);
            }
        }
        List<Result> marked = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Result r : report.results()) {
            Waiver w = valid.get(r.id());
            if (w != null && r.verdict() == Verdict.FAIL) {
                marked.add(r.withWaiver(new WaiverMark(w.reason(), w.expires())));
                used.add(w.id());
            } else {
                marked.add(r.waiver() == null ? r : r.withWaiver(null));
            }
        }
        List<Waiver> applied = new ArrayList<>();
        List<Waiver> unused = new ArrayList<>();
        for (Waiver w : entries) {
            if (used.contains(w.id())) {
                applied.add(w);
            } else if (w.isValidOn(today)) {
                unused.add(w);
            }
        }
        return report.with(marked, new WaiverReport(applied, expired, unused));
    }

    /** True when no result has verdict fail without a valid waiver. Same as {@link RunReport#gatePasses()}. */
    public static boolean gatePasses(RunReport report) {
        return report.gatePasses();
    }
}
