package io.optcheck.thirdparty;

import org.tribuo.math.Parameters;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.protos.ParametersProto;

/**
 * The smallest {@link Parameters} a Tribuo {@code StochasticGradientOptimiser} needs: one dense
 * vector of dimension d. Tribuo's optimisers only call {@link #getEmptyCopy()} (in
 * {@code initialise}) to shape their moment buffers; optcheck keeps the iterate itself, so the
 * weights here are never read by the optimiser.
 */
final class OneVectorParameters implements Parameters {
    private static final long serialVersionUID = 1L;
    private DenseVector weights;

    OneVectorParameters(int d) {
        this.weights = new DenseVector(d);
    }

    @Override
    public Tensor[] getEmptyCopy() {
        return new Tensor[] {new DenseVector(weights.size())};
    }

    @Override
    public Tensor[] get() {
        return new Tensor[] {weights};
    }

    @Override
    public void set(Tensor[] newWeights) {
        weights = (DenseVector) newWeights[0];
    }

    @Override
    public void update(Tensor[] gradients) {
        weights.intersectAndAddInPlace(gradients[0]);
    }

    @Override
    public Tensor[] merge(Tensor[][] gradients, int size) {
        DenseVector sum = new DenseVector(weights.size());
        for (int i = 0; i < size; i++) {
            sum.intersectAndAddInPlace(gradients[i][0]);
        }
        return new Tensor[] {sum};
    }

    @Override
    public ParametersProto serialize() {
        throw new UnsupportedOperationException("optcheck's adapter does not serialize parameters");
    }
}
