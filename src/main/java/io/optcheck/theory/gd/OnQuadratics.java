package io.optcheck.theory.gd;

import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.util.ArrayList;
import java.util.List;

/**
 * A theorem whose instances are quadratics of {@code Problems.quadratics()} (the line-search
 * theorems): every try is labelled by its quadratic's dimension and conditioning, and every regime
 * must cover dimension &gt;= 10 and kappa &gt;= 1e3 ({@link LineSearchChecks#COVERAGE}). A theorem
 * with a boundary value (a step exactly at its limit) labels the instances there, and its holds
 * regime must try it on at least 1% of tries.
 *
 * @param <I> the instance type
 */
interface OnQuadratics<I> extends Theorem<I> {

    /** The instance's quadratic. */
    Quadratic quadratic(I instance);

    /** The label of instances at the holds regime's boundary value, or null when there is none. */
    default String boundaryLabel() {
        return null;
    }

    /** Whether the instance is at the boundary value that {@link #boundaryLabel} names. */
    default boolean atBoundary(I instance) {
        return false;
    }

    @Override
    default List<String> labels(I instance, Regime regime) {
        List<String> l = LineSearchChecks.quadraticLabels(quadratic(instance));
        if (boundaryLabel() != null && atBoundary(instance)) {
            l.add(boundaryLabel());
        }
        return l;
    }

    @Override
    default List<Property.Coverage> coverage(Regime regime) {
        if (boundaryLabel() == null || !Cases.is(regime, "holds")) {
            return LineSearchChecks.COVERAGE;
        }
        List<Property.Coverage> c = new ArrayList<>(LineSearchChecks.COVERAGE);
        c.add(new Property.Coverage(boundaryLabel(), 1));
        return c;
    }
}
