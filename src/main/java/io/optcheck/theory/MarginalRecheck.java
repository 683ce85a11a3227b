package io.optcheck.theory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The higher-precision recheck of marginal results (THEOREMS.md, Numerics): the check that
 * decides a result (its violation, or its worst check when it held) is re-evaluated in higher
 * precision when it lies within {@value #ULPS} ulps of its bound, and classified:
 *
 * <ul>
 *   <li>{@code real}: the higher-precision evaluation agrees with the double one (a violation is
 *       a violation of the real-number statement; a near-tight hold holds exactly);</li>
 *   <li>{@code rounding}: it disagrees (the double verdict was decided by rounding);</li>
 *   <li>{@code not rechecked}: the theorem has no higher-precision model of this instance
 *       (the record says so, with the reason), so the double verdict stands unconfirmed.</li>
 * </ul>
 * The evaluation comes from the check's own site ({@link Check#withExact}, which sees the
 * iterates the check saw) or else from the theorem ({@link Theorem#exactlyHolds}, which reruns the
 * instance); this class decides what is marginal and how the outcome is recorded. Checks already decided by an exact recheck (the
 * within-tolerance rule of {@link Check#marginal()}) are recorded the same way.
 */
public final class MarginalRecheck {

    private MarginalRecheck() {}

    /** A check within this many ulps of its bound is rechecked. */
    public static final double ULPS = 1e3;

    /** |observed - bound| in ulps of max(|observed|, |bound|); NaN when undefined. */
    public static double ulpsFromBound(Check c) {
        double scale = Math.max(Math.abs(c.observed()), Math.abs(c.bound()));
        if (!Double.isFinite(scale) || !Double.isFinite(c.slack())) {
            return Double.NaN;
        }
        return Math.abs(c.slack()) / Math.ulp(scale == 0 ? Double.MIN_VALUE : scale);
    }

    /** True when the check lies within {@link #ULPS} ulps of its bound (held or violated). */
    public static boolean marginal(Check c) {
        double u = ulpsFromBound(c);
        return c.step() >= 1 && u <= ULPS || c.rechecked();
    }

    /**
     * The recheck record of a result whose decisive check is {@code decisive} on {@code instance},
     * or null when the check is not marginal.
     */
    public static <I> Map<String, Object> of(Theorem<I> theorem, I instance, Regime regime, Check decisive) {
        if (decisive == null || instance == null || !marginal(decisive)) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quantity", decisive.quantity());
        m.put("step", decisive.step());
        m.put("observed", decisive.observed());
        m.put("bound", decisive.bound());
        m.put("ulpsFromBound", ulpsFromBound(decisive));
        // The double comparison without tolerance: what rounding alone says.
        boolean floatHolds = decisive.direction() == Check.Direction.AT_MOST
                ? decisive.observed() <= decisive.bound()
                : decisive.observed() >= decisive.bound();
        m.put("doubleVerdict", floatHolds ? "holds" : "violated");
        Optional<Boolean> exact;
        String precision;
        try {
            if (decisive.rechecked()) {
                // Decided at its site by the exact recheck (the within-tolerance rule): its verdict is
                // the higher-precision one.
                exact = Optional.of(decisive.ok());
                precision = decisive.exact() != null ? decisive.exact().precision() : theorem.recheckPrecision();
            } else if (decisive.exact() != null) {
                exact = Optional.of(decisive.exact().holds().getAsBoolean());
                precision = decisive.exact().precision();
            } else {
                exact = theorem.exactlyHolds(instance, regime, decisive);
                precision = theorem.recheckPrecision();
            }
        } catch (RuntimeException e) {
            exact = Optional.empty();
            precision = null;
            m.put("reason", "the higher-precision evaluation failed: " + e);
        }
        if (exact.isEmpty()) {
            m.put("classification", "not rechecked");
            m.putIfAbsent("reason", "no higher-precision model of this theorem's instances");
            return m;
        }
        m.put("precision", precision);
        m.put("exactVerdict", exact.get() ? "holds" : "violated");
        m.put("classification", exact.get() == floatHolds ? "real" : "rounding");
        return m;
    }
}
