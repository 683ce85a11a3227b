package io.optcheck.theory;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Precision;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The method a theorem about a {@link MethodKind} is checked on: the built-in binding (optcheck's
 * reference implementation, reported exactly as the hard-wired theorem always reported it: its
 * historical method id and no declared conventions) or a {@link MethodProvider} chosen by the
 * user (reported under the provider's id and conventions). Immutable.
 *
 * <p>The one place where a theorem turns hyperparameters into a method, so that a provider that
 * rejects a value becomes an error result naming the hyperparameters instead of a crash.
 */
public final class MethodBinding {

    private final MethodProvider provider;
    private final String id;
    private final Map<String, String> conventions;
    private final boolean builtIn;

    private MethodBinding(MethodProvider provider, String id, Map<String, String> conventions, boolean builtIn) {
        this.provider = provider;
        this.id = id;
        this.conventions = conventions;
        this.builtIn = builtIn;
    }

    /**
     * The built-in binding: the reference implementation of {@code kind}, reported under
     * {@code methodId} with no conventions (what the catalog reported before theorems were
     * retargetable).
     */
    public static MethodBinding builtIn(MethodKind kind, String methodId) {
        return new MethodBinding(MethodProviders.reference(kind), methodId, Map.of(), true);
    }

    /** The format the bound method computes in. */
    public Precision precision() {
        return provider.precision();
    }

    /**
     * The built-in binding computing in {@code p} (the same binding when it already does).
     *
     * @throws IllegalStateException on a plug-in's binding: a plug-in computes in the format it
     *     declares
     */
    public MethodBinding inPrecision(Precision p) {
        if (provider.precision() == p) {
            return this;
        }
        if (!builtIn) {
            throw new IllegalStateException(
                    id + " declares " + provider.precision().id() + ", not " + p.id());
        }
        return new MethodBinding(MethodProviders.reference(kind(), Map.of(), p), id, conventions, true);
    }

    /**
     * The same kind, checked on {@code p}'s methods.
     *
     * @throws IllegalArgumentException when the provider declares another kind
     */
    public MethodBinding retarget(MethodProvider p) {
        Objects.requireNonNull(p, "provider");
        if (p.kind() != kind()) {
            throw new IllegalArgumentException("method " + p.id() + " is of kind "
                    + p.kind().id() + ", but this theorem is about kind " + kind().id());
        }
        return new MethodBinding(p, p.id(), Collections.unmodifiableMap(new TreeMap<>(p.conventions())), false);
    }

    /** The provider the methods come from (the reference implementation for the built-in binding). */
    public MethodProvider provider() {
        return provider;
    }

    /** The method id in results. */
    public String id() {
        return id;
    }

    public MethodKind kind() {
        return provider.kind();
    }

    /**
     * Why a regime does not apply to this binding's method: an assumption of the regime fixes a
     * hyperparameter at a value outside the provider's declared range ({@link DeclaredRanges}).
     */
    public Optional<String> rangeExcludes(Regime regime) {
        return DeclaredRanges.regimeExcludes(provider, DeclaredRanges.of(provider), regime);
    }

    /** The declared conventions in results (none for the built-in binding). */
    public Map<String, String> conventions() {
        return conventions;
    }

    /** True for the built-in binding (the theorem as registered in the catalog). */
    public boolean isBuiltIn() {
        return builtIn;
    }

    /** The provider's declared conventions (the reference's defaults for the built-in binding). */
    public Map<String, String> declaredConventions() {
        return provider.conventions();
    }

    /**
     * True when the methods of this binding follow {@code required} conventions: always for the
     * built-in binding (the reference builds any of them, see {@link #following}); for a provider,
     * when each required key has the required value among its declared conventions (a key it does
     * not declare has the kind's default, see {@link MethodProviders#resolvedConventions}).
     */
    public boolean follows(Map<String, String> required) {
        if (builtIn) {
            return true;
        }
        Map<String, String> defaults = MethodProviders.resolvedConventions(kind(), Map.of());
        Map<String, String> declared = provider.conventions();
        return required.entrySet().stream()
                .allMatch(e -> e.getValue().equals(declared.getOrDefault(e.getKey(), defaults.get(e.getKey()))));
    }

    /**
     * The binding whose methods follow {@code required}: for the built-in binding the reference
     * under those conventions (same id, still reported without conventions), for a provider that
     * follows them this binding.
     *
     * @throws IllegalStateException when a provider does not follow them (a regime that needs
     *     another convention must not be run on it)
     */
    public MethodBinding following(Map<String, String> required) {
        if (builtIn) {
            return new MethodBinding(MethodProviders.reference(kind(), required), id, conventions, true);
        }
        if (!follows(required)) {
            throw new IllegalStateException(
                    "method " + id + " declares " + provider.conventions() + ", not " + required);
        }
        return this;
    }

    /**
     * A fresh method with these hyperparameters, never outside the provider's declared ranges.
     *
     * @throws Rejected when the provider throws IllegalArgumentException for them
     * @throws DeclaredRanges.OutsideDeclaredRange when a value is outside a declared range (the
     *     provider is not called; the try is rejected)
     */
    public Method<?> create(Hyperparameters h) {
        try {
            return Objects.requireNonNull(
                    DeclaredRanges.create(provider, h), "method provider " + id + " returned null");
        } catch (IllegalArgumentException e) {
            throw new Rejected("method " + id + " rejected hyperparameters " + h.values() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the method and hands it to {@code run}; a rejected hyperparameter gives an
     * evaluation ending in ERROR at step 0 whose message names the hyperparameters.
     */
    public Evaluation evaluate(Hyperparameters h, Function<Method<?>, Evaluation> run) {
        Method<?> m;
        try {
            m = create(h);
        } catch (Rejected e) {
            return rejected(e);
        }
        return run.apply(m);
    }

    /** The evaluation of a run that could not start because the provider rejected its hyperparameters. */
    public static Evaluation rejected(Rejected e) {
        return new Evaluation.Builder().build(Evaluation.Ending.ERROR, e.getMessage(), 0, Map.of());
    }

    @Override
    public String toString() {
        return id + (builtIn ? " (built-in)" : " " + conventions);
    }

    /** A provider refused the hyperparameters a theorem chose; the message names them. */
    public static final class Rejected extends IllegalArgumentException {
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
