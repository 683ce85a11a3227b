package io.optcheck.theory;

import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProvider;

/**
 * A theorem about a KIND of method ("gradient descent with step lr"), not about one
 * implementation. It chooses the hyperparameters of each instance itself (for example
 * lr = 0.9/L) and builds the method through a {@link MethodProvider}, so the same theorem runs
 * on optcheck's reference implementation, a user's plug-in or a third-party library.
 *
 * @param <I> the instance type
 */
public interface RetargetableTheorem<I> extends Theorem<I> {

    /** The kind this theorem is about. A method applies when it declares this kind. */
    MethodKind methodKind();

    /**
     * The same theorem, regimes and generators, checked on methods from {@code provider}; its
     * {@link #methodId()} is the provider's id. The checker still recomputes f and grad f itself.
     * Its {@link #regimes()} are those about the provider's method: a regime about a convention
     * the provider does not declare (Nesterov's simplified form) or about one of optcheck's own
     * contrast methods (signSGD beside Adam) is left out. A hyperparameter the provider rejects
     * ({@link IllegalArgumentException} from {@link MethodProvider#create}) is an error result
     * naming it, not a crash.
     *
     * @throws IllegalArgumentException when the provider's kind is not {@link #methodKind()}
     */
    Theorem<I> withMethod(MethodProvider provider);
}
