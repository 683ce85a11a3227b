package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.theory.Specs.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The assumption vocabulary in specs/assumptions.yaml: what it must hold, and how bad input is refused. */
class AssumptionsFileTest {

    static final String FILE = "specs/x.yaml";

    /** Every id the specs use: theorem assumptions, and each regime's dropped and stated ones. */
    static Set<String> usedBySpecs() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("specs"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Spec s = Specs.parse(Files.readString(p, StandardCharsets.UTF_8), p.toString());
                used.addAll(s.assumptions());
                for (Spec.RegimeSpec r : s.regimes()) {
                    if (r.drops() != null) {
                        used.add(r.drops());
                    }
                    if (r.assumptions() != null) {
                        used.addAll(r.assumptions());
                    }
                }
            }
        }
        return used;
    }

    @Test
    void everyDeclaredIdIsUsedBySomeSpecOrNamedInCode() throws IOException {
        Set<String> unused = new TreeSet<>(Assumptions.ids());
        unused.removeAll(usedBySpecs());
        unused.removeAll(Assumptions.NAMED_IN_CODE);
        assertThat(unused)
                .as("declared in " + Assumptions.FILE + " but used nowhere")
                .isEmpty();
    }

    @Test
    void theJarCarriesTheRepositoryFile() throws IOException {
        String inRepo = Files.readString(Path.of(Assumptions.FILE), StandardCharsets.UTF_8);
        try (InputStream in = Assumptions.class.getClassLoader().getResourceAsStream(Assumptions.FILE)) {
            assertThat(in)
                    .as(Assumptions.FILE + " on the class path (pom.xml resources)")
                    .isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(inRepo);
        }
        // A statement with a colon and a comma: YAML's quoting keeps it whole.
        assertThat(Assumptions.statement("l-smooth"))
                .isEqualTo("f is L-smooth: grad f is L-Lipschitz, with the L the method is given");
    }

    @Test
    void badFilesAreRefusedWithTheFileAndTheFix() {
        String named = String.join(
                "\n", Assumptions.NAMED_IN_CODE.stream().map(a -> a + ": \"s\"").toList());
        assertThat(Assumptions.read(named, FILE)).hasSize(Assumptions.NAMED_IN_CODE.size());
        assertThatThrownBy(() -> Assumptions.read(named + "\nconvex: [unclosed", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(FILE + " is not valid YAML at line " + (Assumptions.NAMED_IN_CODE.size() + 1));
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
        assertThatThrownBy(() -> Assumptions.read(named + "\nNot_Kebab: \"s\"", FILE))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'Not_Kebab' is not kebab case");
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
