package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProviders;
import io.optcheck.theory.conf.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in theorem is declared by its spec file, and every spec file belongs to a theorem in
 * the folder of its chapter. Each failure names the file that is wrong. (A spec regime without code,
 * or code without a spec regime, is a load error: DeclaredTheoremTest.)
 */
class SpecFilesTest {

    @Test
    void everyBuiltInTheoremIsDeclaredByItsSpec() {
        List<String> problems = new ArrayList<>();
        for (Theorem<?> t : Catalog.builtIn().theorems()) {
            Spec s = Specs.load(t.id());
            if (!(t instanceof DeclaredTheorem<?> d) || d.spec() != s) {
                problems.add(t.id() + " (" + t.getClass().getSimpleName() + ") is not declared by " + s.file());
                continue;
            }
            List<String> specRegimes =
                    s.regimes().stream().map(Spec.RegimeSpec::id).toList();
            if (!t.regimes().stream().map(Regime::id).toList().equals(specRegimes)) {
                problems.add(s.file() + ": the theorem runs regimes other than the spec's " + specRegimes);
            }
        }
        assertThat(problems).as("catalog vs specs").isEmpty();
    }

    @Test
    void everySpecFileBelongsToATheorem() throws IOException {
        List<String> ids = new ArrayList<>(Catalog.builtIn().ids());
        ids.addAll(Conformance.ids());
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("specs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(p -> {
                Spec s = Specs.parse(read(p), p.toString());
                if (!ids.contains(s.id())) {
                    orphans.add(p + ": id '" + s.id() + "' is not in the catalog");
                }
                if (!Specs.pathOf(s.id()).equals(p.toString().replace('\\', '/'))) {
                    orphans.add(p + ": id '" + s.id() + "' belongs in " + Specs.pathOf(s.id()));
                }
            });
        }
        assertThat(orphans).isEmpty();
    }

    @Test
    void theIdFamilyNamesTheSpecFolderAndTheJavaPackage() {
        List<Theorem<?>> all = new ArrayList<>(Catalog.builtIn().theorems());
        all.addAll(Conformance.all(MethodProviders.reference(MethodKind.GD)));
        List<String> wrong = new ArrayList<>();
        for (Theorem<?> t : all) {
            String family = t.id().substring(0, t.id().indexOf('.'));
            String pkg = t.getClass().getPackageName();
            if (!(pkg + ".").startsWith("io.optcheck.theory." + family + ".")) {
                wrong.add(t.id() + ": class " + t.getClass().getName() + " is not in package io.optcheck.theory."
                        + family);
            }
            if (!Specs.load(t.id()).file().startsWith("specs/" + family + "/")) {
                wrong.add(t.id() + ": spec " + Specs.load(t.id()).file() + " is not in specs/" + family + "/");
            }
        }
        assertThat(all).hasSizeGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    @Test
    void specFoldersFollowTheCatalogChapters() {
        assertThat(Specs.pathOf("gd.descent-lemma")).isEqualTo("specs/gd/descent-lemma.md");
        assertThat(Specs.pathOf("vr.svrg")).isEqualTo("specs/vr/svrg.md");
        assertThat(Specs.pathOf("dist.data-parallel")).isEqualTo("specs/dist/data-parallel.md");
        assertThat(Specs.pathOf("land.strict-saddle-escape")).isEqualTo("specs/land/strict-saddle-escape.md");
        assertThat(Specs.pathOf("adapt.adam-reference")).isEqualTo("specs/adapt/adam-reference.md");
    }

    @Test
    void malformedFrontMatterIsAClearError() {
        assertThatThrownBy(() -> Specs.parse("# no front matter", "specs/x/y.md"))
                .hasMessageContaining("specs/x/y.md")
                .hasMessageContaining("front matter");
        assertThatThrownBy(() -> Specs.parse("---\nid: [unclosed\n---\n", "specs/x/y.md"))
                .hasMessageContaining("specs/x/y.md")
                .hasMessageContaining("YAML");
        assertThatThrownBy(() -> Specs.parse("---\nid: a.b\n---\n", "specs/a/b.md"))
                .hasMessageContaining("missing field 'title'");
        assertThatThrownBy(() -> Specs.parse(
                        "---\nid: a.b\ntitle: t\nmethod: gd\nassumptions: [no-such]\n"
                                + "conclusions: [{id: c, latex: x}]\nregimes: [{id: holds, conclusion: c, expected: holds}]\n"
                                + "tries: {ci: 1, full: 2}\nsource: s\n---\n",
                        "specs/a/b.md"))
                .hasMessageContaining("unknown assumption id 'no-such'");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
