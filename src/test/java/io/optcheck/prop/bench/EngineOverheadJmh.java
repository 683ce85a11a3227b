package io.optcheck.prop.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The property engine's overhead against a hand-written loop, measured with JMH: the same 200
 * descent-lemma tries through {@code Property.forAll} and by hand ({@link DescentLemmaBench}'s two
 * sides), in forked JVMs after warm-up; JMH prints each score with its 99.9% confidence interval.
 *
 * <p>The two sides draw different inputs (the engine biases its draws toward small, edge and
 * repeated values), and on seed 42 their 200 problems differ in cost by tens of percent, so the
 * ratio of those two scores confounds the engine's cost with the inputs'. {@link #checkOnEngineInputs}
 * removes that: it builds and checks, by hand, exactly the problems the engine's 200 tries drew
 * (recorded once in setup). The engine's overhead is {@code engine / checkOnEngineInputs}; it
 * counts the whole generation as overhead, since the hand-written loop's own draws (under 45
 * random numbers per try) are left out. Run (after test-compile):
 * <pre>
 * mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) org.openjdk.jmh.Main EngineOverheadJmh
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
public class EngineOverheadJmh {

    static final int TRIES = 200;

    List<DescentLemmaBench.Draws> engineInputs;

    @Setup
    public void recordEngineInputs() {
        engineInputs = DescentLemmaBench.engineDraws(TRIES, 42);
    }

    @Benchmark
    public long checkOnEngineInputs() {
        return DescentLemmaBench.byHandOn(engineInputs);
    }

    @Benchmark
    public long engine() {
        return DescentLemmaBench.engine(TRIES, 42);
    }

    @Benchmark
    public long handWritten() {
        return DescentLemmaBench.handWritten(TRIES, 42);
    }
}
