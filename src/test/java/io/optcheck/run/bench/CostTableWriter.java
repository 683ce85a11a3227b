package io.optcheck.run.bench;

import io.optcheck.report.JsonReport;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.run.CostTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the cost table ({@link CostTable#RESOURCE}) from a real run's results.json: one line per
 * result with its tries and measured durationMs. Observations are not in results.json with a
 * duration and take the table's fallback. Run after a full {@code ./optcheck}:
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.optcheck.run.bench.CostTableWriter \
 *   -Dexec.args="reports/results.json src/main/resources/io/optcheck/run/costs.tsv"
 * </pre>
 */
public final class CostTableWriter {

    private CostTableWriter() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CostTableWriter RESULTS_JSON OUT_TSV");
            System.exit(2);
        }
        RunReport r = JsonReport.read(Path.of(args[0]));
        Map<String, int[]> rows = new TreeMap<>();
        for (Result x : r.results()) {
            rows.put(CostTable.key(x.theorem(), x.regime(), x.method()), new int[] {
                x.tries(), (int) Math.min(Integer.MAX_VALUE, x.durationMs())
            });
        }
        String comment = String.format(
                Locale.ROOT,
                "Measured regime costs: key<TAB>tries<TAB>ms, from one ./optcheck run "
                        + "(optcheck %s, seed %d, wall %.0f s, %d results). Regenerate with CostTableWriter (see its javadoc).",
                r.version(),
                r.seed(),
                r.wallMs() / 1000.0,
                r.results().size());
        Files.writeString(Path.of(args[1]), CostTable.format(rows, comment), StandardCharsets.UTF_8);
        System.out.println("wrote " + rows.size() + " rows to " + args[1]);
    }
}
