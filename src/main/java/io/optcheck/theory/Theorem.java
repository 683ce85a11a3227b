package io.optcheck.theory;

import io.optcheck.api.Precision;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Property;
import io.optcheck.result.StatisticalTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A theorem: an id, the assumptions it needs, its regimes, a generator of instances for each
 * regime, and a checker that runs the method on an instance and checks the conclusion on the
 * recorded trajectory, recomputing f and grad f itself.
 *
 * @param <I> the instance type (problem, start point, parameters)
 */
public interface Theorem<I> {

    /** The id, {@code family.name}, the same as the spec file's. */
    String id();

    /** The id of the method the theorem is checked on. */
    String methodId();

    /** The assumption ids of the theorem (the holds regime has all of them). */
    List<String> assumptions();

    /** The regimes, holds first. */
    List<Regime> regimes();

    /**
     * The instances of a regime. A drop regime is the holds generator with only the dropped
     * assumption inverted; edge values are boundary values, never known counterexamples.
     */
    Gen<I> instances(Regime regime);

    /** Runs the method on the instance and checks the regime's conclusion at every step. */
    Evaluation evaluate(I instance, Regime regime);

    /**
     * The same theorem with every bound made wrong by a small amount: tight bounds tightened by
     * the factor (1 - eps) (a lower bound on a decrease raised by (1 + eps)), and bounds that are
     * not tight given a wrong constant. The sensitivity ("teeth") tests run this on every holds
     * regime and must find a violation: a check that cannot catch a wrong bound proves nothing.
     */
    Theorem<I> withTightenedBounds(double eps);

    /** Human-readable fields of an instance, for the counterexample. */
    Map<String, Object> describe(I instance);

    /**
     * The floating-point format the checked method computes in, in this regime (shown with every
     * result). Default: float64, optcheck's built-in methods.
     */
    default Precision precision(Regime regime) {
        return Precision.FLOAT64;
    }

    /** The value of the regime's threshold parameter on an instance (e.g. eta L). */
    default OptionalDouble thresholdValue(I instance, Regime regime) {
        return OptionalDouble.empty();
    }

    /** The known tight ratio of a conclusion, where one is known. */
    default OptionalDouble tightReference(String conclusion) {
        return OptionalDouble.empty();
    }

    /**
     * Figures a regime reports beside its verdict, measured by the theorem itself after the
     * property ran: a table over kappa, a random-vs-targeted comparison, an empirical reference.
     * They go into the result's {@code extra} map. Default: none.
     */
    default Map<String, Object> figures(Regime regime, int tries, long seed) {
        return Map.of();
    }

    /**
     * How a regime's "in expectation" checks are decided (test, alpha per check, runs per check,
     * seed), or null for a regime checked exactly. {@code tries} is the number of tries that ran.
     */
    default StatisticalTest statistics(Regime regime, int tries, long seed) {
        return null;
    }

    /** The conventions the checked method declares (see MethodProvider), shown in its results. */
    default Map<String, String> conventions() {
        return Map.of();
    }

    /**
     * Why a regime does not apply to the checked method (for example "the optimizer declares
     * supportsCopy() = false"), or empty when it applies. A regime that does not apply is not run:
     * its result has outcome {@code not_applicable}, verdict info, and the reason under
     * {@code extra.notApplicable}. Default: every regime applies.
     */
    default Optional<String> notApplicable(Regime regime) {
        return Optional.empty();
    }

    /**
     * Why an instance does not satisfy its family's assumptions after all (checked on the realised
     * function, e.g. an interpolant whose data violate the interpolation conditions), or empty.
     * Such a try is rejected ({@code Trial.reject}), never counted. Default: never.
     */
    default Optional<String> rejection(I instance) {
        return Optional.empty();
    }

    /**
     * Whether {@code check} (made on {@code instance}) holds in higher precision: the real-number
     * trajectory and bound, evaluated exactly or in Dfp/BigDecimal arithmetic; empty when the
     * theorem has no such model of the instance. Used by {@link MarginalRecheck}.
     */
    default Optional<Boolean> exactlyHolds(I instance, Regime regime, Check check) {
        return Optional.empty();
    }

    /** How {@link #exactlyHolds} evaluates, for the report (e.g. "300-digit decimal"). */
    default String recheckPrecision() {
        return "300-digit decimal arithmetic (BigDecimal) on the real-number trajectory";
    }

    /** Labels for statistics (and coverage) of an instance. */
    default List<String> labels(I instance, Regime regime) {
        return List.of();
    }

    /** Coverage requirements of a regime: label and minimum percent of tries. */
    default List<Property.Coverage> coverage(Regime regime) {
        return List.of();
    }

    /** Finds a regime by id. */
    default Regime regime(String id) {
        return regimes().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("theorem " + id() + " has no regime '" + id
                        + "'; regimes: " + regimes().stream().map(Regime::id).toList()));
    }
}
