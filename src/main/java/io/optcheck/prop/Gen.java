package io.optcheck.prop;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: turns choices drawn from a {@link Source} into a value. Generators hold no state,
 * so one instance can serve many tries, threads and replays. Because every value is built from
 * recorded choices, every generator shrinks and replays, including mapped, filtered and dependent
 * ({@link #flatMap}) ones, with no hand-written shrinker.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {

    /** Draws a value. Implementations draw only through {@code source}. */
    T generate(Source source);

    /** Applies {@code f} to every generated value; shrinks as this generator does. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f);
        Gen<T> self = this;
        return Gens.lazilyNamed(() -> describe() + ".map", s -> f.apply(s.draw(self)));
    }

    /** A generator that depends on a generated value, e.g. a dimension, then a vector of it. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        Objects.requireNonNull(f);
        Gen<T> self = this;
        return Gens.lazilyNamed(() -> describe() + ".flatMap", s -> s.draw(f.apply(s.draw(self))));
    }

    /**
     * Keeps only values that satisfy {@code predicate}, retrying up to 100 times in one try. When
     * that rejection budget runs out the try is discarded, and the property errs with a message
     * naming this filter if discards pile up.
     */
    default Gen<T> filter(String name, Predicate<? super T> predicate) {
        return new Gens.Filtered<>(this, name, predicate, 100);
    }

    /** {@link #filter(String, Predicate)} with a generated name. */
    default Gen<T> filter(Predicate<? super T> predicate) {
        return filter(describe() + ".filter", predicate);
    }

    /** Combines with another generator's value. */
    default <U, R> Gen<R> zip(Gen<U> other, BiFunction<? super T, ? super U, ? extends R> f) {
        Gen<T> self = this;
        return Gens.lazilyNamed(() -> describe() + ".zip", s -> f.apply(s.draw(self), s.draw(other)));
    }

    /** The same generator, described by {@code name} in messages and spans. */
    default Gen<T> named(String name) {
        return Gens.named(name, this);
    }

    /** A short description used in messages. */
    default String describe() {
        return "gen";
    }
}
