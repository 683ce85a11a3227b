package io.optcheck.problem;

import org.hipparchus.CalculusFieldElement;

/**
 * An objective written once over any Hipparchus field: derivative structures give the
 * automatic-differentiation {@link Formula}, and {@link org.hipparchus.dfp.Dfp} gives the
 * higher-precision recheck ({@link HighPrecision#value}, {@link HighPrecision#gradient}). Implement it
 * with a method reference to a generic method, e.g. {@code return this::valueOf;}.
 */
@FunctionalInterface
public interface FieldFormula {
    /** f at {@code x} (length d, never empty), in x's field. */
    <T extends CalculusFieldElement<T>> T apply(T[] x);

    /** Implemented by objectives whose definition is a {@link FieldFormula}. */
    interface Source extends HasFormula {
        /** The objective's definition over any field. */
        FieldFormula fieldFormula();

        @Override
        default Formula formula() {
            FieldFormula ff = fieldFormula();
            return ff::apply;
        }
    }
}
