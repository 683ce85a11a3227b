package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --threads} and {@code --shard}: on a small part of the catalog (a trajectory theorem, a
 * line search, a statistical theorem with its fresh-seed recheck, a landscape theorem and its
 * family's observation), the reports of one process at one thread, of one process at two threads,
 * and of three shard processes merged are the same file for file, durations and start times aside.
 * Separate processes also catch an order that changes from one JVM to the next (Map.of's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedRunTest {

    private static final List<String> SUBSET = List.of(
            "run",
            "--quick",
            "--seed",
            "7",
            "--theorem",
            "gd.descent-lemma",
            "--theorem",
            "gd.armijo",
            "--theorem",
            "sgd.robbins-monro",
            "--theorem",
            "land.strict-saddle-escape");

    private Path dir;

    @BeforeAll
    void runEverything(@TempDir Path tmp) throws Exception {
        dir = tmp;
        List<Process> ps = new ArrayList<>();
        ps.add(start("--threads", "1", "--out", dir.resolve("one").toString()));
        for (int i = 1; i <= 3; i++) {
            ps.add(start(
                    "--threads",
                    "1",
                    "--shard",
                    i + "/3",
                    "--out",
                    dir.resolve("s" + i).toString()));
        }
        for (Process p : ps) {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("process finished").isTrue();
            assertThat(p.exitValue())
                    .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }
        List<String> two = new ArrayList<>(SUBSET);
        two.addAll(List.of("--threads", "2", "--out", dir.resolve("two").toString()));
        Cli c = Cli.run(two.toArray(String[]::new));
        assertThat(c.exit()).as(c.err()).isZero();
    }

    private Process start(String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(SUBSET);
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** The report text with what differs between equal runs replaced: durations, wall time, start time. */
    static String normalized(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8)
                .replaceAll("\"(durationMs|wallMs)\": \\d+", "\"$1\": 0")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "START")
                .replaceAll("\\d+\\.\\d{3} s", "SECONDS");
    }

    @Test
    void twoThreadsWriteWhatOneThreadWrites() throws IOException {
        for (String f : List.of("results.json", "summary.md", "index.html")) {
            assertThat(normalized(dir.resolve("two").resolve(f)))
                    .as(f)
                    .isEqualTo(normalized(dir.resolve("one").resolve(f)));
        }
    }

    @Test
    void threeMergedShardsWriteWhatOneRunWrites() throws IOException {
        Cli m = Cli.run(
                "merge",
                "--out",
                dir.resolve("merged").toString(),
                dir.resolve("s1").toString(),
                dir.resolve("s3").toString(),
                dir.resolve("s2").toString());
        assertThat(m.exit()).as(m.err()).isZero();
        assertThat(m.err()).contains("merged 3 shards");
        String one = normalized(dir.resolve("one").resolve("results.json"));
        assertThat(one).doesNotContain("\"shard\"");
        for (String f : List.of("results.json", "summary.md", "index.html")) {
            assertThat(normalized(dir.resolve("merged").resolve(f)))
                    .as(f)
                    .isEqualTo(normalized(dir.resolve("one").resolve(f)));
        }
        // Each shard did part of the work, and every shard some of it.
        for (int i = 1; i <= 3; i++) {
            String s = Files.readString(dir.resolve("s" + i).resolve("results.json"));
            assertThat(s).contains("\"shard\": {", "\"index\": " + i, "\"count\": 3", "\"depth\": \"quick\"");
            assertThat(s.length()).isLessThan(one.length());
        }
    }

    @Test
    void mergeRefusesMissingAndDuplicatedShards() {
        Cli.run(
                        "merge",
                        "--out",
                        dir.resolve("m1").toString(),
                        dir.resolve("s1").toString(),
                        dir.resolve("s3").toString())
                .assertBadInput("missing shard 2/3");
        Cli.run(
                        "merge",
                        "--out",
                        dir.resolve("m2").toString(),
                        dir.resolve("s1").toString(),
                        dir.resolve("s2").toString(),
                        dir.resolve("s2").toString(),
                        dir.resolve("s3").toString())
                .assertBadInput("shard 2/3 is given twice");
        Cli.run(
                        "merge",
                        "--out",
                        dir.resolve("m3").toString(),
                        dir.resolve("one").toString(),
                        dir.resolve("s2").toString())
                .assertBadInput("is not a shard's report");
        Cli.run(
                        "merge",
                        "--out",
                        dir.resolve("m4").toString(),
                        dir.resolve("nowhere").toString())
                .assertBadInput("has no results.json");
        assertThat(dir.resolve("m1").resolve("results.json")).doesNotExist();
    }

    @Test
    void mergeRefusesShardsOfDifferentCommitsSeedsAndDepths() throws IOException {
        assertRefused("commit", "shard", "commit", "0123abc", "has commit");
        assertRefused("depth", "shard", "depth", "full", "has depth");
        assertRefused("seed", null, "seed", 8L, "has seed");
    }

    private void assertRefused(String name, String object, String field, Object value, String message)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path altered = dir.resolve("altered-" + name);
        Files.createDirectories(altered);
        ObjectNode root = (ObjectNode)
                json.readTree(dir.resolve("s2").resolve("results.json").toFile());
        ObjectNode target = object == null ? root : (ObjectNode) root.get(object);
        if (value instanceof Long l) {
            target.put(field, l);
        } else {
            target.put(field, value.toString());
        }
        json.writeValue(altered.resolve("results.json").toFile(), root);
        Cli.run(
                        "merge",
                        "--out",
                        dir.resolve("m-" + name).toString(),
                        dir.resolve("s1").toString(),
                        altered.toString(),
                        dir.resolve("s3").toString())
                .assertBadInput("shards from different runs", message);
    }

    @Test
    void badShardAndThreadValuesAreBadInput() {
        Cli.run("run", "--shard", "0/3", "--theorem", "gd.descent-lemma").assertBadInput("--shard", "1 <= i <= n");
        Cli.run("run", "--shard", "4/3", "--theorem", "gd.descent-lemma").assertBadInput("--shard");
        Cli.run("run", "--shard", "half", "--theorem", "gd.descent-lemma").assertBadInput("--shard", "e.g. 2/3");
        Cli.run("run", "--threads", "0", "--theorem", "gd.descent-lemma").assertBadInput("--threads");
    }
}
