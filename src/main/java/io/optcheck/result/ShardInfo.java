package io.optcheck.result;

import java.util.Objects;

/**
 * Where a shard's results.json came from, so that {@code optcheck merge} can refuse shards that do
 * not make one run. Immutable.
 *
 * @param index     this shard, 1 ..= count
 * @param count     how many shards the run was split into (&gt;= 1)
 * @param commit    the source commit the shard ran (git's id, "-dirty" appended for uncommitted changes)
 * @param depth     the depth: "quick", "ci" or "full"
 * @param tries     the --tries override, or 0 when each spec's tries for the depth were used
 * @param edgeCases whether the edge-case phase ran
 * @param selection a fingerprint of the whole run's work list (every shard's jobs and tries, and the
 *                  observations), equal in every shard of one run
 * @param jobs      the regime results this shard owes (its part of the work list)
 * @param totalJobs the regime results of the whole run (all shards)
 */
public record ShardInfo(
        int index,
        int count,
        String commit,
        String depth,
        int tries,
        boolean edgeCases,
        String selection,
        int jobs,
        int totalJobs) {

    public ShardInfo {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": need 1 <= index <= count");
        }
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(selection, "selection");
        if (jobs < 0 || totalJobs < jobs) {
            throw new IllegalArgumentException("shard jobs " + jobs + " of " + totalJobs);
        }
    }

    /** "2/3". */
    public String label() {
        return index + "/" + count;
    }
}
