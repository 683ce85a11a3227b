package io.optcheck.result;

import java.util.Objects;

/**
 * How an "in expectation" check was decided.
 *
 * @param test  the test, e.g. {@code "empirical-bernstein"}; not null
 * @param alpha its false-alarm rate
 * @param runs  the sample size
 * @param seed  the seed of the sample
 */
public record StatisticalTest(String test, double alpha, int runs, long seed) {
    public StatisticalTest {
        Objects.requireNonNull(test, "test");
    }
}
