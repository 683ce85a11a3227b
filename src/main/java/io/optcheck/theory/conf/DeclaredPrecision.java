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
 * below float64, bfloat16 below float32) while the float64 reference of the declared kind, on the
 * same instance and exact gradients, leaves that format's grid at some step.
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
        return check(method(in.h()), oracle(in), in.q(), in.x0(), steps(), (t, prev, cur, series) -> {
            series.point("coordinates of x_t that are " + lower.id() + " numbers", count(lower, cur));
            if (t <= ref.steps()) {
                series.point("same, float64 reference", count(lower, ref.x(t)));
            }
            if (onGrid(methodTest, cur)) {
                methodOn[0]++;
            }
            boolean last = t == steps();
            // Decided at the last step: every iterate so far on the lower grid, the reference not.
            double observed = last && methodOn[0] == steps() && referenceOff > 0 ? 1 : 0;
            return Check.atMost(
                    "every x_1..x_T is a " + lower.id() + " number (1 = yes) while the reference leaves that grid at "
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
