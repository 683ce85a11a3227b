package io.optcheck.problem;

import java.util.Objects;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * An objective defined by a {@link Formula}; value, gradient and Hessian come from forward-mode
 * automatic differentiation ({@link DSFactory} with order 0, 1 and 2 respectively). Exact up to
 * the rounding of the formula's own operations; slower than a hand-written objective.
 *
 * <p>NaN or infinite arguments propagate through the formula. Arrays of the wrong length throw
 * {@link IllegalArgumentException}.
 */
public final class FormulaObjective implements Objective, HasFormula {
    private final int dimension;
    private final Formula formula;
    private final String description;
    private final DSFactory order0;
    private final DSFactory order1;
    private final DSFactory order2;

    /**
     * @param dimension d >= 1
     * @param formula the function
     * @param description returned by {@link #describe()}
     */
    public FormulaObjective(int dimension, Formula formula, String description) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
        this.formula = Objects.requireNonNull(formula, "formula");
        this.description = Objects.requireNonNull(description, "description");
        this.order0 = new DSFactory(dimension, 0);
        this.order1 = new DSFactory(dimension, 1);
        this.order2 = new DSFactory(dimension, 2);
    }

    /** A formula objective that mirrors {@code o}: same dimension, formula and description. */
    public static <T extends Objective & HasFormula> FormulaObjective of(T o) {
        return new FormulaObjective(o.dimension(), o.formula(), "formula of " + o.describe());
    }

    private DerivativeStructure eval(DSFactory f, double[] x) {
        Vectors.requireLength(x, dimension, "x");
        DerivativeStructure[] v = new DerivativeStructure[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = f.variable(i, x[i]);
        }
        return formula.apply(v);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(double[] x) {
        return eval(order0, x).getValue();
    }

    @Override
    public void gradient(double[] x, double[] out) {
        Vectors.requireLength(out, dimension, "out");
        DerivativeStructure y = eval(order1, x);
        int[] orders = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            orders[i] = 1;
            out[i] = y.getPartialDerivative(orders);
            orders[i] = 0;
        }
    }

    @Override
    public double[][] hessian(double[] x) {
        DerivativeStructure y = eval(order2, x);
        double[][] h = new double[dimension][dimension];
        int[] orders = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = i; j < dimension; j++) {
                orders[i]++;
                orders[j]++;
                double hij = y.getPartialDerivative(orders);
                h[i][j] = hij;
                h[j][i] = hij;
                orders[i]--;
                orders[j]--;
            }
        }
        return h;
    }

    @Override
    public Formula formula() {
        return formula;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return describe();
    }
}
