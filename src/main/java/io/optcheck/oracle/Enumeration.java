package io.optcheck.oracle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact enumeration of the batches a sampler can draw, for expectations computed without
 * statistics. Without replacement: every subset of size B, each with probability 1/C(n, B).
 * With replacement: every MULTISET of size B, with its multinomial probability
 * B!/(m_1! ... m_n!) prod p_i^{m_i} (uniform: p_i = 1/n) -- C(n+B-1, B) outcomes, not n^B
 * sequences. Sizes are bounded by the caller; a request above {@link #MAX_OUTCOMES} outcomes
 * throws {@link IllegalArgumentException}, so no enumeration runs unbounded.
 */
public final class Enumeration {

    private Enumeration() {}

    /** The largest number of outcomes a single enumeration may produce. */
    public static final long MAX_OUTCOMES = 2_000_000;

    /** A multiset over {0..n-1}: counts[i] copies of i, with its exact multinomial coefficient. */
    public record Multiset(int[] counts, BigInteger multinomial) {}

    /** C(n, k) exactly. */
    public static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    private static void requireSize(BigInteger count) {
        if (count.compareTo(BigInteger.valueOf(MAX_OUTCOMES)) > 0) {
            throw new IllegalArgumentException("enumeration of " + count + " outcomes exceeds " + MAX_OUTCOMES);
        }
    }

    /** Every subset of {0..n-1} of size b, in lexicographic order (1 &lt;= b &lt;= n). */
    public static List<int[]> subsets(int n, int b) {
        if (n < 1 || b < 1 || b > n) {
            throw new IllegalArgumentException("need 1 <= b <= n, got n = " + n + ", b = " + b);
        }
        requireSize(binomial(n, b));
        List<int[]> out = new ArrayList<>();
        int[] c = new int[b];
        for (int i = 0; i < b; i++) {
            c[i] = i;
        }
        while (true) {
            out.add(c.clone());
            int i = b - 1;
            while (i >= 0 && c[i] == n - b + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            c[i]++;
            for (int j = i + 1; j < b; j++) {
                c[j] = c[j - 1] + 1;
            }
        }
    }

    /** Every multiset of size b over {0..n-1} with its multinomial coefficient b!/prod m_i!. */
    public static List<Multiset> multisets(int n, int b) {
        if (n < 1 || b < 1) {
            throw new IllegalArgumentException("need n >= 1 and b >= 1, got n = " + n + ", b = " + b);
        }
        requireSize(binomial(n + b - 1, b));
        BigInteger bFact = factorial(b);
        List<Multiset> out = new ArrayList<>();
        int[] counts = new int[n];
        fill(counts, 0, b, bFact, out);
        return out;
    }

    private static void fill(int[] counts, int i, int left, BigInteger bFact, List<Multiset> out) {
        int n = counts.length;
        if (i == n - 1) {
            counts[i] = left;
            BigInteger den = BigInteger.ONE;
            for (int c : counts) {
                den = den.multiply(factorial(c));
            }
            out.add(new Multiset(counts.clone(), bFact.divide(den)));
            return;
        }
        for (int c = left; c >= 0; c--) {
            counts[i] = c;
            fill(counts, i + 1, left - c, bFact, out);
        }
        counts[i] = 0;
    }

    static BigInteger factorial(int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    /**
     * The probability of a multiset when each of its b draws picks i with probability p[i]:
     * multinomial * prod p_i^{m_i}. With p uniform it is multinomial / n^b.
     */
    public static double probability(Multiset m, double[] p) {
        double w = m.multinomial().doubleValue();
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < m.counts()[i]; k++) {
                w *= p[i];
            }
        }
        return w;
    }
}
