package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A coverage requirement of p% is decidable only with at least 10 * 100 / p valid tries; a
 * shortfall on fewer tries makes the run inconclusive, not failed (a run with --tries 3 turned
 * correct regimes into FAIL through their coverage rules).
 */
class CoverageDecidabilityTest {

  static Property<Integer> neverLabelled() {
    return Property.forAll("never labelled", Gens.integers(0, 99), (x, t) -> t.classify(x > 1000, "rare"))
        .cover("rare", 20).edgeCases(false);
  }

  @Test
  void theThresholdIsTenExpectedLabelledTries() {
    assertThat(new Property.Coverage("a", 20).minTries()).isEqualTo(50);
    assertThat(new Property.Coverage("a", 5).minTries()).isEqualTo(200);
    assertThat(new Property.Coverage("a", 1).minTries()).isEqualTo(1000);
    assertThat(new Property.Coverage("a", 30).minTries()).isEqualTo(34);
  }

  @Test
  void aShortfallOnTooFewTriesIsInconclusive() {
    PropertyResult<Integer> r = neverLabelled().tries(3).run();
    assertThat(r.status()).isEqualTo(PropertyResult.Status.INCONCLUSIVE);
    assertThat(r.passed()).isFalse();
    assertThat(r.failed()).isFalse();
    assertThat(r.tries()).isEqualTo(3);
    assertThat(r.message()).contains("inconclusive", "label 'rare' on 0.00% of 3 tries", "decidable from 50 tries");
  }

  @Test
  void aShortfallOnEnoughTriesStillFails() {
    assertThat(neverLabelled().tries(49).run().status()).isEqualTo(PropertyResult.Status.INCONCLUSIVE);
    PropertyResult<Integer> r = neverLabelled().tries(50).run();
    assertThat(r.status()).isEqualTo(PropertyResult.Status.FAILED);
    assertThat(r.message()).contains("below the required 20.00%");
  }

  @Test
  void aRequirementMetOnFewTriesPassesAndAFailingCaseStillFails() {
    PropertyResult<Integer> met = Property.forAll("always labelled", Gens.integers(0, 99),
        (x, t) -> t.label("rare")).cover("rare", 20).tries(3).run();
    assertThat(met.passed()).isTrue();
    PropertyResult<Integer> broken = Property.forAll("fails", Gens.integers(0, 99), (x, t) -> {
      if (x >= 0) {
        throw new AssertionError("always");
      }
    }).cover("rare", 20).tries(3).run();
    assertThat(broken.status()).isEqualTo(PropertyResult.Status.FAILED);
  }
}
