package io.optcheck.cli;

import io.optcheck.report.JsonReport;
import io.optcheck.report.ReportFormatException;
import io.optcheck.report.TerminalTable;
import io.optcheck.report.Waivers;
import io.optcheck.result.RunReport;
import io.optcheck.run.RunInputException;
import io.optcheck.run.ShardMerge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code optcheck merge}: joins the report directories of the shards of one run into one report. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merges the report directories of 'optcheck run --shard I/N' (every shard once) into results.json, "
                    + "summary.md and index.html, as one unsharded run would have written them (durations aside).",
            "Refuses shards of different commits, seeds, depths or selections, and missing or duplicated shards."
        },
        footer = {
            "",
            "Exit codes: 0 ok (or no --fail-on-violation), 1 a failure without a valid waiver under "
                    + "--fail-on-violation, 2 bad input, 3 internal error."
        })
final class MergeCommand implements Callable<Integer> {

    private final Context ctx;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "Directory for the merged results.json, summary.md and index.html (created if missing).")
    String out;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "The report directory of each shard.")
    List<Path> shardDirs = new ArrayList<>();

    @Option(
            names = "--fail-on-violation",
            description = "Exit with 1 when a merged verdict is fail without a valid waiver.")
    boolean failOnViolation;

    @Option(
            names = "--waivers",
            paramLabel = "FILE",
            description = "Waiver file, applied to the merged results " + "(default: " + RunCommand.DEFAULT_WAIVERS
                    + " in the working directory, if it exists).")
    Path waivers;

    @Option(
            names = "--width",
            paramLabel = "N",
            description = "Width of the terminal table (default: ${DEFAULT-VALUE}).")
    int width = TerminalTable.DEFAULT_WIDTH;

    MergeCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (width < 40) {
            throw new BadInput("--width must be at least 40 characters, got " + width + ".");
        }
        List<ShardMerge.Input> inputs = new ArrayList<>();
        for (Path d : shardDirs) {
            Path json = d.resolve("results.json");
            if (!Files.isRegularFile(json)) {
                throw new BadInput("shard directory '" + d + "' has no results.json; give the --out directory of each "
                        + "'optcheck run --shard I/N'.");
            }
            try {
                inputs.add(new ShardMerge.Input(json.toString(), JsonReport.read(json)));
            } catch (IOException e) {
                throw new BadInput("cannot read '" + json + "' (" + e.getMessage() + ").");
            } catch (ReportFormatException e) {
                throw new BadInput("'" + json + "' is not a valid results.json: " + e.getMessage());
            }
        }
        RunReport merged;
        try {
            merged = ShardMerge.merge(inputs);
        } catch (RunInputException e) {
            throw new BadInput(e.getMessage() + ".");
        }
        Path outDir = Outputs.prepare(out);
        Waivers w = RunCommand.loadWaivers(waivers);
        Outputs.retire(outDir);
        ctx.err()
                .println("merged " + inputs.size() + " shards: "
                        + merged.results().size() + " results, "
                        + merged.observations().size() + " observations");
        return RunCommand.finish(ctx, merged, w, outDir, width, failOnViolation);
    }
}
