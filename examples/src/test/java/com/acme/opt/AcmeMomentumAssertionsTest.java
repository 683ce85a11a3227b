package com.acme.opt;

import static io.optcheck.junit.OptimizerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The same checks as AssertJ assertions inside ordinary tests: configure (here fewer tries than
 * the specs' CI depth, to keep this example quick), then name the theorems; the check runs at once
 * and fails with the labelled message and the replay line of each failed regime.
 */
class AcmeMomentumAssertionsTest {

    @Test
    void acmeMomentumMatchesTheReferenceAndStandsStillAtAZeroGradient() {
        assertThat(new AcmeMomentumPlugin())
                .withTries(20)
                .satisfies("conf.reference-equivalence", "conf.zero-gradient");
    }

    @Test
    void theUpdateOrderBugFailsWithTheReplayLine() {
        assertThatThrownBy(() -> assertThat(new UpdateOrderMomentumPlugin())
                        .withTries(20)
                        .satisfies("conf.reference-equivalence"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  method:          acme.momentum-update-order-bug")
                .hasMessageContaining("--method-class " + UpdateOrderMomentumPlugin.class.getName())
                .hasMessageContaining("--replay conf.reference-equivalence/holds/oc1-");
    }
}
