package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.theory.Catalog;
import io.optcheck.theory.Specs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A catalog that does not load (a spec and its code disagree) is bad input: exit 2, one message, no trace. */
class LoadErrorTest {

    @Test
    void aCatalogThatDoesNotLoadIsBadInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Main(() -> {
                        throw new Specs.SpecException(
                                "specs/gd/x.md (X): regime 'y' of the spec has no code: no case names it.");
                    })
                    .run(new String[] {"run", "--quick"}, o, e);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(text).contains("optcheck: specs/gd/x.md (X): regime 'y' of the spec has no code");
        assertThat(text).doesNotContain("\tat ");
    }

    @Test
    void theBuiltInCatalogLoads() {
        assertThat(Catalog.builtIn().ids()).isNotEmpty();
    }
}
