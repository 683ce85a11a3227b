package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --with-catalog: a --method-class run that also runs the built-in catalog, so one report holds
 * both (the launcher's default run uses it for the Tribuo adapters).
 */
class WithCatalogOptionTest {

    @TempDir
    Path dir;

    @Test
    void withoutMethodClassItIsBadInput() {
        Cli.run("run", "--with-catalog", "--out", dir.toString()).assertBadInput("--with-catalog", "--method-class");
    }

    @Test
    void oneReportHoldsTheBuiltInAndThePluginResults() throws Exception {
        Cli.run(
                        "run",
                        "--quick",
                        "--tries",
                        "10",
                        "--with-catalog",
                        "--theorem",
                        "gd.descent-lemma",
                        "--method-class",
                        "io.optcheck.thirdparty.TribuoSgd",
                        "--out",
                        dir.toString())
                .assertNoStackTrace();
        String json = Files.readString(dir.resolve("results.json"));
        assertThat(json).contains("\"method\": \"gd\"").contains("\"method\": \"tribuo.sgd\"");
    }
}
