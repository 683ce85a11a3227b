package io.optcheck.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documentation quotes the examples/ project instead of copying code that could drift: a
 * fenced code block whose first line is a comment naming a file ({@code // examples/...}) is an
 * excerpt, and every excerpt must occur in that file as consecutive lines (compared with leading
 * and trailing white space removed, so the docs may indent differently). When the example
 * changes, this test names the stale excerpt.
 */
class DocsExcerptsTest {

    record Excerpt(String doc, int line, String file, List<String> lines) {}

    static List<Excerpt> excerpts(Path doc) throws IOException {
        List<String> all = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Excerpt> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).strip().startsWith("```")
                    && i + 1 < all.size()
                    && all.get(i + 1).strip().matches("(//|#) examples/\\S+")) {
                String file = all.get(i + 1).strip().replaceFirst("^(//|#) ", "");
                List<String> body = new ArrayList<>();
                int j = i + 2;
                while (j < all.size() && !all.get(j).strip().startsWith("```")) {
                    body.add(all.get(j).strip());
                    j++;
                }
                out.add(new Excerpt(doc.toString(), i + 1, file, body));
                i = j;
            }
        }
        return out;
    }

    static boolean containsConsecutive(List<String> file, List<String> part) {
        for (int s = 0; s + part.size() <= file.size(); s++) {
            boolean all = true;
            for (int k = 0; k < part.size() && all; k++) {
                all = file.get(s + k).equals(part.get(k));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyExcerptOccursInItsFile() throws IOException {
        List<Excerpt> ex = new ArrayList<>();
        ex.addAll(excerpts(Path.of("docs/extending.md")));
        ex.addAll(excerpts(Path.of("README.md")));
        // The docs quote at least the family, the theorem's check and the JUnit test.
        assertThat(ex).as("excerpts found in docs/extending.md and README.md").hasSizeGreaterThanOrEqualTo(4);
        for (Excerpt e : ex) {
            Path f = Path.of(e.file());
            assertThat(f)
                    .as(e.doc() + " line " + e.line() + " quotes a file that does not exist")
                    .isRegularFile();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .toList();
            assertThat(e.lines())
                    .as(e.doc() + " line " + e.line() + ": empty excerpt")
                    .isNotEmpty();
            assertThat(containsConsecutive(lines, e.lines()))
                    .as(e.doc() + " line " + e.line() + ": the excerpt of " + e.file()
                            + " no longer matches the file; update the excerpt from the file")
                    .isTrue();
        }
    }

    @Test
    void aChangedExcerptIsReported() {
        // The matcher itself: a one-line change must not match.
        List<String> file = List.of("a", "b", "c", "d");
        assertThat(containsConsecutive(file, List.of("b", "c"))).isTrue();
        assertThat(containsConsecutive(file, List.of("b", "d"))).isFalse();
        assertThat(containsConsecutive(file, List.of("c", "d", "e"))).isFalse();
    }
}
