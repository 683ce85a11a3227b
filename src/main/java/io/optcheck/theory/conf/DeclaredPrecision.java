package io.optcheck.theory.conf;

import io.optcheck.api.Precision;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodProviders;
import io.optcheck.method.Trajectory;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import java.util.Optional;

/**
 * conf.declared-precision: a method that declares a format computes in it. Fails with the
 * evidence when every iterate of a generated run is a number of the next lower format (float32
 * below float64, bfloat16 below float32) and stays within that format's rounding of the float64
 * reference of the declared kind (same instance, exact gradients), while the reference's own
 * iterates leave that format's grid at some step. A method whose iterates leave the reference by
 * more computes another update: conf.reference-equivalence reports that, and this check holds.
 */
public final class DeclaredPrecision extends ConformanceProperty {

    public DeclaredPrecision(MethodProvider provider) {
        super("conf.declared-precision", provider);
    }

    /** The next lower format of a declared one, or empty for bfloat16. */
    static Optional<Precision> lower(Precision declared) {
        return switch (declared) {
            case FLOAT64 -> Optional.of(Precision.FLOAT32);
            case FLOAT32 -> Optional.of(Precision.BFLOAT16);
            case BFLOAT16 -> Optional.empty();
        };
    }

    @Override
    protected ConfGens.Options options(Regime regime) {
        return holdsOnly(regime, ConfGens.Options.plain());
    }

    @Override
    protected Optional<String> applicability(Regime regime) {
        Precision declared = provider().precision();
        return lower(declared).isPresent()
                ? Optional.empty()
                : Optional.of(
                        provider().id() + " declares " + declared.id() + ", which has no lower format to tell apart");
    }

    @Override
    public Evaluation evaluate(ConfInstance in, Regime r) {
        Precision lower = lower(provider().precision()).orElseThrow();
        // Teeth: the method's iterates tested against float64, which every double passes.
        Precision methodTest = tighten() != 0 ? Precision.FLOAT64 : lower;
        Trajectory ref = run(
                MethodProviders.reference(kind(), provider().conventions()).create(in.h()),
                oracle(in),
                in.x0(),
                steps());
        int refOff = 0;
        for (int t = 1; t <= ref.steps(); t++) {
            if (!onGrid(lower, ref.x(t))) {
                refOff++;
            }
        }
        int referenceOff = refOff;
        int[] methodOn = {0};
        boolean[] follows = {true};
        double[] path = {0};
        // The lower format's rounding of the reference's update, accumulated as in
        // conf.reference-equivalence: a method that computes the same update in that format stays
        // within it, a method with another update (which reference-equivalence reports) does not.
        double rel = 8 * lower.epsilon();
        return check(method(in.h()), oracle(in), in.q(), in.x0(), steps(), (t, prev, cur, series) -> {
            series.point("coordinates of x_t that are " + lower.id() + " numbers", count(lower, cur));
            if (t <= ref.steps()) {
                double[] xr = ref.x(t);
                double[] xrPrev = ref.x(t - 1);
                series.point("same, float64 reference", count(lower, xr));
                double dev = 0;
                double step = 0;
                for (int i = 0; i < xr.length; i++) {
                    dev = Math.max(dev, Math.abs(cur[i] - xr[i]));
                    step = Math.max(step, Math.abs(xr[i] - xrPrev[i]));
                }
                path[0] += normInf(xrPrev) + step;
                follows[0] &= dev <= rel * path[0] + t * lower.ulp(0);
            } else {
                follows[0] = false;
            }
            if (onGrid(methodTest, cur)) {
                methodOn[0]++;
            }
            boolean last = t == steps();
            // Decided at the last step: every iterate so far on the lower grid and within that format's
            // rounding of the reference, whose own iterates leave the grid.
            double observed = last && methodOn[0] == steps() && referenceOff > 0 && follows[0] ? 1 : 0;
            return Check.atMost(
                    "every x_1..x_T is a " + lower.id() + " number within " + lower.id()
                            + " rounding of the reference (1 = yes), while the reference leaves that grid at "
                            + referenceOff + " of " + steps() + " steps",
                    t,
                    observed,
                    0,
                    0);
        });
    }

    private static boolean onGrid(Precision p, double[] x) {
        for (double v : x) {
            if (!p.represents(v)) {
                return false;
            }
        }
        return true;
    }

    private static int count(Precision p, double[] x) {
        int n = 0;
        for (double v : x) {
            if (p.represents(v)) {
                n++;
            }
        }
        return n;
    }
}
