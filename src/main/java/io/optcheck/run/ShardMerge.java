package io.optcheck.run;

import io.optcheck.result.Observation;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.ShardInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins the reports of the shards of one run ({@code --shard i/n}) into the report one unsharded
 * run would have written: the same results and observations, waivers not yet applied (the merge
 * applies them once, as a run does), no shard metadata. Durations stay as each shard measured them;
 * the start is the earliest shard's and the wall time the longest shard's.
 *
 * <p>Refuses, naming the shard and the fix: a report that is not a shard's, a partial one, shards
 * of different commits, versions, seeds, depths, tries, edge-case settings or selections, a shard
 * count that differs, a missing or duplicated shard, a shard whose results are fewer than it owes,
 * and one result in two shards.
 */
public final class ShardMerge {

    /** One shard's report and where it was read from (for messages). */
    public record Input(String name, RunReport report) {}

    private ShardMerge() {}

    /**
     * @throws RunInputException for shards that do not make one run
     */
    public static RunReport merge(List<Input> shards) {
        if (shards.isEmpty()) {
            throw new RunInputException("no shard directories given; name every shard's report directory");
        }
        Input first = shards.get(0);
        for (Input in : shards) {
            RunReport r = in.report();
            if (r.shard() == null) {
                throw new RunInputException(
                        in.name() + " is not a shard's report (it has no \"shard\" field); merge the "
                                + "directories written by 'optcheck run --shard I/N'");
            }
            if (r.partial()) {
                throw new RunInputException(in.name() + " is partial (shard "
                        + r.shard().label() + " was interrupted); " + "rerun that shard, then merge again");
            }
        }
        ShardInfo a = first.report().shard();
        for (Input in : shards) {
            RunReport r = in.report();
            ShardInfo b = r.shard();
            same(first, in, "commit", a.commit(), b.commit(), "run every shard from one checkout");
            same(
                    first,
                    in,
                    "optcheck version",
                    first.report().version(),
                    r.version(),
                    "run every shard from one build");
            same(first, in, "seed", first.report().seed(), r.seed(), "give every shard the same --seed");
            same(first, in, "depth", a.depth(), b.depth(), "give every shard the same --quick or --ci (or neither)");
            same(first, in, "--tries", a.tries(), b.tries(), "give every shard the same --tries");
            same(
                    first,
                    in,
                    "edge cases",
                    a.edgeCases(),
                    b.edgeCases(),
                    "give every shard the same --no-edge-cases (or none)");
            same(first, in, "shard count", a.count(), b.count(), "merge the shards of one --shard I/N matrix");
            same(
                    first,
                    in,
                    "selection",
                    a.selection(),
                    b.selection(),
                    "give every shard the same --theorem, --method and plug-in options");
            same(
                    first,
                    in,
                    "tolerance model",
                    first.report().tolerance(),
                    r.tolerance(),
                    "run every shard from one build");
        }
        if (a.commit().equals("unknown")) {
            throw new RunInputException(
                    "the shards do not record their commit (they ran outside a git checkout); "
                            + "set OPTCHECK_COMMIT to the commit id for every shard so that the merge can tell they ran one commit");
        }
        Map<Integer, String> byIndex = new TreeMap<>();
        for (Input in : shards) {
            String before = byIndex.putIfAbsent(in.report().shard().index(), in.name());
            if (before != null) {
                throw new RunInputException("shard " + in.report().shard().label() + " is given twice (" + before
                        + " and " + in.name() + "); give each shard's directory once");
            }
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int i = 1; i <= a.count(); i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new RunInputException("missing shard" + (missing.size() == 1 ? " " : "s ")
                    + String.join(
                            ", ", missing.stream().map(i -> i + "/" + a.count()).toList())
                    + "; give the report directory of every shard 1/" + a.count() + " to " + a.count() + "/"
                    + a.count());
        }
        List<Result> results = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        Map<String, String> owner = new TreeMap<>();
        Instant started = first.report().startedAt();
        long wall = 0;
        int owed = 0;
        for (Input in : shards) {
            RunReport r = in.report();
            if (r.results().size() != r.shard().jobs()) {
                throw new RunInputException(in.name() + " holds " + r.results().size() + " results, but shard "
                        + r.shard().label() + " owes " + r.shard().jobs() + "; rerun that shard");
            }
            owed += r.shard().jobs();
            for (Result x : r.results()) {
                String before = owner.putIfAbsent(x.id(), in.name());
                if (before != null) {
                    throw new RunInputException("result " + x.id() + " is in two shards (" + before + " and "
                            + in.name() + "); merge the shards of one --shard I/N matrix");
                }
                results.add(x.withWaiver(null));
            }
            observations.addAll(r.observations());
            started = r.startedAt().isBefore(started) ? r.startedAt() : started;
            wall = Math.max(wall, r.wallMs());
        }
        if (owed != a.totalJobs()) {
            throw new RunInputException("the shards hold " + owed + " of the run's " + a.totalJobs()
                    + " results; merge the shards of one --shard I/N matrix");
        }
        RunReport f = first.report();
        return RunReport.of(f.version(), f.seed(), started, wall, f.tolerance(), results, observations);
    }

    private static void same(Input a, Input b, String what, Object x, Object y, String fix) {
        if (!Objects.equals(x, y)) {
            throw new RunInputException("shards from different runs: " + a.name() + " has " + what + " " + x + ", "
                    + b.name() + " has " + y + "; " + fix + " and merge again");
        }
    }
}
