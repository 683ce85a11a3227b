package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import java.util.Objects;

/**
 * Nesterov's accelerated gradient method for smooth convex f (Nesterov 1983, "A method for
 * solving the convex programming problem with convergence rate O(1/k^2)"), in the two forms
 * PEPit checks (accelerated_gradient_convex and its simplified variant), indexed as in the
 * catalog's theorem sheet. With step eta (1/L in the theorem):
 *
 * <pre>
 *   y_1 = x_0;   x_t = y_t - eta grad f(y_t);   y_{t+1} = x_t + m_t (x_t - x_{t-1})
 * </pre>
 *
 * <ul>
 *   <li>{@link Form#LAMBDA}: m_t = (lambda_t - 1)/lambda_{t+1}, lambda_1 = 1,
 *       lambda_{t+1} = (1 + sqrt(4 lambda_t^2 + 1))/2. The state at t = 0 holds lambda_0 = 0,
 *       which the same recurrence maps to lambda_1 = 1;</li>
 *   <li>{@link Form#SIMPLIFIED}: m_t = (t - 1)/(t + 2), t = 1, 2, ..., so the first momentum is
 *       0 (PEPit's i/(i+3) for i = t - 1).</li>
 *   <li>{@link Form#SIMPLIFIED_T_FROM_1}: the same formula with t counting the steps from 1, so
 *       the momentum applied in step k is (k - 1)/(k + 2): 0 in step 1, 1/4 in step 2 (where
 *       {@link Form#SIMPLIFIED} gives 0), 2/5 in step 3. A variant found in implementations that
 *       index the momentum by the number of the step about to be taken; it is declared with the
 *       convention {@code nesterov-form = simplified-t-from-1}.</li>
 * </ul>
 * In both forms y_1 = x_0 because x_0 - x_{-1} = 0 (x_{-1} = x_0) and m_1 = 0, so x_1 is a plain
 * gradient step. x_t, the iterate after t gradients, is what the state reports. One gradient
 * call per step; non-finite gradients or iterates end the run in the {@link Runner}.
 */
public record NesterovAcceleratedGradient(double eta, Form form) implements Method<MomentumState> {

    /** Which momentum sequence. */
    public enum Form {
        LAMBDA,
        SIMPLIFIED,
        SIMPLIFIED_T_FROM_1
    }

    /**
     * @param eta step size, finite and {@code > 0}
     * @param form the momentum sequence
     * @throws IllegalArgumentException for a NaN, infinite or non-positive step
     */
    public NesterovAcceleratedGradient {
        MethodArgs.requirePositiveFinite(eta, "eta");
        form = Objects.requireNonNull(form, "form");
    }

    @Override
    public String id() {
        return switch (form) {
            case LAMBDA -> "nesterov";
            case SIMPLIFIED -> "nesterov-simplified";
            case SIMPLIFIED_T_FROM_1 -> "nesterov-simplified-t-from-1";
        };
    }

    /** lambda_{t+1} from lambda_t. */
    public static double nextLambda(double lambda) {
        return (1 + Math.sqrt(4 * lambda * lambda + 1)) / 2;
    }

    @Override
    public MomentumState init(double[] x0) {
        return MomentumState.initial(x0, form == Form.LAMBDA ? 0.0 : Double.NaN);
    }

    @Override
    public MomentumState step(MomentumState s, GradientOracle oracle) {
        int t = s.t();
        double m;
        double lambdaNext = Double.NaN;
        if (form == Form.LAMBDA) {
            lambdaNext = nextLambda(s.sequence());
            m = t == 0 ? 0 : (s.sequence() - 1) / lambdaNext;
        } else if (form == Form.SIMPLIFIED) {
            m = t == 0 ? 0 : (t - 1.0) / (t + 2.0);
        } else {
            // step k = t + 1: (k - 1)/(k + 2) = t/(t + 3)
            m = t / (t + 3.0);
        }
        double[] y = s.extrapolate(m);
        double[] g = new double[y.length];
        oracle.gradient(y, g);
        double[] next = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            next[i] = y[i] - eta * g[i];
        }
        return new MomentumState(next, s.xRef(), t + 1, lambdaNext, eta);
    }

    @Override
    public String toString() {
        return id() + "(eta = " + Num.fmt(eta) + ")";
    }
}
