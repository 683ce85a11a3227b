package io.optcheck.problem;

import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * What the losses of a linear model w -> x_k^T w over n examples share: the data matrix X (n rows,
 * d columns, copied and checked rectangular and finite), the targets y (one per example, copied
 * and checked finite), the accessors of both, the problem of the subclass's family, and the
 * formula of a mean over examples. A subclass adds its loss and its certificate.
 *
 * <p>Wrong lengths throw {@link IllegalArgumentException}.
 */
public abstract sealed class LinearModelLoss implements Objective, HasFormula permits LeastSquares, Logistic {
    final int n;
    final int d;
    final double[][] x;
    final double[] y;
    private final String family;

    /** One example's term of a formula: of the margin x_k^T w and the target y_k. */
    interface ExampleTerm {
        DerivativeStructure of(DerivativeStructure margin, double target);
    }

    /**
     * @param features X, n x d, rectangular, finite, non-empty (copied)
     * @param targets y, length n, finite (copied)
     * @param family the family name of {@link #problem()}
     * @throws IllegalArgumentException on malformed input
     */
    LinearModelLoss(double[][] features, double[] targets, String family) {
        this.x = Vectors.copyRectangular(features, "X");
        this.n = x.length;
        this.d = x[0].length;
        Vectors.requireFiniteNonEmpty(targets, "y");
        Vectors.requireLength(targets, n, "y");
        this.y = targets.clone();
        this.family = family;
    }

    /** The certificate of this loss's constants. */
    public abstract Certificate certificate();

    /** This loss in its family ({@code "least-squares"}, {@code "logistic"}) with the certificate. */
    public Problem problem() {
        return new Problem(family, this, certificate());
    }

    /**
     * The formula (sum over k of term(x_k^T w, y_k)) / divisor, summed in example order, on copies
     * of X and y.
     */
    Formula sumOverExamples(ExampleTerm term, double divisor) {
        final double[][] xx = Vectors.deepCopy(x);
        final double[] yy = y.clone();
        return w -> {
            DerivativeStructure s = w[0].getField().getZero();
            for (int k = 0; k < xx.length; k++) {
                s = s.add(term.of(w[0].linearCombination(xx[k], w), yy[k]));
            }
            return s.divide(divisor);
        };
    }

    @Override
    public int dimension() {
        return d;
    }

    /** Number of examples n. */
    public int examples() {
        return n;
    }

    /** A copy of X. */
    public double[][] features() {
        return Vectors.deepCopy(x);
    }

    @Override
    public String toString() {
        return describe();
    }
}
