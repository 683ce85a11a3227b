package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observations file: every line valid against the documented format ({@link ObservationSchema}),
 * and its content saying what the run did (statuses, labels, phases and replayable tries checked
 * against the property's own definition).
 */
class ObservationsTest {

    private final String before = System.getProperty(Observations.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Observations.PROPERTY);
        } else {
            System.setProperty(Observations.PROPERTY, before);
        }
    }

    private static Property<Integer> belowFiveHundred() {
        return Property.forAll("x below 500", Gens.integers(0, 1000), (x, t) -> {
                    t.classify(x > 100, "big");
                    if (x >= 500) {
                        throw new AssertionError("x = " + x);
                    }
                })
                .tries(200);
    }

    @Test
    void aFailingRunWritesOneValidLinePerTryAndPerPhase(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("obs.jsonl");
        System.setProperty(Observations.PROPERTY, file.toString());
        Property<Integer> p = belowFiveHundred();
        PropertyResult<Integer> result = p.run();
        assertThat(result.status()).isEqualTo(PropertyResult.Status.FAILED);

        List<JsonNode> lines = ObservationSchema.read(file);
        List<JsonNode> cases = lines.stream()
                .filter(n -> n.get("type").asText().equals("test_case"))
                .toList();
        List<JsonNode> infos = lines.stream()
                .filter(n -> n.get("type").asText().equals("info"))
                .toList();
        assertThat(lines.stream().map(n -> n.get("property").asText())).containsOnly("x below 500");
        assertThat(lines.stream().map(n -> n.get("run_start").asDouble()).distinct())
                .hasSize(1);

        Map<String, Integer> perPhase = new HashMap<>();
        for (JsonNode c : cases) {
            int x = Integer.parseInt(c.get("representation").asText());
            // status and features follow from the property's definition, recomputed here
            assertThat(c.get("status").asText()).as(c.toString()).isEqualTo(x >= 500 ? "failed" : "passed");
            assertThat(c.get("features").has("big")).as(c.toString()).isEqualTo(x > 100);
            assertThat(c.get("arguments").get("value").asInt()).isEqualTo(x);
            assertThat(c.get("status_reason").asText()).isEqualTo(x >= 500 ? "java.lang.AssertionError: x = " + x : "");
            assertThat(c.get("timing").has("generate:value")).isTrue();
            assertThat(c.get("timing").has("execute:test")).isTrue();
            assertThat(c.get("metadata").get("seed").asLong()).isEqualTo(Property.DEFAULT_SEED);
            String phase = c.get("metadata").get("phase").asText();
            assertThat(c.get("how_generated").asText()).isEqualTo("generated during " + phase + " phase");
            perPhase.merge(phase, 1, Integer::sum);
        }
        // the failure was found by edge or random tries, then shrunk: every candidate is a line
        assertThat(perPhase.get("shrink")).isEqualTo(result.shrinkCandidates());
        assertThat(perPhase.getOrDefault("edge", 0) + perPhase.getOrDefault("random", 0))
                .isGreaterThanOrEqualTo(result.tries());
        // one info line per phase that ran, counting the same tries
        for (JsonNode info : infos) {
            String phase = info.get("content").get("phase").asText();
            assertThat(info.get("title").asText()).isEqualTo("phase " + phase);
            assertThat(info.get("content").get("tries").asInt()).as(phase).isEqualTo(perPhase.get(phase));
        }
        assertThat(infos.stream().map(n -> n.get("content").get("phase").asText()))
                .containsAll(perPhase.keySet())
                .doesNotHaveDuplicates();
        // each try's token reruns exactly that try
        JsonNode aFailure = cases.stream()
                .filter(c -> c.get("status").asText().equals("failed"))
                .findFirst()
                .orElseThrow();
        JsonNode aPass = cases.stream()
                .filter(c -> c.get("status").asText().equals("passed"))
                .findFirst()
                .orElseThrow();
        System.clearProperty(Observations.PROPERTY);
        PropertyResult<Integer> again =
                p.replay(aFailure.get("metadata").get("replay_token").asText());
        assertThat(again.status()).isEqualTo(PropertyResult.Status.FAILED);
        assertThat(again.shrunk().value())
                .isEqualTo(Integer.parseInt(aFailure.get("representation").asText()));
        assertThat(p.replay(aPass.get("metadata").get("replay_token").asText()).status())
                .isEqualTo(PropertyResult.Status.PASSED);
    }

    @Test
    void discardedTriesAreGaveUpWithTheReasonAndScoresAreTargetFeatures(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("obs.jsonl");
        Property<Integer> p = Property.forAll("even only", Gens.integers(0, 99), (x, t) -> {
                    if (x % 2 == 1) {
                        t.reject("odd");
                    }
                    t.target(x / 100.0);
                })
                .tries(60)
                .listener(Observations.to(file));
        assertThat(p.run().status()).isEqualTo(PropertyResult.Status.PASSED);
        List<JsonNode> cases = ObservationSchema.read(file).stream()
                .filter(n -> n.get("type").asText().equals("test_case"))
                .toList();
        assertThat(cases).isNotEmpty();
        Set<String> statuses = new HashSet<>();
        for (JsonNode c : cases) {
            int x = Integer.parseInt(c.get("representation").asText());
            statuses.add(c.get("status").asText());
            if (x % 2 == 1) {
                assertThat(c.get("status").asText()).isEqualTo("gave_up");
                assertThat(c.get("status_reason").asText()).isEqualTo("odd");
            } else {
                assertThat(c.get("status").asText()).isEqualTo("passed");
                assertThat(c.get("features").get("target").asDouble()).isEqualTo(x / 100.0);
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder("passed", "gave_up");
    }

    @Test
    void withoutTheSystemPropertyNothingIsWritten(@TempDir Path dir) throws IOException {
        System.clearProperty(Observations.PROPERTY);
        assertThat(Observations.fromSystemProperty()).isNull();
        System.setProperty(Observations.PROPERTY, dir.resolve("x.jsonl").toString());
        assertThat(Observations.fromSystemProperty()).isNotNull();
    }

    @Test
    void anUnwritableFileIsRefusedNamingItAndTheFix(@TempDir Path dir) throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Observations.useFile(notADir.resolve("obs.jsonl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain-file")
                .hasMessageContaining("a directory you can write to");
        assertThat(System.getProperty(Observations.PROPERTY)).isEqualTo(before);
    }

    /** Writes one property's observations from another JVM, then prints how many lines it wrote. */
    public static final class Child {
        public static void main(String[] args) {
            int[] lines = {0};
            PropertyListener counter = new PropertyListener() {
                @Override
                public void onTry(Try t) {
                    lines[0]++;
                }

                @Override
                public void onPhase(PhaseEnd e) {
                    lines[0]++;
                }
            };
            Property.forAll("child " + args[0], Gens.doubleArrays(Gens.doubles(-1, 1), 20), (v, t) -> {
                        t.classify(v[0] > 0, "first positive");
                    })
                    .tries(400)
                    .seed(Long.parseLong(args[0]))
                    .listener(counter)
                    .run();
            System.out.println(lines[0]);
        }
    }

    @Test
    void twoProcessesAppendWholeLinesToOneFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Process> ps = new ArrayList<>();
        for (String seed : List.of("1", "2")) {
            ps.add(new ProcessBuilder(
                            java,
                            "-Xmx128m",
                            "-cp",
                            cp,
                            "-D" + Observations.PROPERTY + "=" + file,
                            Child.class.getName(),
                            seed)
                    .redirectErrorStream(true)
                    .start());
        }
        Map<String, Integer> reported = new HashMap<>();
        for (int i = 0; i < ps.size(); i++) {
            Process p = ps.get(i);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.exitValue()).as(out).isZero();
            reported.put("child " + (i + 1), Integer.parseInt(out));
        }
        Map<String, Integer> written = new HashMap<>();
        for (JsonNode n : ObservationSchema.read(file)) { // every line parses and validates: no two writes interleaved
            written.merge(n.get("property").asText(), 1, Integer::sum);
        }
        assertThat(written).isEqualTo(reported);
        assertThat(reported.values()).allMatch(n -> n > 400);
    }
}
