package io.optcheck.problem;

import java.util.Objects;

/**
 * An objective together with what is known about it.
 *
 * @param family a stable family id such as {@code "quadratic.diagonal"}; used in reports
 * @param objective the objective
 * @param certificate its known constants, never null (use {@link Certificate#none()})
 */
public record Problem(String family, Objective objective, Certificate certificate) {
    public Problem {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The same problem with another certificate (e.g. after a generator adjusts constants). */
    public Problem withCertificate(Certificate c) {
        return new Problem(family, objective, c);
    }

    /** {@code family + ": " + objective.describe()}. */
    public String describe() {
        return family + ": " + objective.describe();
    }
}
