package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optcheck run --estimator-class ... --classpath ...} on samplers compiled into a jar in a
 * temporary directory during the test, outside optcheck's source tree, as a user's would be: a
 * correct uniform sampler, the same with an off-by-one (never draws example n - 1), and a sampler
 * with its own randomness.
 */
class EstimatorRunTest {

    @TempDir
    static Path dir;

    static Path jar;

    static final String SAMPLER = """
      package com.acme;
      import io.optcheck.api.ExampleGradients;
      import io.optcheck.api.*;
        import io.optcheck.method.plugin.*;
      public class MySampler implements GradientEstimator {
          public Sampling sampling() { return Sampling.WITH_REPLACEMENT; }
          public int batchSize() { return 2; }
          public double[] estimate(ExampleGradients g, Randomness rnd) {
              double[] out = new double[g.dimension()];
              for (int k = 0; k < 2; k++) {
                  int i = rnd.nextInt(g.n() - SHIFT);
                  for (int j = 0; j < out.length; j++) out[j] += g.get(i, j) / 2;
              }
              return out;
          }
      }
      """;

    static final String SELF = """
      package com.acme;
      import io.optcheck.api.ExampleGradients;
      import io.optcheck.api.*;
        import io.optcheck.method.plugin.*;
      public class MyLoader implements SelfRandomEstimator {
          public Sampling sampling() { return Sampling.WITHOUT_REPLACEMENT; }
          public int batchSize() { return 2; }
          public double[] estimate(ExampleGradients g, long seed) {
              java.util.Random r = new java.util.Random(seed);
              int a = r.nextInt(g.n());
              int b = r.nextInt(g.n() - 1);
              if (b >= a) b++;
              double[] out = new double[g.dimension()];
              for (int j = 0; j < out.length; j++) out[j] = (g.get(a, j) + g.get(b, j)) / 2;
              return out;
          }
      }
      """;

    @BeforeAll
    static void compile() throws IOException {
        Path src = dir.resolve("src/com/acme");
        Files.createDirectories(src);
        Files.writeString(src.resolve("MySampler.java"), SAMPLER.replace("SHIFT", "0"));
        Files.writeString(
                src.resolve("OffByOneSampler.java"),
                SAMPLER.replace("MySampler", "OffByOneSampler").replace("SHIFT", "1"));
        Files.writeString(src.resolve("MyLoader.java"), SELF);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args =
                new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.list(src)) {
            files.forEach(f -> args.add(f.toString()));
        }
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();
        jar = dir.resolve("acme-samplers.jar");
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(os);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
    }

    @Test
    void runsTheEstimatorTheoremsUnderTheUsersIdAndGatesOnTheBiasedOne() throws IOException {
        Path out = dir.resolve("out");
        Cli c = Cli.run(
                "run",
                "--estimator-class",
                "com.acme.MySampler",
                "--estimator-class",
                "com.acme.OffByOneSampler",
                "--estimator-class",
                "com.acme.MyLoader",
                "--classpath",
                jar.toString(),
                "--tries",
                "20",
                "--out",
                out.toString());
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.OK);
        assertThat(c.err())
                .contains(
                        "estimator com.acme.MySampler",
                        "sgd.unbiased-minibatch / holds (expected holds, exact",
                        "sgd.minibatch-variance / without-replacement: not applicable: declared WITH_REPLACEMENT",
                        "estimator com.acme.MyLoader",
                        "(expected holds, statistical)");
        String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"method\": \"com.acme.MySampler\"",
                        "\"method\": \"com.acme.OffByOneSampler\"",
                        "\"method\": \"com.acme.MyLoader\"",
                        "\"outcome\": \"not_applicable\"",
                        "empirical-bernstein");
        assertThat(c.out()).contains("gate: would fail");
        Cli gated = Cli.run(
                "run",
                "--estimator-class",
                "com.acme.OffByOneSampler",
                "--classpath",
                jar.toString(),
                "--theorem",
                "sgd.unbiased-minibatch",
                "--tries",
                "20",
                "--out",
                dir.resolve("out2").toString(),
                "--fail-on-violation");
        assertThat(gated.exit()).isEqualTo(Main.VIOLATION);
        // the counterexample replays from its token under the same --estimator-class
        String json2 = Files.readString(dir.resolve("out2").resolve("results.json"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("--replay (sgd\\.unbiased-minibatch/holds/[^\" ]+)")
                .matcher(json2);
        assertThat(m.find()).as(json2).isTrue();
        Cli replayed = Cli.run(
                "run",
                "--estimator-class",
                "com.acme.OffByOneSampler",
                "--classpath",
                jar.toString(),
                "--replay",
                m.group(1),
                "--out",
                dir.resolve("out4").toString());
        assertThat(replayed.out() + replayed.err()).as(replayed.err()).contains("broken");
    }

    @Test
    void aClassThatIsNotAnEstimatorIsBadInputNamingBothInterfaces() {
        Cli.run("run", "--estimator-class", "java.lang.Object")
                .assertBadInput(
                        "--estimator-class java.lang.Object",
                        "does not implement",
                        "GradientEstimator",
                        "SelfRandomEstimator");
    }

    @Test
    void zeroApplicableTheoremsIsBadInputNotAPass() {
        Cli.run(
                        "run",
                        "--estimator-class",
                        "com.acme.MySampler",
                        "--classpath",
                        jar.toString(),
                        "--theorem",
                        "gd.descent-lemma")
                .assertBadInput("no theorem applies", "com.acme.MySampler");
    }
}
