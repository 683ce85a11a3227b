package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A coverage requirement of p% is decidable only with at least 10 * 100 / p valid tries; a
 * shortfall on fewer tries makes the run inconclusive, not failed (a run with --tries 3 turned
 * correct regimes into FAIL through their coverage rules).
 */
class CoverageDecidabilityTest {

    static Property<Integer> neverLabelled() {
        return Property.forAll("never labelled", Gens.integers(0, 99), (x, t) -> t.classify(x > 1000, "rare"))
                .cover("rare", 20)
                .edgeCases(false);
    }

    @Test
    void aShortfallIsDecidableFromTheTriesOnWhichNoLabelAtAllIsSignificant() {
        // The smallest n with (1 - p)^n < 1e-10: 0.8^103 = 1.04e-10, 0.8^104 = 8.3e-11.
        assertThat(new Property.Coverage("a", 20).minTries()).isEqualTo(104);
        assertThat(new Property.Coverage("a", 5).minTries()).isEqualTo(449);
        assertThat(new Property.Coverage("a", 1).minTries()).isEqualTo(2292);
        assertThat(new Property.Coverage("a", 30).minTries()).isEqualTo(65);
    }

    /** A generator labelling 17.5% of its draws against a 20% requirement: noise, not a failure. */
    @Test
    void aShortfallWithinSamplingNoiseIsInconclusiveAndASignificantOneFails() {
        // Labels decided by the try's index, not by the drawn value, so the share is exactly 175 of 1000.
        AtomicInteger i = new AtomicInteger();
        PropertyResult<Integer> near = Property.forAll(
                        "17.5%", Gens.integers(0, 999), (x, t) -> t.classify(i.getAndIncrement() % 40 < 7, "rare"))
                .cover("rare", 20)
                .edgeCases(false)
                .tries(1000)
                .run();
        assertThat(near.status()).isEqualTo(PropertyResult.Status.INCONCLUSIVE);
        assertThat(near.message()).contains("within sampling noise", "not below alpha 1e-10");
        // P(Bin(1000, 0.2) <= 100) = 8.7e-18.
        AtomicInteger j = new AtomicInteger();
        PropertyResult<Integer> far = Property.forAll(
                        "10%", Gens.integers(0, 999), (x, t) -> t.classify(j.getAndIncrement() % 10 == 0, "rare"))
                .cover("rare", 20)
                .edgeCases(false)
                .tries(1000)
                .run();
        assertThat(far.status()).isEqualTo(PropertyResult.Status.FAILED);
        assertThat(far.message())
                .contains("below the required 20.00%", "the generator's rate is below the requirement");
    }

    @Test
    void aShortfallOnTooFewTriesIsInconclusive() {
        PropertyResult<Integer> r = neverLabelled().tries(3).run();
        assertThat(r.status()).isEqualTo(PropertyResult.Status.INCONCLUSIVE);
        assertThat(r.passed()).isFalse();
        assertThat(r.failed()).isFalse();
        assertThat(r.tries()).isEqualTo(3);
        assertThat(r.message())
                .contains("inconclusive", "label 'rare' on 0.00% of 3 tries", "decidable from 104 tries");
    }

    @Test
    void aShortfallOnEnoughTriesStillFails() {
        assertThat(neverLabelled().tries(103).run().status()).isEqualTo(PropertyResult.Status.INCONCLUSIVE);
        PropertyResult<Integer> r = neverLabelled().tries(104).run();
        assertThat(r.status()).isEqualTo(PropertyResult.Status.FAILED);
        assertThat(r.message()).contains("below the required 20.00%");
    }

    @Test
    void aRequirementMetOnFewTriesPassesAndAFailingCaseStillFails() {
        PropertyResult<Integer> met = Property.forAll(
                        "always labelled", Gens.integers(0, 99), (x, t) -> t.label("rare"))
                .cover("rare", 20)
                .tries(3)
                .run();
        assertThat(met.passed()).isTrue();
        PropertyResult<Integer> broken = Property.forAll("fails", Gens.integers(0, 99), (x, t) -> {
                    if (x >= 0) {
                        throw new AssertionError("always");
                    }
                })
                .cover("rare", 20)
                .tries(3)
                .run();
        assertThat(broken.status()).isEqualTo(PropertyResult.Status.FAILED);
    }
}
