package io.optcheck.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --debug} flag, accepted by every command. {@link Main} reads it from the raw
 * arguments before parsing, so that even a failure during parsing can show its stack trace.
 */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;
}
