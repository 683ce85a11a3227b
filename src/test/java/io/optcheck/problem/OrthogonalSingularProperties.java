package io.optcheck.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import org.junit.jupiter.api.Test;

/**
 * Shrinking drives Gaussian draws to 0 and to repeated values, so the orthogonal factor must stay
 * orthogonal (and free of NaN) for singular and degenerate inputs too, not only for the
 * probability-one case.
 */
class OrthogonalSingularProperties {

    @Test
    void singularAndRepeatedDrawsStillGiveAnOrthogonalMatrix() {
        PropertyResult<double[]> r = Property.forAll(
                        "Q^T Q = I for degenerate z",
                        Gens.integers(1, 6)
                                .flatMap(d -> Gens.listsOfSize(Gens.oneOf(0.0, 1.0, -1.0, 8.57167), d * d)
                                        .map(l -> l.stream()
                                                .mapToDouble(Double::doubleValue)
                                                .toArray())),
                        (z, t) -> {
                            int d = (int) Math.round(Math.sqrt(z.length));
                            double[][] q = Orthogonal.fromGaussian(z, d);
                            for (int i = 0; i < d; i++) {
                                for (int j = 0; j < d; j++) {
                                    double s = 0;
                                    for (int k = 0; k < d; k++) {
                                        s += q[k][i] * q[k][j];
                                    }
                                    if (!(Math.abs(s - (i == j ? 1 : 0)) <= 1e-12)) {
                                        throw new AssertionError("(Q^T Q)[" + i + "][" + j + "] = " + s);
                                    }
                                }
                            }
                        })
                .tries(2000)
                .run();
        assertThat(r.passed()).as(r.message()).isTrue();
    }
}
