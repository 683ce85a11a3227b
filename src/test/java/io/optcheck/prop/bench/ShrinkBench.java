package io.optcheck.prop.bench;

import java.util.Locale;

/**
 * Shrink-quality benchmark: every problem of {@link ShrinkProblems} on seeds 0..N-1 (default
 * 1000), default settings otherwise. Prints per problem how often a failure was found, how often
 * the shrunk case is the ideal one, the mean number of shrink evaluations (replays) per failure,
 * and the mean number of tries before shrinking. Not a test: nothing here is asserted.
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.optcheck.prop.bench.ShrinkBench \
 *   -Dexec.args="--seeds 1000"
 * </pre>
 * {@code --only NAME} runs one problem.
 */
public final class ShrinkBench {

    private ShrinkBench() {}

    public static void main(String[] args) {
        int seeds = 1000;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument " + args[i] + "; use --seeds N or --only NAME");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-26s %7s %7s %10s %9s  %s%n",
                "problem",
                "found",
                "ideal",
                "shrink ev.",
                "tries",
                "ideal counterexample / first non-ideal");
        int atLeast95 = 0;
        int n = 0;
        for (ShrinkProblems.Problem p : ShrinkProblems.all()) {
            if (only != null && !only.equals(p.name())) {
                continue;
            }
            ShrinkProblems.Tally t = ShrinkProblems.run(p, seeds);
            n++;
            if (t.idealRate() >= 0.95) {
                atLeast95++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-26s %6.1f%% %6.1f%% %10.1f %9.1f  %s%s%n",
                    t.name(),
                    100.0 * t.found() / seeds,
                    100 * t.idealRate(),
                    t.meanShrinkEvaluations(),
                    t.meanTries(),
                    t.ideal(),
                    t.worst() == null ? "" : "  /  " + t.worst());
        }
        System.out.printf(
                Locale.ROOT,
                "%d of %d problems reach the ideal counterexample in >= 95%% of %d seeds%n",
                atLeast95,
                n,
                seeds);
    }
}
