package io.optcheck.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one run produced: what {@code results.json} holds. Immutable.
 *
 * <p>Results are sorted by (theorem, conclusion, method, regime) and observations by (id, method),
 * comparing strings by UTF-16 code units (locale independent), so two runs diff cleanly whatever
 * order the checks finished in. Result ids must be unique.
 *
 * @param tool          always {@code "optcheck"}
 * @param schemaVersion the results.json schema version, {@link #SCHEMA_VERSION} when written by this code
 * @param version       the optcheck version that produced the run; not null
 * @param seed          the run's base seed
 * @param startedAt     when the run started; not null
 * @param wallMs        wall time of the whole run in milliseconds (&gt;= 0)
 * @param tolerance     the tolerance model, as described by the theory layer; null becomes empty
 * @param results       the results, in any order; sorted on construction
 * @param observations  measurements without verdicts, in any order; sorted on construction
 * @param waivers       what happened to the waivers, or null when no waiver file was applied
 * @param partial       true when the run was interrupted (SIGINT, SIGTERM) and holds only the
 *                      results finished before that; every writer marks such a report PARTIAL
 * @param shard         for one shard of a sharded run ({@code --shard i/n}), where it came from; null
 *                      for a whole run and for merged shards (schema 4)
 */
public record RunReport(
        String tool,
        int schemaVersion,
        String version,
        long seed,
        Instant startedAt,
        long wallMs,
        Map<String, Object> tolerance,
        List<Result> results,
        List<Observation> observations,
        WaiverReport waivers,
        boolean partial,
        ShardInfo shard) {

    /** The tool name written into every report. */
    public static final String TOOL = "optcheck";
    /** The schema version this code writes. Bump it with every (additive) change to results.json. */
    public static final int SCHEMA_VERSION = 5;

    static final Comparator<Result> RESULT_ORDER = Comparator.comparing(Result::theorem)
            .thenComparing(Result::conclusion)
            .thenComparing(Result::method)
            .thenComparing(Result::regime);
    static final Comparator<Observation> OBSERVATION_ORDER =
            Comparator.comparing(Observation::id).thenComparing(Observation::method);

    public RunReport {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        if (wallMs < 0) {
            throw new IllegalArgumentException("wallMs must be >= 0, got " + wallMs);
        }
        tolerance = Values.freeMap(tolerance, "tolerance");
        List<Result> r = new ArrayList<>(Objects.requireNonNull(results, "results"));
        r.forEach(x -> Objects.requireNonNull(x, "result"));
        r.sort(RESULT_ORDER);
        Set<String> ids = new HashSet<>();
        for (Result x : r) {
            if (!ids.add(x.id())) {
                throw new IllegalArgumentException("duplicate result id " + x.id());
            }
        }
        results = List.copyOf(r);
        List<Observation> o = new ArrayList<>(observations == null ? List.of() : observations);
        o.sort(OBSERVATION_ORDER);
        observations = List.copyOf(o);
    }

    /** A complete (not partial) report that is not one shard's. */
    public RunReport(
            String tool,
            int schemaVersion,
            String version,
            long seed,
            Instant startedAt,
            long wallMs,
            Map<String, Object> tolerance,
            List<Result> results,
            List<Observation> observations,
            WaiverReport waivers) {
        this(
                tool,
                schemaVersion,
                version,
                seed,
                startedAt,
                wallMs,
                tolerance,
                results,
                observations,
                waivers,
                false,
                null);
    }

    /** A report written by this code: tool {@code optcheck}, schema {@link #SCHEMA_VERSION}, no waivers applied. */
    public static RunReport of(
            String version,
            long seed,
            Instant startedAt,
            long wallMs,
            Map<String, ?> tolerance,
            List<Result> results,
            List<Observation> observations) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tol = (Map<String, Object>) (Map<String, ?>) tolerance;
        return new RunReport(TOOL, SCHEMA_VERSION, version, seed, startedAt, wallMs, tol, results, observations, null);
    }

    /** This report with other results (re-sorted) and waiver report. */
    public RunReport with(List<Result> newResults, WaiverReport newWaivers) {
        return copy(newResults, newWaivers, partial, shard);
    }

    /** This report marked as the partial result of an interrupted run (or not). */
    public RunReport asPartial(boolean isPartial) {
        return copy(results, waivers, isPartial, shard);
    }

    /** This report as one shard's (or not, for null). */
    public RunReport asShard(ShardInfo info) {
        return copy(results, waivers, partial, info);
    }

    private RunReport copy(List<Result> rs, WaiverReport ws, boolean isPartial, ShardInfo info) {
        return new RunReport(
                tool,
                schemaVersion,
                version,
                seed,
                startedAt,
                wallMs,
                tolerance,
                rs,
                observations,
                ws,
                isPartial,
                info);
    }

    /** The result with this id, or null. */
    public Result result(String id) {
        for (Result r : results) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Number of results with this verdict (waived failures count as {@code FAIL}). */
    public long count(Verdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }

    /** Number of failing results excused by a waiver. */
    public long countWaived() {
        return results.stream().filter(r -> r.waiver() != null).count();
    }

    /** True when no result has verdict fail without a valid waiver (info results never block). */
    public boolean gatePasses() {
        return results.stream().noneMatch(Result::blocksGate);
    }
}
