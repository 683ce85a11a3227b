package com.acme.opt;

import io.optcheck.junit.OptimizerCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The one test class a user writes: every theorem that applies to AcmeMomentum's declared kind
 * (heavy ball) and every conformance property runs as a test, one per regime, at each spec's CI
 * depth. The first test lists which theorems apply; a property that does not apply (gradient-scale
 * invariance for a momentum method) shows up as skipped, with the reason.
 */
class AcmeMomentumTest {

    @TestFactory
    Stream<DynamicNode> optcheck() {
        return OptimizerCheck.of(new AcmeMomentumPlugin()).tests();
    }
}
