package io.optcheck.oracle;

/**
 * The online linear problem of Reddi, Kale &amp; Kumar 2018 (proof of Theorem 1) on the real line:
 * the k-th gradient call (k = 1, 2, ...) returns the gradient of f_k(x) = C x if k mod 3 = 1,
 * else -x. The loss sequence is indexed by gradient calls, so one oracle serves one run. value(x)
 * returns the loss of the NEXT round, f_{k+1}(x). NaN or infinite C propagates. Not thread-safe.
 */
public final class CyclicLinearOracle implements GradientOracle {
    private final double c;
    private long valueCalls;
    private long gradientCalls;

    /** @param c the slope C of rounds 1, 4, 7, ... */
    public CyclicLinearOracle(double c) {
        this.c = c;
    }

    /** The gradient of round k (k &gt;= 1): C if k mod 3 = 1, else -1. */
    public static double slope(double c, long k) {
        return k % 3 == 1 ? c : -1.0;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double value(double[] x) {
        check(x);
        valueCalls++;
        return slope(c, gradientCalls + 1) * x[0];
    }

    @Override
    public void gradient(double[] x, double[] out) {
        check(x);
        check(out);
        gradientCalls++;
        out[0] = slope(c, gradientCalls);
    }

    private static void check(double[] a) {
        if (a.length != 1) {
            throw new IllegalArgumentException("expected length 1, got " + a.length);
        }
    }

    @Override
    public long valueCalls() {
        return valueCalls;
    }

    @Override
    public long gradientCalls() {
        return gradientCalls;
    }
}
