package io.optcheck.prop.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.hipparchus.distribution.continuous.TDistribution;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The engine's overhead ratio with a confidence interval that is robust to slow machine drift: JMH
 * runs {@link EngineOverheadJmh#engine} and {@link EngineOverheadJmh#handWrittenOnEngineInputs} in
 * forked JVMs, one fork of each per pair, back to back, in ABBA order (pair k runs the engine first
 * when k is even, the hand-written loop first when k is odd).
 *
 * <p>Plain JMH runs all forks of one benchmark and then all forks of the next, so on a shared
 * machine a load that changes over the minutes of the run shifts one side against the other: one
 * such run gave the hand-written loop on the engine's inputs 1.794 ms and the check alone on the
 * same inputs 2.281 ms, although the loop does strictly more work. Here each pair compares two
 * forks run within a minute of each other. Over each two pairs the ABBA order cancels a drift that
 * is linear in time (so the pair count must be even); a step change in load is not removed, it
 * only widens the interval through the pairs it hits. The interval is a t interval on the pairs'
 * log ratios (K pairs, K - 1 degrees of freedom), at 99.9%.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) io.optcheck.prop.bench.EngineOverheadPaired [PAIRS]
 * </pre>
 * Each fork runs 5 warm-up and 10 measured iterations of 1 s; PAIRS defaults to 8 (about 5 minutes).
 * Not a test: nothing here is asserted.
 */
public final class EngineOverheadPaired {

    private EngineOverheadPaired() {}

    static final double CONFIDENCE = 0.999;

    public static void main(String[] args) throws RunnerException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        if (pairs < 2 || pairs % 2 != 0) {
            throw new IllegalArgumentException(
                    "the pair count must be even (ABBA order) and at least 2, for an interval; got " + pairs);
        }
        List<double[]> scores = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            double engine;
            double hand;
            if (k % 2 == 0) {
                engine = score("engine");
                hand = score("handWrittenOnEngineInputs");
            } else {
                hand = score("handWrittenOnEngineInputs");
                engine = score("engine");
            }
            scores.add(new double[] {engine, hand});
            System.out.printf(
                    Locale.ROOT,
                    "pair %d: engine %.4f ms, hand-written loop on the engine's inputs %.4f ms, ratio %.4f%n",
                    k + 1,
                    engine,
                    hand,
                    engine / hand);
        }
        double[] logRatio =
                scores.stream().mapToDouble(s -> Math.log(s[0] / s[1])).toArray();
        double mean = 0;
        for (double v : logRatio) {
            mean += v;
        }
        mean /= pairs;
        double ss = 0;
        for (double v : logRatio) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (pairs - 1) / pairs);
        double t = new TDistribution(pairs - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        System.out.printf(
                Locale.ROOT,
                "engine / hand-written loop on the engine's inputs: %.4fx (geometric mean of %d pairs),"
                        + " %.1f%% interval %.4fx to %.4fx%n",
                Math.exp(mean),
                pairs,
                100 * CONFIDENCE,
                Math.exp(mean - t * se),
                Math.exp(mean + t * se));
    }

    /** One JMH fork of one benchmark method of {@link EngineOverheadJmh}: its mean score, ms per op. */
    static double score(String method) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(EngineOverheadJmh.class.getName() + "." + method + "$")
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(10)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(opt).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one result for " + method + ", got " + results.size());
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
