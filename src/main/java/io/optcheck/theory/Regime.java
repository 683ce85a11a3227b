package io.optcheck.theory;

import io.optcheck.api.Precision;
import io.optcheck.result.Expected;
import java.util.List;
import java.util.Optional;

/**
 * A regime of a theorem: which conclusion is checked, under which assumptions, and what the
 * theory expects. {@code holds} has every assumption in force; a breaking regime inverts exactly
 * one assumption ({@link #dropped}) of the holds generator.
 *
 * @param id unique within the theorem, e.g. "holds", "eta-gt-2-over-l", "drop:l-smooth"
 * @param conclusion the conclusion id checked in this regime
 * @param expected holds, breaks, or none (no guarantee either way)
 * @param assumptions the assumption ids in force
 * @param dropped the inverted assumption, or null for a regime with all assumptions in force
 * @param description one line for people
 * @param threshold for a breaking regime on a scalar parameter: its name and theoretical value
 * @param declared the ids of every regime the theorem's spec declares (so that {@link Cases} can
 *     refuse code for a regime the spec does not have), or empty when unknown
 */
public record Regime(
        String id,
        String conclusion,
        Expected expected,
        List<String> assumptions,
        String dropped,
        String description,
        ThresholdSpec threshold,
        List<String> declared,
        Precision precision) {

    /** A declared regime in float64 (no 'precision' in its spec). */
    public Regime(
            String id,
            String conclusion,
            Expected expected,
            List<String> assumptions,
            String dropped,
            String description,
            ThresholdSpec threshold,
            List<String> declared) {
        this(id, conclusion, expected, assumptions, dropped, description, threshold, declared, null);
    }

    /** A regime outside any spec (a user's theorem or a test's): {@link #declared} is empty. */
    public Regime(
            String id,
            String conclusion,
            Expected expected,
            List<String> assumptions,
            String dropped,
            String description,
            ThresholdSpec threshold) {
        this(id, conclusion, expected, assumptions, dropped, description, threshold, List.of());
    }

    /** A scalar parameter whose theoretical boundary the report shows beside the one found. */
    public record ThresholdSpec(String parameter, double theory) {}

    public Regime {
        assumptions = List.copyOf(assumptions);
        if (precision == Precision.FLOAT64) {
            precision = null;
        }
        declared = List.copyOf(declared);
        for (String a : assumptions) {
            Assumptions.statement(a);
        }
        if (dropped != null) {
            Assumptions.statement(dropped);
        }
    }

    /**
     * The floating-point format the regime runs the method in, when its spec names one other than
     * float64 ('precision: float32' or 'bfloat16'); empty for a float64 regime.
     */
    public Optional<Precision> lowPrecision() {
        return Optional.ofNullable(precision);
    }

    /** True when the theory expects a counterexample. */
    public boolean breaking() {
        return expected == Expected.BREAKS;
    }
}
