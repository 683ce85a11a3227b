package io.optcheck.problem;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * An objective written once over Hipparchus {@link DerivativeStructure}s, from which
 * {@link FormulaObjective} derives exact value, gradient and Hessian by automatic
 * differentiation. Constants are built with {@code x[0].getField().getZero().add(c)} or
 * {@code x[0].newInstance(c)}.
 */
@FunctionalInterface
public interface Formula {
    /** f evaluated on the variables {@code x} (length d, never empty). */
    DerivativeStructure apply(DerivativeStructure[] x);
}
