package io.optcheck.theory.conformance;

import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import io.optcheck.api.MethodKind;
import java.util.List;

/** The conformance properties, for the method a provider builds. */
public final class Conformance {

    private Conformance() {
    }

    /** Every conformance property, checked on {@code provider}'s methods (sorted by id). */
    public static List<ConformanceProperty> all(MethodProvider provider) {
        return List.of(new CheckpointResume(provider), new Determinism(provider),
            new GradientScaleInvariance(provider), new ReferenceEquivalence(provider), new Robustness(provider),
            Equivariance.rotation(provider), Equivariance.translation(provider), new ZeroGradient(provider));
    }

    /** The ids of the conformance properties (each has a spec in specs/conformance/). */
    public static List<String> ids() {
        return all(MethodProviders.reference(MethodKind.GD)).stream().map(ConformanceProperty::id).sorted().toList();
    }
}
