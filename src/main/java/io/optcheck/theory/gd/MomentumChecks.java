package io.optcheck.theory.gd;

import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Check;
import io.optcheck.theory.Tolerance;
import java.math.BigDecimal;

/** Shared pieces of the momentum theorems' checks. */
final class MomentumChecks {

    private MomentumChecks() {}

    /**
     * f(x_t) - f* &lt;= bound, with the tolerance scale valueScale(x_t) + |f*| + bound +
     * ||grad f(x_t)|| (||x_t|| + ||x_t-1||): the last term is what the rounding of the iterate (which
     * combines x_t-1, the step and the momentum term) can move f by.
     */
    static Check gapAtMost(
            Objective f, double fStar, int t, double[] prev, double[] cur, double bound, double runScale) {
        double gap = f.value(cur) - fStar;
        double scale = f.valueScale(cur)
                + Math.abs(fStar)
                + Math.abs(bound)
                + Vectors.norm(f.gradient(cur)) * (Vectors.norm(cur) + Vectors.norm(prev));
        if (bound == 0) {
            scale = Math.max(scale, runScale);
        }
        Check c = Check.atMost("f(x_t) - f*", t, gap, bound, Tolerance.of(scale, cur.length));
        return HighPrecision.valueModel(f)
                .map(m -> c.withExact(
                        m.precision() + AT_ITERATES,
                        () -> m.value()
                                        .apply(cur)
                                        .subtract(new BigDecimal(fStar))
                                        .compareTo(new BigDecimal(bound))
                                <= 0))
                .orElse(c);
    }

    /** What a recheck on the recorded iterates rules out, for the report. */
    static final String AT_ITERATES =
            ", f at the recorded iterates against the bound as computed: the check's rounding is ruled out, the method's is not";

    /**
     * f(x_t) - f(x_t-1) &lt;= 0 (monotone decrease), with an absolute tolerance on the magnitudes f's
     * evaluation adds up ({@link Objective#valueScale}) and the iterates' rounding.
     */
    static Check increaseAtMostZero(Objective f, int t, double[] prev, double[] cur, double runScale) {
        double f1 = f.value(cur);
        double f0 = f.value(prev);
        double scale = f.valueScale(cur)
                + f.valueScale(prev)
                + Vectors.norm(f.gradient(cur)) * (Vectors.norm(cur) + Vectors.norm(prev))
                + Vectors.norm(f.gradient(prev)) * Vectors.norm(prev);
        Check c = Check.atMost("f(x_t) - f(x_t-1)", t, f1 - f0, 0, Tolerance.of(Math.max(scale, 0), cur.length));
        return HighPrecision.valueModel(f)
                .map(m -> c.withExact(
                        m.precision() + AT_ITERATES,
                        () -> m.value().apply(cur).compareTo(m.value().apply(prev)) <= 0))
                .orElse(c);
    }
}
