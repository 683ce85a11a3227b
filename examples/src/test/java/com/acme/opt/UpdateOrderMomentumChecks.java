package com.acme.opt;

import io.optcheck.junit.OptimizerCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The same one-class check as {@link AcmeMomentumTest}, on the deliberately wrong
 * {@link UpdateOrderMomentumPlugin}. Its tests FAIL by design, so Maven does not run this class
 * directly (the name does not end in Test); {@link UpdateOrderMomentumCaughtTest} runs it and
 * asserts what optcheck reports.
 */
class UpdateOrderMomentumChecks {

    @TestFactory
    Stream<DynamicNode> optcheck() {
        return OptimizerCheck.of(new UpdateOrderMomentumPlugin()).tests();
    }
}
