package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.theory.Specs.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The assumption vocabulary in specs/assumptions.yaml: what it must hold, and how bad input is refused. */
class AssumptionsFileTest {

    static final String FILE = "specs/x.yaml";

    @Test
    void everySpecAssumptionIsDeclaredAndEveryDeclaredOneIsUsedOrNamedInCode() throws IOException {
        Pattern id = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
        List<String> undeclared = new ArrayList<>();
        List<String> specsText = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("specs"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Spec s = Specs.parse(Files.readString(p, StandardCharsets.UTF_8), p.toString());
                specsText.add(Files.readString(p, StandardCharsets.UTF_8));
                for (String a : s.assumptions()) {
                    if (!Assumptions.known(a)) {
                        undeclared.add(p + ": " + a);
                    }
                }
            }
        }
        assertThat(undeclared).as("assumptions named by specs but not declared").isEmpty();
        for (String a : Assumptions.ids()) {
            assertThat(id.matcher(a).matches()).as("kebab-case id '%s'", a).isTrue();
            assertThat(Assumptions.statement(a)).as(a).isNotBlank();
        }
        assertThat(Assumptions.ids()).containsAll(Assumptions.NAMED_IN_CODE);
        assertThat(Assumptions.ids()).hasSize(114);
    }

    @Test
    void theShippedFileIsTheOneRead() throws IOException {
        Map<String, String> read = Assumptions.read(Specs.text(Assumptions.FILE), Assumptions.FILE);
        assertThat(read.keySet()).containsExactlyElementsOf(Assumptions.ids());
        // One statement spelled with YAML's quoting: the colon and the parentheses survive.
        assertThat(read.get("l-smooth"))
                .isEqualTo("f is L-smooth: grad f is L-Lipschitz, with the L the method is given");
        Matcher m = Pattern.compile("(?m)^([a-z0-9-]+):").matcher(Files.readString(Path.of(Assumptions.FILE)));
        int entries = 0;
        while (m.find()) {
            entries++;
        }
        assertThat(entries).as("one line per id in the file").isEqualTo(read.size());
    }

    @Test
    void badFilesAreRefusedWithTheFileAndTheFix() {
        String named = String.join(
                "\n", Assumptions.NAMED_IN_CODE.stream().map(a -> a + ": \"s\"").toList());
        assertThat(Assumptions.read(named, FILE)).hasSize(Assumptions.NAMED_IN_CODE.size());
        assertThatThrownBy(() -> Assumptions.read("a: [unclosed", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Assumptions.read("# only a comment\n", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(FILE + " is empty");
        assertThatThrownBy(() -> Assumptions.read("- l-smooth\n- convex\n", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("must be a YAML mapping");
        assertThatThrownBy(() -> Assumptions.read(named + "\nextra: \"  \"", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("assumption 'extra' needs a statement");
        assertThatThrownBy(() -> Assumptions.read(named + "\nextra: [1, 2]", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("assumption 'extra' needs a statement");
        assertThatThrownBy(() -> Assumptions.read(named + "\nl-smooth: \"again\"", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("l-smooth");
        String withoutOne = named.replace("l-smooth: \"s\"\n", "");
        assertThatThrownBy(() -> Assumptions.read(withoutOne, FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("lacks the assumption 'l-smooth'");
    }
}
