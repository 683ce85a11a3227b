package io.optcheck.method;

import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Num;
import java.util.Arrays;
import java.util.Objects;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The gradient flow x'(t) = -grad f(x(t)), sampled at the times t_k = k h: one "step" advances
 * the flow by h with Hipparchus's adaptive {@link DormandPrince853Integrator} (Dormand and
 * Prince 1980, the 8(5,3) embedded Runge-Kutta pair; Hairer, Norsett and Wanner, Solving
 * Ordinary Differential Equations I, sec. II.5 and II.10). It serves as the reference trajectory
 * that gradient descent with step eta = h (forward Euler on the same ODE) is compared with.
 *
 * <p>Tolerances: relative {@value #REL_TOL} per component, absolute 1e-6 {@value #REL_TOL}
 * max_i |x_i| at the start of the interval (relative control for every component above a
 * millionth of the largest), no step-size limits. For h L &lt;= 0.1 this leaves an error of at most 8 ulps of ||x|| per sample (measured
 * against the closed-form flow of quadratics in GradientFlowTest), i.e. at the rounding level,
 * far below the O(h) Euler error the flow is used to measure.
 *
 * <p>A fresh integrator is built for every step, so the method keeps no state outside
 * {@link State}. The ODE is autonomous, so each step integrates over [0, h] from the current
 * point. The oracle is called at every stage of the integrator (many gradient calls per step).
 * A non-finite gradient aborts the step (the runner's oracle check); an integrator failure
 * (step size underflow) propagates as an exception, which the runner records as an error.
 */
public record GradientFlow(double h) implements Method<GradientFlow.State> {

    /** The integrator's relative tolerance. */
    public static final double REL_TOL = 1e-14;

    /**
     * @param h the sampling interval (the GD step it is compared with), finite and &gt; 0
     * @throws IllegalArgumentException otherwise
     */
    public GradientFlow {
        MethodArgs.requirePositiveFinite(h, "h");
    }

    /** The sampling interval h. */
    public double interval() {
        return h;
    }

    @Override
    public String id() {
        return "gradient-flow";
    }

    @Override
    public State init(double[] x0) {
        MethodArgs.requireStart(x0);
        return new State(x0.clone(), 0, 0.0);
    }

    @Override
    public State step(State s, GradientOracle oracle) {
        int d = s.x.length;
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return d;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] g = new double[d];
                oracle.gradient(y, g);
                for (int i = 0; i < d; i++) {
                    g[i] = -g[i];
                }
                return g;
            }
        };
        double max = 0;
        for (double v : s.x) {
            max = Math.max(max, Math.abs(v));
        }
        // Absolute tolerance 1e-6 REL_TOL max|x_i|: relative control for every component above a
        // millionth of the largest one. A much smaller absolute tolerance (Double.MIN_NORMAL)
        // makes the integrator's initial step estimate overflow ((x'/tol)^2 = Infinity) for
        // components that are exactly 0, and the step becomes NaN.
        double absTol = Math.max(1e-6 * REL_TOL * max, Double.MIN_NORMAL);
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(0.0, Double.POSITIVE_INFINITY, absTol, REL_TOL);
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, s.x.clone()), h);
        return new State(end.getPrimaryState(), s.t + 1, (s.t + 1) * h);
    }

    @Override
    public String toString() {
        return "gradient flow (DormandPrince853, rel tol " + REL_TOL + ", sampled every " + Num.fmt(h) + ")";
    }

    /** x(t_k), k, and the time t_k = k h. */
    public static final class State extends IterateState {
        private final double time;

        private State(double[] owned, int t, double time) {
            super(owned, t);
            this.time = time;
        }

        /** The flow time t_k = k h of this state. */
        public double time() {
            return time;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && t == s.t && Arrays.equals(x, s.x) && Double.compare(time, s.time) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(x), t, time);
        }

        @Override
        public String toString() {
            return "gradient flow state k = " + t + ", time = " + Num.fmt(time) + ", x = " + Num.fmt(x);
        }
    }
}
