package io.optcheck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The three formats' rounding against independent definitions. */
class PrecisionTest {

    /** bfloat16 from float32 bits by the bit rule: round the low 16 bits to nearest, ties to even. */
    private static float bf16FromBits(float f) {
        int b = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return f;
        }
        int r = b + 0x7FFF + ((b >>> 16) & 1);
        return Float.intBitsToFloat(r & 0xFFFF0000);
    }

    @Test
    void bfloat16AgreesWithTheBitRuleAtEveryTieAndNeighbourOfEveryValue() {
        // Exhaustive over the 65536 bfloat16 patterns, at the float32 numbers that decide rounding:
        // the value itself, one above, just below and at the tie, just above the tie, one below the next.
        int[] offsets = {0, 1, 0x7FFF, 0x8000, 0x8001, 0xFFFF};
        int checked = 0;
        for (int hi = 0; hi < 0x10000; hi++) {
            for (int k : offsets) {
                float f = Float.intBitsToFloat((hi << 16) | k);
                if (Float.isNaN(f)) {
                    continue;
                }
                double expected = bf16FromBits(f);
                assertThat(Precision.BFLOAT16.round(f))
                        .as("bits %08x", (hi << 16) | k)
                        .isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(390_000);
    }

    @Test
    void bfloat16RoundsADoubleOnceNotThroughFloat32() {
        // 1 + 2^-8 + 2^-30 lies just above the tie between 1 and 1 + 2^-7: it rounds up. Through
        // float32 it would first become the tie 1 + 2^-8 and then round to even, 1.
        double v = 1 + 0x1p-8 + 0x1p-30;
        assertThat(Precision.BFLOAT16.round(v)).isEqualTo(1 + 0x1p-7);
        assertThat(bf16FromBits((float) v)).isEqualTo(1.0f);
    }

    @Test
    void float32IsJavasNarrowingAndFloat64IsTheIdentity() {
        double[] v = {0.1, -1e-40, 3.4028235677973366e38, 1e39, Math.PI, Double.MIN_VALUE};
        for (double x : v) {
            assertThat(Precision.FLOAT32.round(x)).isEqualTo((double) (float) x);
            assertThat(Precision.FLOAT64.round(x)).isEqualTo(x);
        }
        assertThat(Precision.FLOAT32.round(1e39)).isInfinite();
    }

    @Test
    void constantsAndUlps() {
        assertThat(Precision.FLOAT64.unitRoundoff()).isEqualTo(0x1p-53);
        assertThat(Precision.FLOAT32.epsilon()).isEqualTo(Math.ulp(1.0f));
        assertThat(Precision.BFLOAT16.epsilon()).isEqualTo(0x1p-7);
        assertThat(Precision.FLOAT32.maxValue()).isEqualTo(Float.MAX_VALUE);
        assertThat(Precision.BFLOAT16.maxValue()).isEqualTo(bf16FromBits(Float.intBitsToFloat(0x7F7F0000)));
        assertThat(Precision.FLOAT32.ulp(3.0)).isEqualTo(Math.ulp(3.0f));
        assertThat(Precision.BFLOAT16.ulp(3.0)).isEqualTo(0x1p-6);
        // the subnormal range has the quantum of the smallest binade
        assertThat(Precision.BFLOAT16.ulp(1e-40)).isEqualTo(0x1p-133);
        assertThat(Precision.BFLOAT16.round(0x1p-134)).isEqualTo(0.0); // a tie, to even (0)
        assertThat(Precision.BFLOAT16.round(0x1.8p-134)).isEqualTo(0x1p-133);
        assertThat(Precision.BFLOAT16.represents(1 + 0x1p-7)).isTrue();
        assertThat(Precision.BFLOAT16.represents(1 + 0x1p-8)).isFalse();
        assertThat(Precision.of("bfloat16")).isEqualTo(Precision.BFLOAT16);
        assertThatThrownBy(() -> Precision.of("fp8")).hasMessageContaining("float64, float32 or bfloat16");
    }
}
