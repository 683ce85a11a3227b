package io.optcheck.prop.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The property engine's overhead against a hand-written loop, measured with JMH: the same 200
 * descent-lemma tries through {@code Property.forAll} and by hand ({@link DescentLemmaBench}'s two
 * sides), in forked JVMs after warm-up; JMH prints each score with its 99.9% confidence interval.
 * The overhead is the ratio of the two scores. Run (after test-compile):
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

    @Benchmark
    public long engine() {
        return DescentLemmaBench.engine(TRIES, 42);
    }

    @Benchmark
    public long handWritten() {
        return DescentLemmaBench.handWritten(TRIES, 42);
    }
}
