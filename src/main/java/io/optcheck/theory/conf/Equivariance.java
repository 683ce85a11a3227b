package io.optcheck.theory.conf;

import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Matrices;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.util.Optional;

/**
 * Translation and rotation equivariance of the kinds whose update is a linear combination of
 * gradients and iterates with scalar coefficients (GD, heavy ball, Nesterov, SGD): run A
 * minimizes f from x0, run B minimizes f(T^-1 y) from T x0, and T x_t^A = x_t^B at every step,
 * where T y = y + c (conf.translation-equivariance) or T y = Q y with a random orthogonal Q
 * (conf.rotation-equivariance). Coordinate-wise normalizing kinds (Adam, AdaGrad, RMSProp,
 * signSGD) are not rotation equivariant, and near a minimizer they amplify the rounding of
 * x + c without bound, so both properties are not applicable to them.
 *
 * <p>Tolerance: the two runs round differently (x + c, Q x and the rotated H are rounded), by
 * a few ulps of s_t = |y_t-1| + |x*_B| + |y_t - y_t-1| (+ |c|) per step. A rounding error
 * injected at step s reaches step t multiplied by the impulse response of the method's linear
 * recursion, at most G = 1 for GD and SGD (lr lambda in (0, 1]), 1/(1 - momentum) for heavy
 * ball and constant-momentum Nesterov, and t + 1 for Nesterov's lambda sequence (momentum
 * tending to 1). A run that moves away from x* (a method that does not behave as its kind)
 * amplifies earlier rounding as fast as its own distance to x* grows, so G is multiplied by
 * max(1, ||x_t - x*|| / min_{s &lt; t} ||x_s - x*||). So
 * tol_t = Tolerance.of(G growth_t sum_{s &lt;= t} s_s, d).
 */
public final class Equivariance extends ConformanceProperty {

    private final boolean rotation;

    /** Translation equivariance. */
    public static Equivariance translation(MethodProvider provider) {
        return new Equivariance(provider, false);
    }

    /** Rotation equivariance. */
    public static Equivariance rotation(MethodProvider provider) {
        return new Equivariance(provider, true);
    }

    private Equivariance(MethodProvider provider, boolean rotation) {
        super(rotation ? "conf.rotation-equivariance" : "conf.translation-equivariance", provider);
        this.rotation = rotation;
    }

    @Override
    protected Optional<String> applicability(Regime regime) {
        if (ConfGens.NORMALIZED.contains(kind())) {
            return Optional.of("kind " + kind().id() + " normalizes each gradient coordinate: "
                    + (rotation
                            ? "its update is not rotation equivariant (coordinates are treated separately)"
                            : "near a minimizer it amplifies the rounding of x + c without bound, so no finite tolerance follows from the model")
                    + "; the property applies to GD, heavy ball, Nesterov and SGD");
        }
        return Optional.empty();
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return holdsOnly(
                regime, new ConfGens.Options(false, false, false, false, !rotation, rotation, false, false, false));
    }

    /** The bound on how much the method's recursion amplifies an error injected earlier. */
    double gain(ConfInstance in, int t) {
        MethodKind k = kind();
        return switch (k) {
            case HEAVY_BALL, NESTEROV_CONSTANT -> 1 / (1 - in.h().get("momentum"));
            case NESTEROV -> t + 1;
            default -> 1;
        };
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        int d = in.dimension();
        Trajectory a = run(method(in.h()), oracle(in), in.x0(), steps());
        double[] xsB;
        double[] x0B;
        Quadratic qB;
        if (rotation) {
            double[][] rq = in.rot();
            double[][] basisB = in.basis() == null ? rq : Matrices.times(rq, in.basis());
            xsB = Matrices.times(rq, in.xs());
            x0B = Matrices.times(rq, in.x0());
            qB = in.quadratic(basisB, xsB);
        } else {
            xsB = Vectors.plus(in.xs(), in.vec());
            x0B = Vectors.plus(in.x0(), in.vec());
            qB = in.quadratic(in.basis(), xsB);
        }
        double c = rotation ? 0 : normInf(in.vec());
        double xsNorm = rotation ? norm2(xsB) : normInf(xsB);
        double[] path = new double[1];
        double[] closest = {Double.POSITIVE_INFINITY};
        return check(method(in.h()), new ExactOracle(qB), qB, x0B, a.steps(), (t, prev, cur, series) -> {
            double[] target = rotation ? Matrices.times(in.rot(), a.x(t)) : Vectors.plus(a.x(t), in.vec());
            target = moved(target);
            double[] diff = new double[d];
            double[] step = new double[d];
            for (int i = 0; i < d; i++) {
                diff[i] = cur[i] - target[i];
                step[i] = cur[i] - prev[i];
            }
            double dev = rotation ? norm2(diff) : normInf(diff);
            if (Double.isNaN(dev)) {
                dev = Double.POSITIVE_INFINITY;
            }
            path[0] += rotation ? norm2(prev) + xsNorm + norm2(step) : normInf(prev) + xsNorm + normInf(step) + c;
            // A run that moves away from x* (a method that does not behave as its kind, or an
            // unstable one) amplifies earlier rounding as fast as it amplifies its own distance.
            double dist = distance(prev, xsB);
            closest[0] = Math.min(closest[0], dist);
            double growth = closest[0] > 0 ? Math.max(1, distance(cur, xsB) / closest[0]) : 1;
            double tol = Tolerance.of(gain(in, t) * growth * path[0], d);
            series.point(rotation ? "|x_t(B) - Q x_t(A)|" : "max |x_t(B) - c - x_t(A)|", dev);
            return Check.atMost(
                    rotation ? "||x_t(rotated) - Q x_t||_2" : "max_i |x_t,i(translated) - c_i - x_t,i|",
                    t,
                    dev,
                    0,
                    tol);
        });
    }
}
