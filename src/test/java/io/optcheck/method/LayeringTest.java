package io.optcheck.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: text (labelled lines) <- prop (knows nothing of optimization) <- problem (families are generators)
 * <- oracle <- method <- theory -> report (reads results only) <- cli. No package may reference a
 * package above it.
 */
class LayeringTest {

    static List<String> offending(String pkg, String... forbidden) throws IOException {
        Path dir = Path.of("src/main/java/io/optcheck", pkg);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    for (String f : forbidden) {
                        if (src.contains("io.optcheck." + f + ".") || src.contains("io.optcheck." + f + ";")) {
                            return true;
                        }
                    }
                    return false;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).map(p -> p.getFileName().toString()).collect(Collectors.toList());
        }
    }

    @Test
    void packagesOnlyDependDownwards() throws IOException {
        assertThat(offending("prop", "problem", "oracle", "method", "theory", "report", "run", "cli")).isEmpty();
        assertThat(offending("problem", "oracle", "method", "theory", "report", "run", "cli")).isEmpty();
        assertThat(offending("oracle", "method", "prop", "theory", "report", "run", "cli")).isEmpty();
        assertThat(offending("method", "prop", "theory", "report", "run", "cli")).isEmpty();
        assertThat(offending("report", "prop", "problem", "oracle", "method", "theory", "run", "cli")).isEmpty();
        assertThat(offending("theory", "run", "cli")).isEmpty();
        // run/ orchestrates a catalog run for the command line and the JUnit entry points: below both.
        assertThat(offending("run", "cli")).isEmpty();
        // The labelled-line formatter is below everything: every layer writes messages with it.
        assertThat(offending("text", "prop", "problem", "oracle", "method", "theory", "report", "run", "cli", "plugin"))
            .isEmpty();
    }
}
