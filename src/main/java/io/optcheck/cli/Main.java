package io.optcheck.cli;

import io.optcheck.prop.ReplayToken;
import io.optcheck.report.TerminalText;
import io.optcheck.report.WaiverFileException;
import io.optcheck.run.RunInputException;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Specs;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The optcheck command line: {@code run} (the default), {@code list} and {@code explain}.
 *
 * <p>Exit codes: 0 all is well; 1 a failure without a valid waiver under
 * {@code --fail-on-violation}; 2 bad input (unknown id, malformed spec or waiver file, unwritable
 * output directory, bad replay token, bad option value); 3 an internal error. Errors are one
 * paragraph on stderr; a stack trace only with {@code --debug}.
 */
@Command(
        name = "optcheck",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Checks optimization theorems against optimizer implementations.%n"
                + "Without a command, runs the catalog ('optcheck run').",
        footer = {"", "Exit codes: 0 ok, 1 a failure under --fail-on-violation, 2 bad input, 3 internal error."})
public final class Main implements Callable<Integer> {

    /** Exit code when every verdict passes (or without --fail-on-violation). */
    public static final int OK = 0;
    /** Exit code for a failure without a valid waiver under --fail-on-violation. */
    public static final int VIOLATION = 1;
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an internal error (a bug in optcheck). */
    public static final int INTERNAL = 3;

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private final Supplier<Catalog> catalog;

    @Mixin
    DebugOption debugOption;

    /** The command line over the built-in catalog. */
    public Main() {
        this(Catalog::builtIn);
    }

    /** The command line over another catalog (tests use a small one). */
    Main(Catalog catalog) {
        this(() -> catalog);
    }

    /**
     * The command line over the catalog {@code catalog} builds when a command runs: a spec that does
     * not load (malformed, or disagreeing with its theorem's code) is then bad input, exit 2.
     */
    Main(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    public static void main(String[] args) {
        System.exit(new Main().execute(args));
    }

    /** Runs the command line on {@link System#out} and {@link System#err}; returns the exit code. */
    public int execute(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs the command line; returns the exit code. Never calls {@link System#exit}. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            return parseAndRun(defaultToRun(args), out, err, debug);
        } catch (Specs.SpecException e) {
            return handle(e, err, debug);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return internalError(e, err, debug);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** No command, or options only: the command is {@code run}. */
    static String[] defaultToRun(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") && !TOP_LEVEL_OPTIONS.contains(args[0])) {
            String[] a = new String[args.length + 1];
            a[0] = "run";
            System.arraycopy(args, 0, a, 1, args.length);
            return a;
        }
        return args;
    }

    private int parseAndRun(String[] args, PrintStream out, PrintStream err, boolean debug) {
        Context ctx = new Context(catalog.get(), out, err);
        this.context = ctx;
        CommandLine cmd = new CommandLine(this);
        cmd.addSubcommand("run", new RunCommand(ctx));
        cmd.addSubcommand("merge", new MergeCommand(ctx));
        cmd.addSubcommand("list", new ListCommand(ctx));
        cmd.addSubcommand("explain", new ExplainCommand(ctx));
        cmd.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cmd.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
            w.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            if (debug) {
                ex.printStackTrace(w);
            }
            w.flush();
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err, debug));
        return cmd.execute(args);
    }

    /** Maps an exception from a command to its message and exit code. */
    static int handle(Exception ex, PrintStream err, boolean debug) {
        if (ex instanceof BadInput
                || ex instanceof Catalog.UnknownIdException
                || ex instanceof Specs.SpecException
                || ex instanceof ReplayToken.InvalidTokenException
                || ex instanceof WaiverFileException
                || ex instanceof RunInputException) {
            // One paragraph; it may quote a plug-in's id or message, so control characters are escaped.
            err.println("optcheck: " + TerminalText.oneLine(ex.getMessage()));
            if (debug) {
                ex.printStackTrace(err);
            }
            return BAD_INPUT;
        }
        return internalError(ex, err, debug);
    }

    private static int internalError(Throwable e, PrintStream err, boolean debug) {
        err.println("optcheck: internal error: " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + TerminalText.oneLine(e.getMessage())));
        err.println("This is a bug in optcheck. Please report it with the command you ran and the output of"
                + " the same command with --debug added.");
        if (debug) {
            e.printStackTrace(err);
        }
        return INTERNAL;
    }

    private Context context;

    @Override
    public Integer call() {
        // defaultToRun sends every call without a command to run; kept for completeness.
        return new RunCommand(context).call();
    }

    /** The version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"optcheck " + Version.get()};
        }
    }
}
