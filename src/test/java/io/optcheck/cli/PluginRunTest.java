package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optcheck run --method-class ... --classpath ...} on optimizers compiled into a jar in a
 * temporary directory during the test, outside optcheck's source tree, as a user's would be.
 */
class PluginRunTest {

    @TempDir
    static Path dir;

    static Path jar;

    static final String GD = """
        package com.acme;
        import io.optcheck.method.*;
        import io.optcheck.api.*;
        import io.optcheck.method.plugin.*;
        public class MyGd implements PluggableOptimizer {
            public MethodKind kind() { return MethodKind.GD; }
            public Optimizer<?> create(Hyperparameters h) {
                double lr = h.get("lr") * FACTOR;
                return new Optimizer<double[]>() {
                    public double[] init(double[] x0) { return x0.clone(); }
                    public double[] step(double[] x, Oracle o) {
                        double[] g = o.gradient(x);
                        double[] n = new double[x.length];
                        for (int i = 0; i < n.length; i++) n[i] = x[i] - lr * g[i];
                        return n;
                    }
                    public double[] position(double[] x) { return x.clone(); }
                };
            }
        }
        """;

    @BeforeAll
    static void compile() throws IOException {
        Path src = dir.resolve("src/com/acme");
        Files.createDirectories(src);
        Files.writeString(src.resolve("MyGd.java"), GD.replace("FACTOR", "1.0"));
        Files.writeString(src.resolve("OffGd.java"), GD.replace("MyGd", "OffGd").replace("FACTOR", "(1 + 1e-6)"));
        Files.writeString(src.resolve("NotAnOptimizer.java"), "package com.acme; public class NotAnOptimizer {}");
        Files.writeString(
                src.resolve("NoDefaultCtor.java"),
                GD.replace("public class MyGd", "public class NoDefaultCtor")
                        .replace("public MethodKind kind()", "public NoDefaultCtor(int x) {} public MethodKind kind()")
                        .replace("FACTOR", "1.0"));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args =
                new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.list(src)) {
            files.forEach(f -> args.add(f.toString()));
        }
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();
        jar = dir.resolve("acme.jar");
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
    void runsTheApplicableTheoremsAndWritesTheReportsUnderTheUsersMethodId() throws IOException {
        Path out = dir.resolve("out");
        Cli c = Cli.run(
                "run",
                "--method-class",
                "com.acme.MyGd",
                "--method-class",
                "com.acme.OffGd",
                "--classpath",
                jar.toString(),
                "--theorem",
                "conf.reference-equivalence",
                "--theorem",
                "conf.checkpoint-resume",
                "--tries",
                "20",
                "--out",
                out.toString());
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.OK);
        assertThat(c.err())
                .contains(
                        "method com.acme.MyGd (kind gd",
                        "conf.reference-equivalence / holds",
                        "conf.checkpoint-resume / holds: not applicable: com.acme.MyGd declares supportsCopy() = false");
        String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"method\": \"com.acme.MyGd\"",
                        "\"method\": \"com.acme.OffGd\"",
                        "\"outcome\": \"not_applicable\"",
                        "\"notApplicable\"",
                        "\"schemaVersion\": 5");
        String md = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("com.acme.OffGd", "supportsCopy() = false");
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("com.acme.MyGd", "not applicable");
        // OffGd's lr is off by 1e-6: its reference equivalence fails, MyGd's passes
        assertThat(c.out()).contains("gate: would fail");
        Cli gated = Cli.run(
                "run",
                "--method-class",
                "com.acme.OffGd",
                "--classpath",
                jar.toString(),
                "--theorem",
                "conf.reference-equivalence",
                "--tries",
                "20",
                "--out",
                dir.resolve("out2").toString(),
                "--fail-on-violation");
        assertThat(gated.exit()).isEqualTo(Main.VIOLATION);
        // the counterexample's replay token reruns exactly that case for the plug-in
        JsonNode results = new ObjectMapper()
                .readTree(dir.resolve("out2").resolve("results.json").toFile())
                .get("results");
        String replay = results.get(0).get("counterexample").get("replay").asText();
        // The printed line names the plug-in and its classpath: run it as printed.
        assertThat(replay).startsWith("./optcheck run --method-class com.acme.OffGd --classpath " + jar + " --replay ");
        String[] printed = replay.substring("./optcheck ".length()).split(" ");
        Cli replayed = Cli.run(printed);
        assertThat(replayed.exit()).as(replayed.err()).isEqualTo(Main.OK);
        assertThat(replayed.out()).contains("conf.reference-equivalence", "broken");
        Cli ok = Cli.run(
                "run",
                "--method-class",
                "com.acme.MyGd",
                "--classpath",
                jar.toString(),
                "--theorem",
                "conf.reference-equivalence",
                "--tries",
                "20",
                "--out",
                dir.resolve("out3").toString(),
                "--fail-on-violation");
        assertThat(ok.exit()).as(ok.out()).isEqualTo(Main.OK);
    }

    @Test
    void aMissingClassNamesTheClassAndTheClasspath() {
        Cli.run("run", "--method-class", "com.acme.Missing", "--classpath", jar.toString())
                .assertBadInput("com.acme.Missing", "no such class", jar.toString());
    }

    @Test
    void aMissingClasspathEntryIsNamed() {
        Cli.run(
                        "run",
                        "--method-class",
                        "com.acme.MyGd",
                        "--classpath",
                        dir.resolve("nope.jar").toString())
                .assertBadInput("nope.jar", "does not exist");
    }

    @Test
    void aClassThatIsNotAnOptimizerIsBadInput() {
        Cli.run("run", "--method-class", "com.acme.NotAnOptimizer", "--classpath", jar.toString())
                .assertBadInput("com.acme.NotAnOptimizer", "does not implement", "PluggableOptimizer");
    }

    @Test
    void aClassWithoutNoArgConstructorIsBadInput() {
        Cli.run("run", "--method-class", "com.acme.NoDefaultCtor", "--classpath", jar.toString())
                .assertBadInput("com.acme.NoDefaultCtor", "no public no-argument constructor");
    }

    @Test
    void zeroApplicableTheoremsIsBadInputNotAPass() {
        Cli.run(
                        "run",
                        "--method-class",
                        "com.acme.MyGd",
                        "--classpath",
                        jar.toString(),
                        "--theorem",
                        "adapt.adam-reference")
                .assertBadInput("no theorem applies", "com.acme.MyGd", "kind gd");
    }
}
