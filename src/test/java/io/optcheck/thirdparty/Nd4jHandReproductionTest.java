package io.optcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaBelief;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * The ND4J findings, reproduced by hand: ND4J 1.0.0-M2.1 called directly (no optcheck adapter,
 * no property engine) through its documented path, {@code config.instantiate(view, true)} and
 * {@code applyUpdater(gradient, iteration, epoch)}, on one coordinate, with the expected numbers
 * worked out in the comments from the papers ND4J's javadoc cites and from ND4J's own kernels.
 * {@code applyUpdater} turns the gradient into the update that is subtracted from the parameters.
 */
class Nd4jHandReproductionTest {

    @BeforeAll
    static void doubles() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** An updater for one parameter, its state initialized by ND4J. */
    private static GradientUpdater<?> updater(IUpdater c) {
        return c.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, c.stateSize(1)), true);
    }

    /** The update ND4J returns for gradient g at this iteration (counted from 0). */
    private static double update(GradientUpdater<?> u, double g, int iteration) {
        INDArray a = Nd4j.create(new double[] {g}, new long[] {1, 1}, DataType.DOUBLE);
        u.applyUpdater(a, iteration, 0);
        return a.getDouble(0);
    }

    /**
     * Not a defect: ND4J counts iterations from 0. Kingma &amp; Ba's first step, lr = 0.1, b1 = 0.9,
     * b2 = 0.999, eps = 1e-8, g = 1: m^ = v^ = 1, move lr/(1 + 1e-8). ND4J's reordered form at
     * iteration 0: lr sqrt(1 - 0.999)/(1 - 0.9) 0.1/(sqrt(0.001) + 1e-8) = 0.1/(1 + 1e-8/sqrt(0.001)),
     * about lr. Had the adapter handed iteration 1 for the first step, ND4J would use b^2 and move
     * lr sqrt(1 - 0.999^2)/(1 - 0.81) 0.1/(sqrt(0.001) + 1e-8) = 0.0744.
     */
    @Test
    void adamCountsIterationsFromZero() {
        double first = update(updater(new Adam(0.1, 0.9, 0.999, 1e-8)), 1, 0);
        assertThat(first).isCloseTo(0.1 / (1 + 1e-8 / Math.sqrt(0.001)), within(1e-15));
        double fromOne = update(updater(new Adam(0.1, 0.9, 0.999, 1e-8)), 1, 1);
        assertThat(fromOne)
                .isCloseTo(
                        0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81) * 0.1 / (Math.sqrt(0.001) + 1e-8),
                        within(1e-15));
        assertThat(fromOne).isCloseTo(0.0744, within(1e-4));
    }

    /**
     * DEFECT in ND4J 1.0.0-M2.1's Nadam (its javadoc cites Ruder 2016, arXiv 1609.04747): the
     * second moment is never bias-corrected. Ruder, lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8,
     * g = 1: m^ = 1, v^ = 1, move lr (b1 m^ + (1 - b1) g/(1 - b1)) / (sqrt(v^) + eps) = 0.19/(1 +
     * 1e-8). ND4J (libnd4j updaterNadam.cpp): lr (b1 m + (1 - b1) g)/(1 - b1) / (sqrt(v) + eps) with
     * m = 0.1, v = 0.001: 0.1 (0.09 + 0.1)/0.1/(sqrt(0.001) + 1e-8) = 6.008, 1/sqrt(1 - b2) = 31.6
     * times Ruder's. The conf.reference-equivalence counterexample (b1 = 0, b2 = 1e-4, eps = 0.01,
     * lr = 1, g = 1): ND4J 1/(sqrt(0.9999) + 0.01) = 0.990148, Ruder 1/(1 + 0.01) = 0.990099.
     */
    @Test
    void nadamDoesNotBiasCorrectTheSecondMoment() {
        double nd4j = update(updater(new Nadam(0.1, 0.9, 0.999, 1e-8)), 1, 0);
        double ruder = 0.1 * (0.9 * 1 + 0.1 * 1 / 0.1) / (1 + 1e-8);
        assertThat(nd4j).isCloseTo(0.1 * (0.9 * 0.1 + 0.1) / 0.1 / (Math.sqrt(0.001) + 1e-8), within(1e-12));
        assertThat(nd4j).isCloseTo(6.008, within(1e-3));
        assertThat(nd4j / ruder).isCloseTo(1 / Math.sqrt(0.001), within(1e-4));
        double shrunk = update(updater(new Nadam(1, 0, 1e-4, 0.01)), 1, 0);
        assertThat(shrunk).isCloseTo(1 / (Math.sqrt(0.9999) + 0.01), within(1e-15));
        assertThat(shrunk - 1 / 1.01).isCloseTo(4.9018e-5, within(1e-8));
    }

    /**
     * DEFECT (minor) in ND4J 1.0.0-M2.1's AdaMax: the configured epsilon has no effect. The
     * kernel (libnd4j updaterAdaMax.cpp) computes u = max(b2 u, |g|) + 1e-32 and m lr/(1 -
     * b1^(it+1)) / u; epsilon is used only when that learning rate is NaN, 0 or infinite. The
     * conf.reference-equivalence counterexample, lr = 1, b1 = b2 = 0, eps = 0.01, g = 1: eps added
     * outside the maximum (TensorFlow, Keras) moves 1/(1 + 0.01) = 0.990099, eps inside it
     * (PyTorch) 1/max(0, 1 + 0.01), the same; ND4J moves 1, the move at eps = 0.
     */
    @Test
    void adaMaxIgnoresItsEpsilon() {
        assertThat(update(updater(new AdaMax(1, 0, 0, 0.01)), 1, 0)).isEqualTo(1.0);
        GradientUpdater<?> withEps = updater(new AdaMax(0.1, 0.9, 0.999, 0.01));
        GradientUpdater<?> withoutEps = updater(new AdaMax(0.1, 0.9, 0.999, 0));
        double[] gs = {1, -0.5, 2e-3, 3};
        for (int t = 0; t < gs.length; t++) {
            assertThat(update(withEps, gs[t], t)).as("iteration " + t).isEqualTo(update(withoutEps, gs[t], t));
        }
    }

    /**
     * DEFECT in ND4J 1.0.0-M2.1's AdaBelief: the documented way to build it throws.
     * {@code AdaBelief.instantiate(view, initialize)} reshapes the view to rank 1
     * ({@code viewArray.reshape(viewArray.length())}) and then halves {@code gradientShape[1]}, an
     * index that a rank-1 shape does not have. Every view fails, of any shape.
     */
    @Test
    void adaBeliefCannotBeInstantiated() {
        AdaBelief c = new AdaBelief(1e-3, 0.9, 0.999, 1e-14);
        assertThat(c.stateSize(1)).isEqualTo(2);
        assertThatThrownBy(() -> c.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 2), true))
                .isInstanceOf(ArrayIndexOutOfBoundsException.class)
                .hasMessageContaining("Index 1 out of bounds for length 1");
        assertThatThrownBy(() -> c.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 6), false))
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    /**
     * CONVENTION: AMSGrad in the reordered form over the raw maximum ({@code eps = eps-hat},
     * {@code max-over = raw}). lr = 0.1, b1 = 0, b2 = 0.5, eps = 0.01. Iteration 0, g = 1: m = 1,
     * v = vhat = 0.5, alpha = 0.1 sqrt(1 - 0.5), move alpha/(sqrt(0.5) + 0.01) = 0.098606.
     * Iteration 1, g = 0.5: v = 0.25 + 0.125 = 0.375, vhat = max(0.5, 0.375) = 0.5, alpha = 0.1
     * sqrt(0.75), move alpha 0.5/(sqrt(0.5) + 0.01) = 0.060383.
     */
    @Test
    void amsGradIsTheReorderedFormOverTheRawMaximum() {
        GradientUpdater<?> u = updater(new AMSGrad(0.1, 0, 0.5, 0.01));
        assertThat(update(u, 1, 0))
                .isCloseTo(0.1 * Math.sqrt(0.5) / (Math.sqrt(0.5) + 0.01), within(1e-15))
                .isCloseTo(0.098606, within(1e-6));
        assertThat(update(u, 0.5, 1))
                .isCloseTo(0.1 * Math.sqrt(0.75) * 0.5 / (Math.sqrt(0.5) + 0.01), within(1e-15))
                .isCloseTo(0.060383, within(1e-6));
    }

    /**
     * CONVENTION: RmsProp's accumulator starts at eps ({@code initial-accumulator = eps}).
     * lr = 0.1, rho = 0.5, eps = 0.01, g = 1: v = 0.5 0.01 + 0.5 1 = 0.505, move 0.1/(sqrt(0.505) +
     * 0.01); from v_0 = 0 it would be 0.1/(sqrt(0.5) + 0.01).
     */
    @Test
    void rmsPropsAccumulatorStartsAtEps() {
        INDArray view = Nd4j.zeros(DataType.DOUBLE, 1, 1);
        GradientUpdater<?> u = new RmsProp(0.1, 0.5, 0.01).instantiate(view, true);
        assertThat(view.getDouble(0)).isEqualTo(0.01);
        assertThat(update(u, 1, 0)).isCloseTo(0.1 / (Math.sqrt(0.505) + 0.01), within(1e-15));
    }

    /**
     * CONVENTION from the source, and a discrepancy in it: AdaGrad's accumulator starts at 1e-6
     * whatever epsilon is configured ({@code AdaGradUpdater} initializes the view with its own field
     * {@code epsilon = AdaGrad.DEFAULT_ADAGRAD_EPSILON}, never set from the configuration), while
     * the update uses the configured epsilon. lr = 0.1, eps = 0, g = 1: G = 1e-6 + 1, move
     * 0.1/sqrt(1 + 1e-6); a zero gradient first moves 0/(sqrt(1e-6) + 0) = 0.
     */
    @Test
    void adaGradsAccumulatorStartsAtOneMillionthWhateverItsEpsilon() {
        INDArray view = Nd4j.zeros(DataType.DOUBLE, 1, 1);
        GradientUpdater<?> u = new AdaGrad(0.1, 0).instantiate(view, true);
        assertThat(view.getDouble(0)).isEqualTo(1e-6);
        assertThat(update(u, 0, 0)).isEqualTo(0.0);
        assertThat(update(u, 1, 1)).isCloseTo(0.1 / Math.sqrt(1 + 1e-6), within(1e-15));
        INDArray view2 = Nd4j.zeros(DataType.DOUBLE, 1, 1);
        new AdaGrad(0.1, 0.5).instantiate(view2, true);
        assertThat(view2.getDouble(0)).isEqualTo(1e-6);
    }

    /**
     * DEFECT (minor, outside ND4J's defaults): at eps = 0 a zero gradient becomes NaN, 0 (lr_t)/(0
     * + 0) in the Adam-type kernels and 0 sqrt(0 + 0)/sqrt(0 + 0) in AdaDelta; optcheck's references
     * and Kingma-style implementations treat it as no move (later libnd4j versions replace eps = 0
     * by 1e-7). AdaGrad (accumulator 1e-6) and AdaMax (u + 1e-32) return 0. The adapters declare
     * eps &gt; 0.
     */
    @Test
    void aZeroGradientAtEpsZeroIsNaN() {
        assertThat(update(updater(new Adam(0.1, 0.9, 0.999, 0)), 0, 0)).isNaN();
        assertThat(update(updater(new AMSGrad(0.1, 0.9, 0.999, 0)), 0, 0)).isNaN();
        assertThat(update(updater(new Nadam(0.1, 0.9, 0.999, 0)), 0, 0)).isNaN();
        assertThat(update(updater(new RmsProp(0.1, 0.9, 0)), 0, 0)).isNaN();
        assertThat(update(updater(new AdaDelta(0.95, 0)), 0, 0)).isNaN();
        assertThat(update(updater(new AdaGrad(0.1, 0)), 0, 0)).isEqualTo(0.0);
        assertThat(update(updater(new AdaMax(0.1, 0.9, 0.999, 0)), 0, 0)).isEqualTo(0.0);
        assertThat(update(updater(new Adam(0.1, 0.9, 0.999, 1e-8)), 0, 0)).isEqualTo(0.0);
    }

    /**
     * CONVENTION: Nesterovs is the lookahead form. On f = x^2/2, lr = 0.1, mu = 0.5, x0 = 1: v1 =
     * -0.1, update 0 - 1.5 (-0.1) = 0.15, p1 = 0.85 (the Sutskever form's lookahead y2 = x1 + 0.5
     * (x1 - x0) with x1 = 0.9); v2 = -0.05 - 0.085 = -0.135, update 0.5 (-0.1) + 1.5 0.135 = 0.1525,
     * p2 = 0.6975 = y3 of the Sutskever form (x2 = 0.765).
     */
    @Test
    void nesterovsIsTheLookaheadForm() {
        GradientUpdater<?> u = updater(new Nesterovs(0.1, 0.5));
        double p1 = 1 - update(u, 1, 0);
        double p2 = p1 - update(u, p1, 1);
        assertThat(p1).isCloseTo(0.85, within(1e-15));
        assertThat(p2).isCloseTo(0.6975, within(1e-15));
    }

    /**
     * Not a defect: AdaDelta is Zeiler's Algorithm 1 with eps inside the roots. rho = 0.95,
     * eps = 1e-6, g = 1: E[g^2] = 0.05, move 1 sqrt(0 + 1e-6)/sqrt(0.05 + 1e-6); E[dx^2] = 0.05
     * move^2; g = 1 again: E[g^2] = 0.0975, move sqrt(E[dx^2] + 1e-6)/sqrt(0.0975 + 1e-6).
     */
    @Test
    void adaDeltaIsZeilersAlgorithmOne() {
        GradientUpdater<?> u = updater(new AdaDelta(0.95, 1e-6));
        double d1 = Math.sqrt(1e-6) / Math.sqrt(0.05 + 1e-6);
        assertThat(update(u, 1, 0)).isCloseTo(d1, within(1e-15));
        double edx = 0.05 * d1 * d1;
        assertThat(update(u, 1, 1)).isCloseTo(Math.sqrt(edx + 1e-6) / Math.sqrt(0.0975 + 1e-6), within(1e-15));
    }
}
