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
 * {@code optcheck run --finite-sum-class ... --classpath ...} on SAGAs compiled during the test,
 * outside optcheck's source tree, run in the worker process: a correct SAGA holds vr.saga; one whose
 * table is never updated breaks its holds regime, and the replay line names the option; a class
 * that is neither a finite-sum method nor a variance-reduced estimator is bad input.
 */
class FiniteSumRunTest {

    @TempDir
    static Path dir;

    static Path classes;

    static final String SAGA = """
      package com.acme;
      import io.optcheck.api.*;
      public class NAME implements PluggableFiniteSum {
          record S(double[] x, double[][] t) {}
          public FiniteSumKind kind() { return FiniteSumKind.SAGA; }
          public FiniteSumOptimizer<S> create(Hyperparameters h) {
              double lr = h.get("lr");
              return new FiniteSumOptimizer<S>() {
                  public S init(double[] x0) { return new S(x0.clone(), null); }
                  public double[] position(S s) { return s.x().clone(); }
                  public S step(S s, FiniteSumOracle o) {
                      int n = o.n();
                      double[][] t = s.t();
                      if (t == null) {
                          t = new double[n][];
                          for (int i = 0; i < n; i++) t[i] = o.exampleGradient(i, s.x());
                      }
                      int j = o.nextIndex(n);
                      double[] g = o.exampleGradient(j, s.x());
                      double[] x = s.x().clone();
                      for (int k = 0; k < x.length; k++) {
                          double m = 0;
                          for (double[] r : t) m += r[k];
                          x[k] -= lr * (g[k] - t[j][k] + m / n);
                      }
                      double[][] u = t.clone();
                      if (UPDATE) u[j] = g;
                      return new S(x, u);
                  }
              };
          }
      }
      """;

    @BeforeAll
    static void compile() throws IOException {
        Path src = dir.resolve("src/com/acme");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Saga.java"), SAGA.replace("NAME", "Saga").replace("UPDATE", "true"));
        Files.writeString(
                src.resolve("FrozenSaga.java"),
                SAGA.replace("NAME", "FrozenSaga").replace("UPDATE", "false"));
        classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args =
                new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        for (String f : List.of("Saga", "FrozenSaga")) {
            args.add(src.resolve(f + ".java").toString());
        }
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();
    }

    @Test
    void aCorrectSagaHoldsAndAFrozenTableBreaks() throws IOException {
        Path out = dir.resolve("out");
        Cli c = Cli.run(
                "run",
                "--finite-sum-class",
                "com.acme.Saga",
                "--finite-sum-class",
                "com.acme.FrozenSaga",
                "--classpath",
                classes.toString(),
                "--tries",
                "300",
                "--out",
                out.toString(),
                "--fail-on-violation");
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.VIOLATION);
        assertThat(c.err()).contains("finite-sum method com.acme.Saga", "vr.saga / holds", "vr.saga / unbiased");
        String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
        assertThat(outcome(json, "holds", "com.acme.Saga")).isEqualTo("held");
        assertThat(outcome(json, "unbiased", "com.acme.Saga")).isEqualTo("held");
        assertThat(outcome(json, "holds", "com.acme.FrozenSaga")).isEqualTo("broken");
        assertThat(outcome(json, "unbiased", "com.acme.FrozenSaga")).isEqualTo("held");
        assertThat(json).contains("--finite-sum-class com.acme.FrozenSaga --classpath");
    }

    @Test
    void aClassThatIsNoFiniteSumPlugInIsBadInput() {
        Cli c = Cli.run(
                "run",
                "--finite-sum-class",
                "java.lang.String",
                "--out",
                dir.resolve("bad").toString());
        assertThat(c.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(c.err())
                .contains(
                        "--finite-sum-class java.lang.String",
                        "does not implement io.optcheck.api.PluggableFiniteSum or"
                                + " io.optcheck.api.VarianceReducedEstimator");
    }

    /** The outcome of the vr.saga result of {@code method} in {@code regime}. */
    private static String outcome(String json, String regime, String method) {
        Matcher m = Pattern.compile("\"theorem\": \"vr\\.saga\",[^{}]*?\"method\": \"" + Pattern.quote(method)
                        + "\",[^{}]*?\"regime\": \"" + regime + "\",[^{}]*?\"outcome\": \"([a-z_]+)\"")
                .matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
