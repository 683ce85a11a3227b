package io.optcheck.theory;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Precision;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declared theorem about a {@link MethodKind}: its spec gives {@code kind} and the id of the
 * built-in method, and retargeting to a user's method of that kind ({@link #withMethod}) is done
 * here once. A subclass builds its methods only through {@link #method(Hyperparameters)} and checks
 * in {@link #checkOn}.
 *
 * @param <I> the instance type
 */
public abstract class KindTheorem<I> extends DeclaredTheorem<I> implements RetargetableTheorem<I> {

    private MethodBinding binding;

    /** The theorem of the spec with this id, on the built-in method the spec names. */
    protected KindTheorem(String id) {
        super(id);
        if (spec().kind() == null) {
            throw new Specs.SpecException(spec().file() + ": a theorem about a method kind needs 'kind: ...' in its "
                    + "front matter (one of "
                    + Arrays.stream(MethodKind.values()).map(MethodKind::id).toList() + ").");
        }
        this.binding = MethodBinding.builtIn(MethodKind.byId(spec().kind()), spec().method());
    }

    /** The binding the theorem checks. */
    protected final MethodBinding binding() {
        return binding;
    }

    /** The same theorem (same tightening) checked on {@code b}. */
    protected final KindTheorem<I> withBinding(MethodBinding b) {
        KindTheorem<I> c = copy();
        c.binding = b;
        return c;
    }

    @Override
    public final String methodId() {
        return binding.id();
    }

    @Override
    public final MethodKind methodKind() {
        return binding.kind();
    }

    @Override
    public Map<String, String> conventions() {
        return binding.conventions();
    }

    @Override
    public KindTheorem<I> withMethod(MethodProvider provider) {
        return withBinding(binding.retarget(provider));
    }

    /**
     * A fresh method.
     *
     * @throws MethodBinding.Rejected when the provider rejects the hyperparameters
     */
    protected final Method<?> method(Hyperparameters h) {
        for (String key : STEP_SIZES) {
            Double v = h.values().get(key);
            if (v != null) {
                StepSize.requireRepresentable(key, v, binding.precision());
            }
        }
        return binding.create(h);
    }

    /**
     * The step-size hyperparameters of the kinds: "lr", and the sgd kind's schedule scale "a".
     * A theorem that chose a step size in (0, c/L] can be driven by its generator or the shrinker to
     * one that underflows to 0 or to the subnormal range (h = 4.9e-324, or h / L below 2^-1022).
     * That is not an instance of a theorem about a step eta &gt; 0: THEOREMS.md's "Representable
     * instances" rule applies ({@link StepSize#requireRepresentable}): the try has no verdict
     * (rejected and counted), never an error or a violation.
     */
    static final List<String> STEP_SIZES = List.of("lr", "a");

    /**
     * Runs the method on the instance and checks the regime's conclusion ({@link #checkOn}). When
     * the provider rejects a hyperparameter the theorem chose, the evaluation ends in ERROR at step
     * 0 with a message naming the hyperparameters: an error result, never a crash.
     */
    @Override
    public final Evaluation evaluate(I instance, Regime regime) {
        Optional<Precision> low = regime.lowPrecision();
        // A regime that names a format runs the built-in method in it, and its bounds account for
        // the method's rounding themselves: the checker's own arithmetic is float64. Any other regime
        // checks the bound method with the tolerance of the format it computes in.
        KindTheorem<I> t = low.isPresent() && binding.isBuiltIn() && binding.precision() != low.get()
                ? withBinding(binding.inPrecision(low.get()))
                : this;
        Precision tolerance = low.isPresent() ? Precision.FLOAT64 : binding.precision();
        try {
            return Tolerance.in(tolerance, () -> t.checkOn(instance, regime));
        } catch (MethodBinding.Rejected e) {
            return MethodBinding.rejected(e);
        }
    }

    /** The format the bound method computes in, in the regime (a precision regime's, for the built-in). */
    @Override
    public final Precision precision(Regime regime) {
        return regime.lowPrecision().filter(p -> binding.isBuiltIn()).orElse(binding.precision());
    }

    /**
     * Why a regime does not apply: first the one range rule ({@link DeclaredRanges}: an assumption
     * of the regime fixes a hyperparameter outside the method's declared range), then
     * {@link #applicability}.
     */
    @Override
    public final Optional<String> notApplicable(Regime regime) {
        Optional<String> r = binding.rangeExcludes(regime);
        if (r.isEmpty()
                && regime.lowPrecision().isPresent()
                && !binding.isBuiltIn()
                && binding.precision() != regime.lowPrecision().get()) {
            r = Optional.of("the regime runs the method in "
                    + regime.lowPrecision().get().id() + "; " + binding.id() + " declares "
                    + binding.precision().id());
        }
        return r.isPresent() ? r : applicability(regime);
    }

    /** A subclass's own reasons why a regime does not apply to the bound method. Default: none. */
    protected Optional<String> applicability(Regime regime) {
        return Optional.empty();
    }

    /** What {@link Theorem#evaluate} does, with every method built by {@link #method}. */
    protected abstract Evaluation checkOn(I instance, Regime regime);

    /** Hyperparameters "lr" = {@code lr} (the GD kind). */
    protected static Hyperparameters lr(double lr) {
        return Hyperparameters.of("lr", lr);
    }

    /** Hyperparameters "lr" and "momentum" (heavy ball, Nesterov with constant momentum). */
    protected static Hyperparameters lrMomentum(double lr, double momentum) {
        return Hyperparameters.of("lr", lr).with("momentum", momentum);
    }
}
