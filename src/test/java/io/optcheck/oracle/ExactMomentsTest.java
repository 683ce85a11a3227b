package io.optcheck.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.ExampleGradients;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The decimal moments behind the sgd rechecks, on two examples where everything is by hand. */
class ExactMomentsTest {

    private static final ExampleGradients TWO = ExampleGradients.of(new double[][] {{1}, {2}});
    private static final BigDecimal[] ZERO = {BigDecimal.ZERO};

    @Test
    void withReplacementTheMultisetsCarryTheirMultinomialWeights() {
        // b = 2: {1,1}, {1,2}, {2,2} with probabilities 1/4, 1/2, 1/4 and means 1, 3/2, 2.
        ExactMoments.Decimal m = ExactMoments.exact(new UniformMinibatch(2, true, 0, 2), TWO, ZERO);
        assertThat(m.mean()[0]).isEqualByComparingTo("1.5");
        assertThat(m.trace()).isEqualByComparingTo("2.375"); // 1/4 + (1/2)(9/4) + (1/4)(4)
    }

    @Test
    void withoutReplacementEverySubsetIsEquallyLikely() {
        ExactMoments.Decimal m = ExactMoments.exact(new UniformMinibatch(1, false, 0, 2), TWO, ZERO);
        assertThat(m.trace()).isEqualByComparingTo("2.5"); // (1 + 4)/2
        ExactMoments.Decimal all = ExactMoments.exact(new UniformMinibatch(2, false, 0, 2), TWO, ZERO);
        assertThat(all.trace()).isEqualByComparingTo("2.25"); // the full batch: (3/2)^2
    }

    @Test
    void meanAndCovarianceOfTheExamples() {
        assertThat(ExactMoments.exactFullGradient(TWO)[0]).isEqualByComparingTo("1.5");
        assertThat(ExactMoments.exactCovariance(TWO)[0][0]).isEqualByComparingTo("0.25");
        // Thirds do not terminate in decimal: the division is to 300 digits.
        ExampleGradients three = ExampleGradients.of(new double[][] {{1}, {0}, {0}});
        BigDecimal third = ExactMoments.exactFullGradient(three)[0];
        assertThat(third.multiply(BigDecimal.valueOf(3))
                        .subtract(BigDecimal.ONE)
                        .abs())
                .isLessThan(new BigDecimal("1e-299"));
    }
}
