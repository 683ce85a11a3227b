package com.acme.opt;

import static io.optcheck.plugin.junit.OptimizerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The same checks as AssertJ assertions inside ordinary tests: configure (here fewer tries),
 * then name the theorems; the check runs at once and fails with the labelled message and the
 * replay line of each failed regime.
 */
class AcmeMomentumAssertionsTest {

    @Test
    void acmeMomentumSatisfiesTheHeavyBallRateAndTheReference() {
        assertThat(new AcmeMomentumPlugin())
            .withTries(50)
            .satisfies("gd.heavy-ball-quadratic", "conf.reference-equivalence");
    }

    @Test
    void theUpdateOrderBugFailsWithTheReplayLine() {
        assertThatThrownBy(() -> assertThat(new UpdateOrderMomentumPlugin())
            .withTries(50)
            .satisfies("conf.reference-equivalence"))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("  method:          acme.momentum-update-order-bug")
            .hasMessageContaining("--method-class " + UpdateOrderMomentumPlugin.class.getName())
            .hasMessageContaining("--replay conf.reference-equivalence/holds/oc1-");
    }
}
