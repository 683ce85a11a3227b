package io.optcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

/**
 * The third-party findings, reproduced by hand: Tribuo 4.3.2 called directly (no optcheck
 * adapter, no property engine), on f(x) = (c/2) x^2 in one dimension, with the expected numbers
 * worked out from the papers in the comments. Tribuo maximizes, so it is fed the ascent direction
 * -f'(x) = -c x and its returned update is added to x.
 */
class TribuoHandReproductionTest {

    /** One Tribuo step on f = (c/2) x^2 at x: returns x + update(-c x). */
    private static double step(StochasticGradientOptimiser o, double c, double x) {
        Tensor[] u = o.step(new Tensor[] {DenseVector.createDenseVector(new double[] {-c * x})}, 1.0);
        return x + ((DenseVector) u[0]).get(0);
    }

    private static <T extends StochasticGradientOptimiser> T init(T o) {
        o.initialise(new OneVectorParameters(1));
        return o;
    }

    /**
     * DEFECT in Tribuo 4.3.2's Adam (fixed upstream by oracle/tribuo pull request 401, "the optimizer
     * was multiplying by the squared gradient accumulator rather than dividing by it").
     * Kingma &amp; Ba, Algorithm 1, lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, x0 = 1, g = 1:
     * m^ = 1, v^ = 1, x1 = 1 - 0.1 / (1 + 1e-8) = 0.9 (to 1e-9). Tribuo: lr_1 = 0.1 sqrt(0.001)/0.1,
     * update = lr_1 m (sqrt(v) + eps) = sqrt(0.001) (-0.1) (sqrt(0.001) + 1e-8) = -1.0000003e-4,
     * so x1 = 0.9999.
     */
    @Test
    void adamMultipliesBySqrtOfSecondMomentWhereKingmaBaDivides() {
        Adam adam = init(new Adam(0.1, 0.9, 0.999, 1e-8));
        double x1 = step(adam, 1, 1);
        assertThat(x1).isCloseTo(0.9999, within(1e-9));
        double kingmaBa = 1 - 0.1 * (0.1 / 0.1) / (Math.sqrt(0.001 / 0.001) + 1e-8);
        assertThat(kingmaBa).isCloseTo(0.9, within(1e-8));
        // The move is 1e-4 where Kingma & Ba move by lr = 0.1: 1000 times too small.
        assertThat((1 - kingmaBa) / (1 - x1)).isCloseTo(1000, within(1e-2));
    }

    /**
     * The same defect seen as a broken invariance (adapt.scale-invariance): Adam's first step is
     * lr sign(g) whatever the gradient scale; Tribuo's is proportional to g |g|, so multiplying
     * the gradient by 10 multiplies its first move by 100.
     */
    @Test
    void adamFirstStepScalesWithTheSquareOfTheGradient() {
        double move1 = 1 - step(init(new Adam(0.1, 0.9, 0.999, 1e-8)), 1, 1);
        double move10 = 1 - step(init(new Adam(0.1, 0.9, 0.999, 1e-8)), 10, 1);
        assertThat(move10 / move1).isCloseTo(100, within(1e-3));
    }

    /**
     * Not a defect: constant-rate SGD with Momentum.STANDARD is Polyak's heavy ball. On c = 1,
     * lr = 0.1, rho = 0.5, x0 = 1: x1 = 1 - 0.1 = 0.9; x2 = 0.9 - 0.09 + 0.5 (0.9 - 1) = 0.76.
     */
    @Test
    void sgdStandardMomentumIsHeavyBall() {
        SGD sgd = init(SGD.getSimpleSGD(0.1, 0.5, SGD.Momentum.STANDARD));
        double x1 = step(sgd, 1, 1);
        double x2 = step(sgd, 1, x1);
        assertThat(x1).isCloseTo(0.9, within(1e-15));
        assertThat(x2).isCloseTo(0.76, within(1e-15));
    }

    /**
     * CONVENTION: Momentum.NESTEROV stores the lookahead point. Sutskever form on c = 1, lr = 0.1,
     * beta = 0.5, x0 = x_{-1} = 1: x1 = 1 - 0.1 = 0.9; its lookahead y2 = x1 + 0.5 (x1 - x0) = 0.85.
     * Tribuo's first iterate is 0.85 = y2 (buf = 1, p1 = 1 - 0.1 (1 + 0.5)), not x1 = 0.9.
     * Second step: Sutskever x2 = y2 - 0.1 y2 = 0.765, y3 = x2 + 0.5 (x2 - x1) = 0.6975; Tribuo
     * p2 = 0.85 - 0.1 (0.85 + 0.5 (0.5 + 0.85)) = 0.6975.
     */
    @Test
    void sgdNesterovMomentumIsTheLookaheadForm() {
        SGD sgd = init(SGD.getSimpleSGD(0.1, 0.5, SGD.Momentum.NESTEROV));
        double p1 = step(sgd, 1, 1);
        double p2 = step(sgd, 1, p1);
        assertThat(p1).isCloseTo(0.85, within(1e-15));
        assertThat(p2).isCloseTo(0.6975, within(1e-15));
    }

    /**
     * Not a defect: AdaGrad with eps outside the square root. lr = 0.1, eps = 1e-6, x0 = 1, c = 1:
     * G = 1, x1 = 1 - 0.1/(1 + 1e-6); G = 1 + x1^2, x2 = x1 - 0.1 x1/(1e-6 + sqrt(G)).
     */
    @Test
    void adaGradMatchesDuchiHazanSinger() {
        AdaGrad ada = init(new AdaGrad(0.1, 1e-6));
        double x1 = step(ada, 1, 1);
        double x2 = step(ada, 1, x1);
        double e1 = 1 - 0.1 / (1 + 1e-6);
        assertThat(x1).isCloseTo(e1, within(1e-15));
        assertThat(x2).isCloseTo(e1 - 0.1 * e1 / (1e-6 + Math.sqrt(1 + e1 * e1)), within(1e-15));
    }

