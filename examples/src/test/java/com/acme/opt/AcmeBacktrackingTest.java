package com.acme.opt;

import io.optcheck.junit.LineSearchCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The one test class for a line search: gd.armijo runs with the declared constants at its spec's
 * CI depth; gd.wolfe and gd.zoutendijk show up as skipped (the search claims Armijo only).
 */
class AcmeBacktrackingTest {

    @TestFactory
    Stream<DynamicNode> optcheck() {
        return LineSearchCheck.of(new AcmeBacktrackingSearch()).tests();
    }
}
