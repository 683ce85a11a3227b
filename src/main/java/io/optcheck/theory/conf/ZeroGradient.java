package io.optcheck.theory.conf;

import io.optcheck.method.MethodProvider;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;

/**
 * conf.zero-gradient: from a fresh state at a point where the gradient is exactly 0, with weight
 * decay 0, no method of any kind moves (THEOREMS.md section 4: "with g = 0 and no weight decay,
 * nothing moves"; for GD, momentum and Nesterov it follows from x+ = x - lr 0 with zero initial
 * momentum). Checked bit for bit: x_t = x_0 at every step.
 */
public final class ZeroGradient extends ConformanceProperty {

    public ZeroGradient(MethodProvider provider) {
        super("conf.zero-gradient", provider);
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return holdsOnly(regime, new ConfGens.Options(true, false, true, false, false, false, false, false, false));
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        // Quadratic.fromSpectrum/diagonal build b = H x* with the gradient's own loop, so grad f(x0) = 0 exactly.
        double[] target = moved(in.x0());
        return check(
                method(in.h()),
                oracle(in),
                in.q(),
                in.x0(),
                steps(),
                (t, prev, cur, series) -> bitIdentity("max_i |x_t,i - x_0,i|", t, cur, target));
    }
}
