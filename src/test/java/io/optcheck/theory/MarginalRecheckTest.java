package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.HighPrecision;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/** How a marginal check is rechecked and classified, and the arithmetic the rechecks share. */
class MarginalRecheckTest {

    @SuppressWarnings("unchecked")
    private static final Theorem<Object> ANY =
            (Theorem<Object>) Catalog.builtIn().get("gd.gradient-direction");

    private static Regime regime() {
        return ANY.regimes().get(0);
    }

    @Test
    void aCheckSitesOwnRecheckDecidesAndNamesItsPrecision() {
        double bound = 1.0;
        double observed = Math.nextDown(bound); // holds in double, 1 ulp inside
        Check c = Check.atMost("q", 3, observed, bound, 0).withExact("test arithmetic", () -> false);
        Map<String, Object> m = MarginalRecheck.of(ANY, new Object(), regime(), c);
        assertThat(m)
                .containsEntry("doubleVerdict", "holds")
                .containsEntry("exactVerdict", "violated")
                .containsEntry("classification", "rounding")
                .containsEntry("precision", "test arithmetic");
        Check agrees = Check.atMost("q", 3, observed, bound, 0).withExact("test arithmetic", () -> true);
        assertThat(MarginalRecheck.of(ANY, new Object(), regime(), agrees)).containsEntry("classification", "real");
    }

    @Test
    void aCheckFarFromItsBoundIsNotRecheckedAndItsClosureNeverRuns() {
        AtomicInteger calls = new AtomicInteger();
        Check c = Check.atMost("q", 3, 0.5, 1.0, 0).withExact("x", () -> calls.incrementAndGet() > 0);
        assertThat(MarginalRecheck.of(ANY, new Object(), regime(), c)).isNull();
        assertThat(calls).hasValue(0);
    }

    @Test
    void aCheckDecidedByItsSitesExactRecheckKeepsThatVerdict() {
        // Violated in double by more than 1e3 ulps but within tolerance: the site's exact recheck
        // said it holds.
        Check c = Check.atMost("q", 2, 1.0 + 1e-12, 1.0, 1e-11).rechecked(true);
        Map<String, Object> m = MarginalRecheck.of(ANY, new Object(), regime(), c);
        assertThat(m)
                .containsEntry("doubleVerdict", "violated")
                .containsEntry("exactVerdict", "holds")
                .containsEntry("classification", "rounding");
    }

    @Test
    void withoutAModelTheResultSaysSoWithItsReason() {
        Check c = Check.atMost("q", 1, 1.0, 1.0, 0);
        Map<String, Object> m = MarginalRecheck.of(ANY, new Object(), regime(), c);
        assertThat(m).containsEntry("classification", "not rechecked").containsKey("reason");
    }

    @Test
    void aFailingRecheckIsRecordedNotThrown() {
        Check c = Check.atMost("q", 1, 1.0, 1.0, 0).withExact("x", () -> {
            throw new ArithmeticException("boom");
        });
        Map<String, Object> m = MarginalRecheck.of(ANY, new Object(), regime(), c);
        assertThat(m).containsEntry("classification", "not rechecked");
        assertThat((String) m.get("reason")).contains("boom");
    }

    @Test
    void theRecheckClosureIsNotPartOfACheckIdentity() {
        Check a = Check.atMost("q", 1, 1.0, 2.0, 0);
        assertThat(a.withExact("x", () -> true)).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void doublesConvertExactlyToDecimalsAndToDfpToSeventySixDigits() {
        assertThat(HighPrecision.big(0.1))
                .isEqualByComparingTo(new BigDecimal("0.1000000000000000055511151231257827021181583404541015625"));
        for (double v : new double[] {0.1, -3.75, 1e-300, 1e300, Math.PI, Math.nextUp(1.0)}) {
            Dfp d = HighPrecision.dfp(v);
            BigDecimal back = HighPrecision.big(d);
            BigDecimal err = back.subtract(new BigDecimal(v)).abs();
            assertThat(err.compareTo(new BigDecimal(v).abs().movePointLeft(76)))
                    .as("%s", v)
                    .isLessThanOrEqualTo(0);
            assertThat(d.toDouble()).isEqualTo(v);
        }
        assertThat(HighPrecision.sqrt(new BigDecimal(2))
                        .pow(2)
                        .subtract(BigDecimal.valueOf(2))
                        .abs())
                .isLessThan(new BigDecimal("1e-290"));
    }
}
