package com.acme.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AcmeMomentumTest {
    @Test
    void pluginDeclaresHeavyBall() {
        assertEquals("heavy-ball", new AcmeMomentumPlugin().kind().id());
    }
}
