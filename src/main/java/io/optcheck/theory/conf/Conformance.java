package io.optcheck.theory.conf;

import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import java.util.List;

/** The conformance properties, for the method a provider builds. */
public final class Conformance {

    private Conformance() {}

    /** Whether {@link #all} has run the load check (a property's regimes do not depend on the method). */
    private static volatile boolean validated;

    /**
     * Every conformance property, checked on {@code provider}'s methods (sorted by id).
     *
     * @throws io.optcheck.theory.Specs.SpecException when a spec and its property's code disagree on
     *     the regimes ({@link ConformanceProperty#validate}, run once, on optcheck's reference GD)
     */
    public static List<ConformanceProperty> all(MethodProvider provider) {
        if (!validated) {
            build(MethodProviders.reference(MethodKind.GD)).forEach(ConformanceProperty::validate);
            validated = true;
        }
        return build(provider);
    }

    private static List<ConformanceProperty> build(MethodProvider provider) {
        return List.of(
                new CheckpointResume(provider),
                new DeclaredPrecision(provider),
                new Determinism(provider),
                new GradientScaleInvariance(provider),
                new ReferenceEquivalence(provider),
                new Robustness(provider),
                Equivariance.rotation(provider),
                Equivariance.translation(provider),
                new ZeroGradient(provider));
    }

    /** The ids of the conformance properties (each has a spec in specs/conf/). */
    public static List<String> ids() {
        return all(MethodProviders.reference(MethodKind.GD)).stream()
                .map(ConformanceProperty::id)
                .sorted()
                .toList();
    }
}
