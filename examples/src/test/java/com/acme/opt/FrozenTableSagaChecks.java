package com.acme.opt;

import io.optcheck.junit.FiniteSumCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The same one-class check as {@link AcmeSagaTest}, on the deliberately wrong
 * {@link FrozenTableSagaPlugin}. Its holds test FAILS by design, so Maven does not run this class
 * directly (the name does not end in Test); {@link FrozenTableSagaCaughtTest} runs it and asserts
 * what optcheck reports.
 */
class FrozenTableSagaChecks {

    @TestFactory
    Stream<DynamicNode> optcheck() {
        return FiniteSumCheck.of(new FrozenTableSagaPlugin()).tests();
    }
}
