package io.optcheck.cli;

import io.optcheck.theory.Catalog;
import java.io.PrintStream;

/** What every subcommand shares: the catalog and the two output streams. */
record Context(Catalog catalog, PrintStream out, PrintStream err) {}
