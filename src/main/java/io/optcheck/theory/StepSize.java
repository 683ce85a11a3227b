package io.optcheck.theory;

import io.optcheck.api.Precision;
import java.math.BigDecimal;

/** Step sizes given as a fraction of 1/L, rounded so that the assumption they encode holds exactly. */
public final class StepSize {

    private StepSize() {}

    /**
     * eta = h / L, rounded down where needed so that eta L &lt;= h holds in exact arithmetic. The
     * division alone may round eta up, and an instance meant to have eta = 1/L would then violate
     * eta &lt;= 1/L by an ulp (an exact recheck in a full run found such a case). NaN or
     * non-positive inputs give the plain quotient.
     */
    public static double fractionOf(double h, double l) {
        double eta = h / l;
        if (!(h > 0) || !(l > 0) || !Double.isFinite(eta) || eta == 0) {
            return eta;
        }
        BigDecimal bh = new BigDecimal(h);
        BigDecimal bl = new BigDecimal(l);
        while (new BigDecimal(eta).multiply(bl).compareTo(bh) > 0) {
            eta = Math.nextDown(eta);
        }
        return eta;
    }

    /**
     * THEOREMS.md, Numerics, "Representable instances", for step sizes: a theorem about a step
     * eta &gt; 0 whose generator (or the shrinker) drove the step to 0 or into the subnormal range
     * (h = 4.9e-324, or h / L below 2^-1022) has no instance there. The try has no verdict: it is
     * rejected and counted ({@code noVerdictTries}), never an error or a violation.
     *
     * @param name the step size's name, for the rejection reason
     * @throws Unrepresentable when {@code eta} is 0 (either sign) or subnormal
     */
    public static void requireRepresentable(String name, double eta) {
        requireRepresentable(name, eta, Precision.FLOAT64);
    }

    /**
     * As {@link #requireRepresentable(String, double)}, for a method computing in {@code p}: a step
     * size below p's smallest normal number (2^-126 for float32 and bfloat16) is not a step of that
     * method either.
     */
    public static void requireRepresentable(String name, double eta, Precision p) {
        if (eta >= 0 && eta < p.minNormal()) {
            throw new Unrepresentable(name, eta, p);
        }
    }

    /** A chosen step size that is 0 or subnormal: the try has no verdict. */
    public static final class Unrepresentable extends RuntimeException {
        Unrepresentable(String name, double eta, Precision p) {
            super(
                    "step size " + name + " = " + eta + " is not a positive normal "
                            + (p == Precision.FLOAT64 ? "double" : p.id() + " number")
                            + " (THEOREMS.md Numerics, representable instances)",
                    null,
                    false,
                    false);
        }
    }
}
