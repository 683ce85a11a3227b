package io.optcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.theory.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it printed. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        return run(Catalog.builtIn(), args);
    }

    static Cli run(Catalog catalog, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Main(catalog).run(args, o, e);
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 2, a message naming each of {@code names}, and no stack trace. */
    Cli assertBadInput(String... names) {
        assertThat(exit).as("exit code; stderr:\n" + err).isEqualTo(Main.BAD_INPUT);
        assertThat(err).contains(names);
        assertNoStackTrace();
        return this;
    }

    Cli assertNoStackTrace() {
        assertThat(err).doesNotContain("at io.optcheck").doesNotContain("\tat ").doesNotContain("Exception in thread");
        return this;
    }
}
