package io.optcheck.theory.conf;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.Precision;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.MethodState;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.GradientTape;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;

/**
 * conf.reference-equivalence: the method's steps match optcheck's reference implementation of
 * its declared kind, under its declared conventions
 * ({@link MethodProviders#reference(io.optcheck.api.MethodKind, java.util.Map)}), within a
 * relative tolerance of {@value #REL} per step over {@value #STEPS} steps, fed the same gradients
 * (open loop, {@link GradientTape}): at step t,
 * |x_t - x_t^ref|_inf &lt;= {@value #REL} sum_{s &lt;= t} (|x^ref_s-1|_inf + |x^ref_s - x^ref_s-1|_inf).
 * The 1e-12 is the conclusion's allowance (issue 6), not a rounding tolerance: implementations
 * that order their floating-point operations differently stay far below it (about 1e-16 per
 * step), while lr x (1 + 1e-6) is caught at the first step that moves.
 */
public final class ReferenceEquivalence extends ConformanceProperty {

    /** The relative allowance per step. */
    public static final double REL = 1e-12;
    /** Steps compared. */
    public static final int STEPS = 200;

    public ReferenceEquivalence(MethodProvider provider) {
        super("conf.reference-equivalence", provider);
    }

    @Override
    protected int steps() {
        return STEPS;
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return holdsOnly(regime, ConfGens.Options.plain());
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        Hyperparameters href = in.h();
        // Teeth: a reference whose step size is off by the factor (1 + eps).
        String lr = ConfGens.stepName(kind());
        href = href.with(lr, href.get(lr) * (1 + tighten()));
        MethodProvider reference = MethodProviders.reference(kind(), provider().conventions());
        // Open loop: the reference is fed the very gradients the method was given, step by step,
        // so the two differ only by the rounding of their own arithmetic. Compared on their own
        // iterates, a last-bit difference would be fed back through the objective and amplified
        // where the update is ill-conditioned (RMSProp at |g| near eps: 2.5e5 per step).
        GradientTape tape = new GradientTape(oracle(in));
        GradientOracle player = tape.player();
        Lockstep<?> ref = Lockstep.of(reference.create(href), in.x0());
        double[] path = new double[1];
        // The allowance follows the declared format: four orders of magnitude above its rounding.
        double rel = REL * provider().precision().epsilon() / Precision.FLOAT64.epsilon();
        return check(method(in.h()), tape.recorder(), in.q(), in.x0(), STEPS, (t, prev, cur, series) -> {
            double[] xrPrev = ref.x();
            double[] xr;
            try {
                xr = ref.step(player);
            } catch (IllegalStateException e) {
                return Check.atMost(
                        "reference made the same gradient calls (" + e.getMessage() + ")",
                        t,
                        Double.POSITIVE_INFINITY,
                        0,
                        0);
            }
            if (tape.pending() > 0) {
                return Check.atMost(
                        "gradient calls per step: the method made " + tape.pending() + " more than the reference",
                        t,
                        Double.POSITIVE_INFINITY,
                        0,
                        0);
            }
            double dev = 0;
            double step = 0;
            for (int i = 0; i < xr.length; i++) {
                double dv = Math.abs(cur[i] - xr[i]);
                dev = Double.isNaN(dv) ? Double.POSITIVE_INFINITY : Math.max(dev, dv);
                step = Math.max(step, Math.abs(xr[i] - xrPrev[i]));
            }
            path[0] += normInf(xrPrev) + step;
            series.point("max |x_t - x_t(reference)|", dev);
            return Check.atMost("max_i |x_t,i - x_t,i(reference on the same gradients)|", t, dev, rel * path[0], 0);
        });
    }

    /** The reference method advanced one step at a time beside the checked one. */
    private static final class Lockstep<S extends MethodState> {
        private final Method<S> method;
        private S state;

        private Lockstep(Method<S> method, double[] x0) {
            this.method = method;
            this.state = method.init(x0);
        }

        static <S extends MethodState> Lockstep<S> of(Method<S> m, double[] x0) {
            return new Lockstep<>(m, x0);
        }

        double[] x() {
            return state.x();
        }

        double[] step(GradientOracle o) {
            state = method.step(state, o);
            return state.x();
        }
    }
}
