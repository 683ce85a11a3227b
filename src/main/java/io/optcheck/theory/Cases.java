package io.optcheck.theory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Code chosen by regime: the one way a theorem's Java names a regime of its spec.
 *
 * <pre>{@code
 * Gen<Double> h = Cases.<Gen<Double>>on(regime)
 *     .when("holds", () -> Gens.doubles(0, 1))
 *     .when("eta-gt-2-over-l", () -> Gens.doubles(2, 4))
 *     .get();
 * }</pre>
 *
 * <p>Naming a regime the spec does not declare is a load error ({@link Specs.SpecException}), and
 * so is a spec regime that no case names ({@link #get}); {@link DeclaredTheorem#validate} runs
 * every regime's generator when the catalog loads, so both show before anything runs. The code is
 * evaluated only for the matching case.
 *
 * @param <T> what the cases give
 */
public final class Cases<T> {

    private final Regime regime;
    private Supplier<? extends T> chosen;

    private Cases(Regime regime) {
        this.regime = regime;
    }

    /** Cases on {@code regime}. */
    public static <T> Cases<T> on(Regime regime) {
        return new Cases<>(regime);
    }

    /**
     * Whether {@code regime} is the regime {@code id}: the checked form of
     * {@code regime.id().equals(id)}, a load error when the spec does not declare {@code id}.
     */
    public static boolean is(Regime regime, String id) {
        return Cases.<Boolean>on(regime).when(id, () -> true).orElse(() -> false);
    }

    /** The code of regime {@code id}. */
    public Cases<T> when(String id, Supplier<? extends T> code) {
        return when(List.of(id), code);
    }

    /** The code shared by the regimes {@code ids}. */
    public Cases<T> when(List<String> ids, Supplier<? extends T> code) {
        for (String id : ids) {
            if (!regime.declared().isEmpty() && !regime.declared().contains(id)) {
                throw new Specs.SpecException("the code has a case for regime '" + id
                        + "', which the spec does not declare" + " (its regimes: " + regime.declared()
                        + "). Add the regime to the spec, or remove its code.");
            }
            if (chosen == null && id.equals(regime.id())) {
                chosen = code;
            }
        }
        return this;
    }

    /** The matching case's value; a load error when no case names the regime. */
    public T get() {
        if (chosen == null) {
            throw new Specs.SpecException("regime '" + regime.id() + "' of the spec has no code: no case names it."
                    + " Write its case, or remove the regime from the spec.");
        }
        return chosen.get();
    }

    /** The matching case's value, or {@code otherwise}'s for every regime no case names. */
    public T orElse(Supplier<? extends T> otherwise) {
        return chosen == null ? otherwise.get() : chosen.get();
    }
}
