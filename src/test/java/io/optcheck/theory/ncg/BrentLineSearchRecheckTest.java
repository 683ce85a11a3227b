package io.optcheck.theory.ncg;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.Quadratic;
import org.junit.jupiter.api.Test;

/** The exact evaluation of ncg.brent-line-search's checks on recorded iterates, against hand values. */
class BrentLineSearchRecheckTest {

    private static final Quadratic HALF_SQUARE = Quadratic.diagonal(new double[] {1});

    @Test
    void monotoneIsDecidedByTheExactValuesOfTheRecordedIterates() {
        // f = x^2/2: f(-1) = f(1) exactly (holds with equality); f(1 + 2^-52) > f(1) by 2^-52 + 2^-105.
        assertThat(BrentLineSearch.monotoneHolds(HALF_SQUARE, 0, new double[] {1}, new double[] {-1}, 0))
                .isTrue();
        assertThat(BrentLineSearch.monotoneHolds(HALF_SQUARE, 0, new double[] {1}, new double[] {Math.nextUp(1.0)}, 0))
                .isFalse();
        // Tightened: f(0.9) = 0.405 <= f(1) - 0.1 (f(1) - 0) = 0.45 holds, with 0.2 (0.4) it does not.
        assertThat(BrentLineSearch.monotoneHolds(HALF_SQUARE, 0, new double[] {1}, new double[] {0.9}, 0.1))
                .isTrue();
        assertThat(BrentLineSearch.monotoneHolds(HALF_SQUARE, 0, new double[] {1}, new double[] {0.9}, 0.2))
                .isFalse();
    }

    @Test
    void orthogonalityIsTheSquaredInequalityAtTheRecordedIterates() {
        // f = x^2/2 from 1 to 0.5: s = -0.5, g = 0.5, |g s| = 0.25; s H s = 0.25 and tau = max(1e-8 * 0.5, 1e-8)
        // = 1e-8, so the bound sqrt(2 * 0.25 * 1e-8) = 7.1e-5 < 0.25: violated. At the minimizer 0: g = 0, holds.
        assertThat(BrentLineSearch.orthogonalHolds(HALF_SQUARE, new double[] {1}, new double[] {0.5}))
                .isFalse();
        assertThat(BrentLineSearch.orthogonalHolds(HALF_SQUARE, new double[] {1}, new double[] {0}))
                .isTrue();
    }
}
