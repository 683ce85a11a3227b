package com.acme.opt;

import io.optcheck.junit.FiniteSumCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The one test class for a SAGA: vr.saga's one-step Lyapunov contraction and its unbiasedness run
 * at the spec's CI depth, each exact over the indices of the next step from states the method
 * reached along drawn index paths.
 */
class AcmeSagaTest {

    @TestFactory
    Stream<DynamicNode> optcheck() {
        return FiniteSumCheck.of(new AcmeSagaPlugin()).tests();
    }
}
