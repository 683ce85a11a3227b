package io.optcheck.theory;

import io.optcheck.api.Hyperparameters;
import io.optcheck.method.Method;
import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProvider;
import java.util.Map;

/**
 * Base of the theorems about a {@link MethodKind}: the provider plumbing of
 * {@link RetargetableTheorem} written once. A subclass builds its methods only through
 * {@link #method(Hyperparameters)}, checks in {@link #checkOn} and implements
 * {@link #rebind(MethodBinding)} as "the same theorem (same tightening) on this binding".
 *
 * @param <I> the instance type
 */
public abstract class KindTheorem<I> implements RetargetableTheorem<I> {

  private final MethodBinding binding;

  protected KindTheorem(MethodBinding binding) {
    this.binding = binding;
  }

  /** The binding the theorem checks. */
  protected final MethodBinding binding() {
    return binding;
  }

  /** The same theorem checked on {@code b}. */
  protected abstract KindTheorem<I> rebind(MethodBinding b);

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
    return rebind(binding.retarget(provider));
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
        StepSize.requireRepresentable(key, v);
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
  static final java.util.List<String> STEP_SIZES = java.util.List.of("lr", "a");

  /**
   * Runs the method on the instance and checks the regime's conclusion ({@link #checkOn}). When
   * the provider rejects a hyperparameter the theorem chose, the evaluation ends in ERROR at step
   * 0 with a message naming the hyperparameters: an error result, never a crash.
   */
  @Override
  public final Evaluation evaluate(I instance, Regime regime) {
    try {
      return checkOn(instance, regime);
    } catch (MethodBinding.Rejected e) {
      return MethodBinding.rejected(e);
    }
  }

  /**
   * Why a regime does not apply: first the one range rule ({@link DeclaredRanges}: an assumption
   * of the regime fixes a hyperparameter outside the method's declared range), then
   * {@link #applicability}.
   */
  @Override
  public final java.util.Optional<String> notApplicable(Regime regime) {
    java.util.Optional<String> r = binding.rangeExcludes(regime);
    return r.isPresent() ? r : applicability(regime);
  }

  /** A subclass's own reasons why a regime does not apply to the bound method. Default: none. */
  protected java.util.Optional<String> applicability(Regime regime) {
    return java.util.Optional.empty();
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
