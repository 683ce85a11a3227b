package io.optcheck.oracle;

import io.optcheck.problem.FiniteSum;
import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The {@link IndexOracle} of a {@link FiniteSum}: exact per-example and full gradients, and
 * indices that are either drawn uniformly from a seeded Well19937c ({@link #uniform}) or read
 * from a script ({@link #scripted}), so that exact enumeration can run a method along every index
 * path with its probability. Counts its calls. Not thread-safe: one oracle per run.
 */
public class FiniteSumIndexOracle extends CountingOracle<FiniteSum> implements IndexOracle {

    private final RandomGenerator rng;
    private final int[] script;
    private int next;

    private FiniteSumIndexOracle(FiniteSum f, RandomGenerator rng, int[] script) {
        super(f);
        this.rng = rng;
        this.script = script;
    }

    /**
     * The gradients of {@code f} for a subclass that answers {@link #nextIndex} itself (an
     * enumeration that replays index paths).
     */
    protected FiniteSumIndexOracle(FiniteSum f) {
        this(f, null, null);
    }

    /** @throws IllegalArgumentException unless bound &gt;= 1 */
    protected static void requireBound(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("index bound must be >= 1, got " + bound);
        }
    }

    /** Indices drawn uniformly from a Well19937c seeded with {@code seed}. */
    public static FiniteSumIndexOracle uniform(FiniteSum f, long seed) {
        return new FiniteSumIndexOracle(f, new Well19937c(seed), null);
    }

    /** Indices read in order from {@code indices} (copied); one path of an enumeration. */
    public static FiniteSumIndexOracle scripted(FiniteSum f, int... indices) {
        return new FiniteSumIndexOracle(f, null, indices.clone());
    }

    /** The finite sum behind the oracle. */
    public FiniteSum finiteSum() {
        return f;
    }

    @Override
    public int n() {
        return f.n();
    }

    @Override
    protected void estimate(double[] x, double[] out) {
        f.gradient(x, out);
    }

    @Override
    public void exampleGradient(int i, double[] x, double[] out) {
        countGradientCall();
        f.exampleGradient(i, x, out);
    }

    @Override
    public int nextIndex(int bound) {
        requireBound(bound);
        if (script == null) {
            return rng.nextInt(bound);
        }
        if (next >= script.length) {
            throw new IllegalStateException("scripted oracle exhausted after " + script.length + " indices");
        }
        int i = script[next++];
        if (i < 0 || i >= bound) {
            throw new IllegalStateException("scripted index " + i + " outside [0, " + bound + ")");
        }
        return i;
    }

    @Override
    public String toString() {
        return script == null ? "uniform index oracle" : "scripted index oracle " + Arrays.toString(script);
    }
}
