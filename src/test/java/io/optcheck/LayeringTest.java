package io.optcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way (DESIGN.md): each top-level package of src/main may use only the packages
 * below it in {@link #ORDER}. The two entry points, junit and cli, sit side by side on top and do
 * not use each other; api, what a user implements, uses nothing of optcheck. References are read
 * from the code with comments and string literals removed, so a javadoc may still name a class of
 * a higher layer in prose.
 */
class LayeringTest {

    /** Bottom to top. */
    static final List<String> ORDER = List.of(
            "text", "prop", "api", "problem", "oracle", "method", "result", "theory", "report", "run", "junit", "cli");

    static final Path MAIN = Path.of("src/main/java/io/optcheck");
    static final Pattern REF = Pattern.compile("\\bio\\.optcheck\\.([a-z]+)\\b");
    static final Pattern NOISE =
            Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'");

    /** The packages {@code pkg}'s code references, read from every file under it. */
    static Set<String> uses(String pkg) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = NOISE.matcher(Files.readString(p)).replaceAll(" ");
                Matcher m = REF.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1) + " (" + p.getFileName() + ")");
                    }
                }
            }
        }
        return used;
    }

    @Test
    void everyPackageIsInTheOrder() throws IOException {
        List<String> top = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> top.add(d.getFileName().toString()));
        }
        assertThat(top).as("top-level packages of src/main").containsExactlyInAnyOrderElementsOf(ORDER);
    }

    @Test
    void packagesOnlyUseThePackagesBelowThem() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ORDER.size(); i++) {
            String pkg = ORDER.get(i);
            List<String> below = ORDER.subList(0, i);
            for (String u : uses(pkg)) {
                String target = u.substring(0, u.indexOf(' '));
                boolean entryPeer = Set.of("junit", "cli").contains(pkg)
                        && Set.of("junit", "cli").contains(target);
                if (!below.contains(target) || entryPeer) {
                    wrong.add(pkg + " uses " + u);
                }
            }
        }
        assertThat(wrong).as("references that run up the layers").isEmpty();
    }

    @Test
    void theUserApiUsesNothingOfOptcheck() throws IOException {
        assertThat(uses("api")).isEmpty();
    }

    @Test
    void thePropertyEngineKnowsNothingOfOptimization() throws IOException {
        assertThat(uses("prop")).allMatch(u -> u.startsWith("text "));
    }

    @Test
    void theMethodsKnowNothingOfTheoremsOrTheEngine() throws IOException {
        assertThat(uses("method"))
                .noneMatch(u -> u.startsWith("prop ") || u.startsWith("theory ") || u.startsWith("result "));
    }

    @Test
    void reportsOnlyReadResults() throws IOException {
        assertThat(uses("report"))
                .allMatch(u -> u.startsWith("result ") || u.startsWith("text ") || u.startsWith("prop "));
    }

    @Test
    void theCheckerDetectsAnUpwardReference() {
        String code = NOISE.matcher("import io.optcheck.cli.Main; // io.optcheck.run\n\"io.optcheck.report\"")
                .replaceAll(" ");
        Matcher m = REF.matcher(code);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).containsExactly("cli");
    }
}