    /**
     * DEFECT (minor): AdaGrad.copy() drops the initial accumulator value (it calls the two-argument
     * constructor), so a copied optimiser does not take the same steps. With initialValue = 1,
     * lr = 0.1, eps = 0, x0 = 1: G = 1 + 1 = 2, x1 = 1 - 0.1/sqrt(2) = 0.92929; the copy has G = 1
     * and x1 = 0.9.
     */
    @Test
    void adaGradCopyForgetsTheInitialAccumulatorValue() {
        AdaGrad original = new AdaGrad(0.1, 0, 1.0);
        double x1 = step(init(original), 1, 1);
        double x1copy = step(init(original.copy()), 1, 1);
        assertThat(x1).isCloseTo(1 - 0.1 / Math.sqrt(2), within(1e-15));
        assertThat(x1copy).isCloseTo(0.9, within(1e-15));
    }

    /**
     * Not a defect: RMSProp without bias correction, eps outside the root. lr = 0.01, rho = 0.9,
     * eps = 1e-8, x0 = 1: v = 0.1, x1 = 1 - 0.01/(sqrt(0.1) + 1e-8).
     */
    @Test
    void rmsPropMatchesTielemanHinton() {
        RMSProp rms = init(new RMSProp(0.01, 0.9, 1e-8, 0.0));
        double x1 = step(rms, 1, 1);
        assertThat(x1).isCloseTo(1 - 0.01 / (Math.sqrt(0.1) + 1e-8), within(1e-15));
    }

    /**
     * DEFECT (minor, outside Tribuo's defaults): AdaGrad and RMSProp at eps = 0 turn a zero
     * gradient into NaN: the accumulator stays 0 and the update is 0 * (lr / (0 + sqrt(0))) =
     * 0 * Infinity. Kingma-style implementations (and optcheck's references) treat a zero gradient
     * as no move. With Tribuo's default eps (1e-6, 1e-8) the update is 0.
     */
    @Test
    void zeroGradientAtEpsZeroIsNaN() {
        Tensor[] zero = {DenseVector.createDenseVector(new double[] {0})};
        Tensor[] u1 = init(new AdaGrad(0.1, 0)).step(zero, 1.0);
        assertThat(((DenseVector) u1[0]).get(0)).isNaN();
        Tensor[] zero2 = {DenseVector.createDenseVector(new double[] {0})};
        Tensor[] u2 = init(new RMSProp(0.1, 0.9, 0, 0)).step(zero2, 1.0);
        assertThat(((DenseVector) u2[0]).get(0)).isNaN();
        Tensor[] zero3 = {DenseVector.createDenseVector(new double[] {0})};
        Tensor[] u3 = init(new AdaGrad(0.1)).step(zero3, 1.0);
        assertThat(((DenseVector) u3[0]).get(0)).isEqualTo(0.0);
    }

    /**
     * The Adam defect makes the update grow like g |g|: on f = x^2/2 from x0 = 2 with lr = 1,
     * b1 = b2 = 0, eps = 0.01 (the conf.robustness counterexample), Tribuo's update is
     * -x (|x| + 0.01) (lr_t = 1), so x1 = 2 - 2 * 2.01 = -2.02 and |x| roughly squares each step:
     * it overflows to infinity within 14 steps, where Adam moves by lr = 1 per step.
     */
    @Test
    void adamDivergesToInfinityFromFiniteInputs() {
        Adam adam = init(new Adam(1, 0, 0, 0.01));
        double x = 2;
        x = step(adam, 1, x);
        assertThat(x).isCloseTo(-2.02, within(1e-12));
        int t = 1;
        while (Double.isFinite(x) && t < 100) {
            x = step(adam, 1, x);
            t++;
        }
        assertThat(x).isInfinite();
        assertThat(t).isLessThanOrEqualTo(14);
    }

    /**
     * Why conf.reference-equivalence flags Tribuo's RMSProp (an optcheck defect, not Tribuo's):
     * the same RMSProp step in two orders of operations, x - (lr g)/(sqrt(v) + eps) (optcheck's
     * reference) and x + (-g) (lr/(eps + sqrt(v))) (Tribuo), run closed loop from x0 = 1e-4 with
     * lr = 1e-4, rho = 0, eps = 1e-10 on f = x^2/2. Step 1 agrees to the last bit of 1e-4 but
     * leaves x1 ~ 1e-10 by cancellation; step 2 amplifies the last-bit difference by
     * lr eps/(|g| + eps)^2 = 2.5e5, to about 3.4e-15: 13 times the 1e-12 relative bound.
     */
    @Test
    void rmsPropRoundingIsAmplifiedNearGradientEqualsEps() {
        double lr = 1e-4;
        double eps = 1e-10;
        double a = 1e-4;
        double b = 1e-4;
        for (int t = 0; t < 2; t++) {
            double va = a * a;
            double vb = b * b;
            a = a - (lr * a) / (Math.sqrt(va) + eps);
            b = b + (-b) * (lr / (eps + Math.sqrt(vb)));
        }
        double diff = Math.abs(a - b);
        assertThat(diff).isGreaterThan(1e-15).isLessThan(1e-14);
        assertThat(diff / 2.5e-16).isGreaterThan(1);
    }
}
