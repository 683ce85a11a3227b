package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optcheck run --line-search-class ... --classpath ...} on line searches compiled during the
 * test, outside optcheck's source tree: a correct backtracking search holds gd.armijo; one that
 * accepts its first step breaks it; one that never shrinks ends as an error within --try-timeout
 * (the worker is killed), and the other results are still written.
 */
class LineSearchRunTest {

    @TempDir
    static Path dir;

    static Path classes;

    static final String SEARCH = """
      package com.acme;
      import io.optcheck.api.LineSearch;
      public class NAME implements LineSearch {
          public Condition condition() { return Condition.ARMIJO; }
          public double c1() { return 1e-4; }
          public double step(Ray ray) {
              double f0 = ray.value(0), s0 = ray.slope(0), a = 1;
              if (FIRST) return a;
              while (ray.value(a) > f0 + 1e-4 * a * s0) {
                  if (f0 + 1e-4 * a * s0 == f0) throw new io.optcheck.method.MethodRefusal("no measurable decrease");
                  a *= BETA;
              }
              return a;
          }
      }
      """;

    @BeforeAll
    static void compile() throws IOException {
        Path src = dir.resolve("src/com/acme");
        Files.createDirectories(src);
        Files.writeString(
                src.resolve("Backtracking.java"),
                SEARCH.replace("NAME", "Backtracking").replace("FIRST", "false").replace("BETA", "0.5"));
        Files.writeString(
                src.resolve("FirstStep.java"),
                SEARCH.replace("NAME", "FirstStep").replace("FIRST", "true").replace("BETA", "0.5"));
        Files.writeString(
                src.resolve("NeverShrinks.java"),
                SEARCH.replace("NAME", "NeverShrinks").replace("FIRST", "false").replace("BETA", "1.0"));
        classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args =
                new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        for (String f : List.of("Backtracking", "FirstStep", "NeverShrinks")) {
            args.add(src.resolve(f + ".java").toString());
        }
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();
    }

    @Test
    void checksEachSearchForItsClaimedConditionAndStopsTheOneThatNeverShrinks() throws IOException {
        Path out = dir.resolve("out");
        Cli c = Cli.run(
                "run",
                "--line-search-class",
                "com.acme.Backtracking",
                "--line-search-class",
                "com.acme.FirstStep",
                "--line-search-class",
                "com.acme.NeverShrinks",
                "--classpath",
                classes.toString(),
                "--tries",
                "100",
                "--try-timeout",
                "3",
                "--out",
                out.toString(),
                "--fail-on-violation");
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.VIOLATION);
        assertThat(c.err())
                .contains(
                        "line search com.acme.Backtracking {condition=armijo, c1=1.0E-4}: gd.armijo / holds",
                        "gd.wolfe / holds: not applicable: com.acme.Backtracking claims ARMIJO only");
        String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"method\": \"com.acme.Backtracking\"",
                        "\"method\": \"com.acme.FirstStep\"",
                        "\"method\": \"com.acme.NeverShrinks\"",
                        "\"c1\": \"1.0E-4\"");
        assertThat(outcome(json, "com.acme.Backtracking")).isEqualTo("held");
        assertThat(outcome(json, "com.acme.FirstStep")).isEqualTo("broken");
        assertThat(outcome(json, "com.acme.NeverShrinks")).isEqualTo("error");
        assertThat(json).contains("timeout");
        assertThat(json).contains("--line-search-class com.acme.FirstStep --classpath");
    }

    @Test
    void aClassThatIsNotALineSearchIsBadInput() {
        Cli c = Cli.run(
                "run",
                "--line-search-class",
                "java.lang.String",
                "--out",
                dir.resolve("bad").toString());
        assertThat(c.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(c.err())
                .contains("--line-search-class java.lang.String", "does not implement io.optcheck.api.LineSearch");
    }

    /** The outcome of the gd.armijo result of {@code method}. */
    private static String outcome(String json, String method) {
        Matcher m = Pattern.compile("\"theorem\": \"gd\\.armijo\",[^{}]*?\"method\": \"" + Pattern.quote(method)
                        + "\",[^{}]*?\"outcome\": \"([a-z_]+)\"")
                .matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
