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
 * (recorded once in setup). {@link #handWrittenOnEngineInputs} is the hand-written loop on those
 * inputs: per try its own draws, as many as the engine's (under 45 random numbers), then the build
 * and check of the engine's problem. The engine's overhead is
 * {@code engine / handWrittenOnEngineInputs}; {@code engine / checkOnEngineInputs} counts the
 * loop's own draws as engine cost too. Run (after test-compile):
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
    public long handWrittenOnEngineInputs() {
        return DescentLemmaBench.handWrittenOn(engineInputs, 42);
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
