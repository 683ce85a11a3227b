package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/**
 * The "simplest double" rule of {@link DoubleGen}, stated case by case: a double shrinks toward
 * its target (0 when 0 is in range, else min), to the failing value nearest the target with at
 * most 4 decimal places (integers first); NaN and infinities are the least simple values.
 * ShrinkQualityTest covers the positive uniform case and shrinkDigits.
 */
class SimplestDoubleTest {

    static PropertyResult<Double> failWhen(DoubleGen gen, DoublePredicate bad) {
        return Property.forAll("simplest", gen, (x, t) -> {
                    if (bad.test(x)) {
                        throw new AssertionError("bad " + x);
                    }
                })
                .run();
    }

    @Test
    void targetIsZeroInRangeElseMin() {
        assertThat(Gens.doubles(-3, 5).target()).isEqualTo(0.0);
        assertThat(Gens.doubles(2, 5).target()).isEqualTo(2.0);
        assertThat(Gens.doubles(-9, -4).target()).isEqualTo(-9.0);
        assertThat(Gens.logDoubles(1e-3, 1e3).target()).isEqualTo(1.0);
        assertThat(Gens.logDoubles(1e-6, 1e-3).target()).isEqualTo(1e-3);
        assertThat(Gens.logDoubles(10, 1e3).target()).isEqualTo(10.0);
    }

    @Test
    void alwaysFailingShrinksToTheTarget() {
        assertThat(failWhen(Gens.doubles(-3, 5), x -> true).shrunkValue()).isEqualTo(0.0);
        assertThat(failWhen(Gens.doubles(2, 5), x -> true).shrunkValue()).isEqualTo(2.0);
        assertThat(failWhen(Gens.logDoubles(1e-3, 1e3), x -> true).shrunkValue())
                .isEqualTo(1.0);
    }

    @Test
    void logUniformShrinksTowardOne() {
        assertThat(failWhen(Gens.logDoubles(1e-3, 1e3), x -> x > 2.5).shrunkValue())
                .isEqualTo(2.5001);
        assertThat(failWhen(Gens.logDoubles(1e-3, 1e3), x -> x > 40).shrunkValue())
                .isEqualTo(40.0001);
        assertThat(failWhen(Gens.logDoubles(1e-3, 1e3), x -> x < 0.25).shrunkValue())
                .isEqualTo(0.2499);
        assertThat(failWhen(Gens.logDoubles(1e-3, 1e3), x -> x >= 7).shrunkValue())
                .isEqualTo(7.0);
    }

    @Test
    void wholeNumbersOnlyWithZeroDigits() {
        assertThat(failWhen(Gens.doubles(-10, 10).shrinkDigits(0), x -> x != 0).shrunkValue())
                .isEqualTo(1.0);
        assertThat(failWhen(Gens.doubles(-10, 10), x -> x != 0).shrunkValue()).isEqualTo(0.0001);
    }

    @Test
    void negativeFailuresShrinkTowardZeroFromBelow() {
        assertThat(failWhen(Gens.doubles(-100, 100), x -> x < -3.7).shrunkValue())
                .isEqualTo(-3.7001);
        assertThat(failWhen(Gens.doubles(-100, 100), x -> x <= -12).shrunkValue())
                .isEqualTo(-12.0);
    }

    @Test
    void whollyNegativeRangeShrinksTowardItsMin() {
        // Target is min = -100: the failing value nearest to it, just past the threshold.
        assertThat(failWhen(Gens.doubles(-100, -1), x -> x > -50).shrunkValue()).isEqualTo(-49.9999);
    }

    @Test
    void nanShrinksAwayWhenAFiniteValueFailsToo() {
        DoubleGen gen = Gens.doubles(0, 10).withSpecials(Double.NaN, Double.POSITIVE_INFINITY);
        PropertyResult<Double> r = failWhen(gen, x -> Double.isNaN(x) || x > 5 || Double.isInfinite(x));
        assertThat(r.failed()).isTrue();
        assertThat(r.shrunkValue()).isEqualTo(5.0001);
        // When only NaN fails, NaN is the answer: shrinking never invents a different failure.
        assertThat(failWhen(gen, Double::isNaN).shrunkValue()).isNaN();
    }

    @Test
    void fewerDecimalsBeatCloserToTarget() {
        Choice a = new Choice(Choice.Kind.DOUBLE, Double.doubleToRawLongBits(1e-154), 0, 1, 0, 4, false, null);
        Choice b = a.withDouble(0.0001);
        Choice c = a.withDouble(3.0);
        Choice d = a.withDouble(2.001);
        assertThat(b.compareSimplicity(a)).isNegative();
        assertThat(d.compareSimplicity(c)).isNegative();
        assertThat(a.withDouble(Double.POSITIVE_INFINITY).compareSimplicity(a.withDouble(Double.NaN)))
                .isNegative();
        assertThat(c.compareSimplicity(a.withDouble(Double.POSITIVE_INFINITY))).isNegative();
    }
}
