package io.optcheck.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The enumeration helper: subsets are all distinct and number C(n, B); multisets number
 * C(n+B-1, B) and their multinomial weights sum to n^B EXACTLY (so probabilities sum to 1).
 */
class EnumerationTest {

    @Test
    void subsetsAreTheCNBDistinctSortedSubsets() {
        for (int n = 1; n <= 9; n++) {
            for (int b = 1; b <= n; b++) {
                List<int[]> s = Enumeration.subsets(n, b);
                assertThat(BigInteger.valueOf(s.size())).isEqualTo(Enumeration.binomial(n, b));
                Set<String> seen = new HashSet<>();
                for (int[] c : s) {
                    assertThat(c).hasSize(b);
                    for (int k = 1; k < b; k++) {
                        assertThat(c[k]).isGreaterThan(c[k - 1]);
                    }
                    assertThat(c[0]).isGreaterThanOrEqualTo(0);
                    assertThat(c[b - 1]).isLessThan(n);
                    assertThat(seen.add(Arrays.toString(c))).isTrue();
                }
            }
        }
    }

    @Test
    void multisetsNumberCnPlusBMinus1BAndTheirWeightsSumToOneExactly() {
        for (int n = 1; n <= 8; n++) {
            for (int b = 1; b <= 6; b++) {
                List<Enumeration.Multiset> ms = Enumeration.multisets(n, b);
                assertThat(BigInteger.valueOf(ms.size()))
                        .as("n=%d b=%d", n, b)
                        .isEqualTo(Enumeration.binomial(n + b - 1, b));
                BigInteger total = BigInteger.ZERO;
                Set<String> seen = new HashSet<>();
                double[] uniform = new double[n];
                Arrays.fill(uniform, 1.0 / n);
                double pSum = 0;
                for (Enumeration.Multiset m : ms) {
                    assertThat(Arrays.stream(m.counts()).sum()).isEqualTo(b);
                    assertThat(seen.add(Arrays.toString(m.counts()))).isTrue();
                    total = total.add(m.multinomial());
                    pSum += Enumeration.probability(m, uniform);
                }
                // sum of multinomial coefficients = n^B exactly: the probabilities sum to 1.
                assertThat(total).isEqualTo(BigInteger.valueOf(n).pow(b));
                assertThat(Math.abs(pSum - 1)).isLessThan(1e-13);
            }
        }
    }

    @Test
    void multinomialOfAKnownMultiset() {
        // n = 3, B = 4: the multiset {0, 0, 1, 2} arises in 4!/(2! 1! 1!) = 12 orders.
        Enumeration.Multiset m = Enumeration.multisets(3, 4).stream()
                .filter(x -> Arrays.equals(x.counts(), new int[] {2, 1, 1}))
                .findFirst()
                .orElseThrow();
        assertThat(m.multinomial()).isEqualTo(BigInteger.valueOf(12));
    }
}
