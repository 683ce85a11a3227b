package io.optcheck.theory;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableOptimizer.Range;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.plugin.PluginProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule that keeps every theorem inside a method's declared hyperparameter ranges
 * ({@link io.optcheck.api.PluggableOptimizer#hyperparameterRanges()}): no theorem and no
 * conformance property runs a plug-in on a value outside them.
 * <ul>
 *   <li>A regime whose assumptions fix a hyperparameter ({@code eps-zero}: eps = 0,
 *       {@code no-weight-decay}: wd = 0, see {@link Assumptions#pinned}) outside the declared range
 *       does not apply: {@link #regimeExcludes} gives the reason, and the regime's result is
 *       {@code not_applicable} with it.</li>
 *   <li>Any other instance whose chosen hyperparameters fall outside the declared ranges (an
 *       edge value eps = 0 among eps in [1e-12, 1e-2]) is not run: {@link #create} throws
 *       {@link OutsideDeclaredRange} before the plug-in is called, the try is rejected and counted
 *       ({@code outOfRangeTries} in the result), and a regime none of whose tries is in range is
 *       {@code not_applicable} (see {@link TheoremRunner#run}).</li>
 * </ul>
 * A built-in method declares no ranges, so neither rule ever applies to it.
 */
public final class DeclaredRanges {

    private DeclaredRanges() {}

    /** The ranges {@code provider} declares: a plug-in's, none for any other provider. */
    public static Map<String, Range> of(MethodProvider provider) {
        return provider instanceof PluginProvider p ? p.ranges() : Map.of();
    }

    /**
     * Why a regime does not apply to {@code provider}: one of its assumptions fixes a
     * hyperparameter of the provider's kind at a value that {@code ranges} (the declared ranges,
     * with whatever defaults the caller fills in) exclude. Empty when it applies.
     */
    public static Optional<String> regimeExcludes(MethodProvider provider, Map<String, Range> ranges, Regime regime) {
        for (String a : regime.assumptions()) {
            Optional<Map.Entry<String, Double>> pin = Assumptions.pinned(a);
            if (pin.isEmpty()
                    || !provider.kind().hyperparameters().contains(pin.get().getKey())) {
                continue;
            }
            String name = pin.get().getKey();
            double value = pin.get().getValue();
            Range r = ranges.get(name);
            if (r != null && !r.contains(value)) {
                return Optional.of(message(provider.id(), name, r, value) + "; this regime assumes " + a + " ("
                        + Assumptions.statement(a) + ") on every instance, so it does not apply to " + provider.id());
            }
        }
        return Optional.empty();
    }

    /**
     * An interval of values a regime needs for one hyperparameter (for the sgd kind, the schedule
     * a/(t + b)^p: p in (1/2, 1] for Robbins-Monro, p = 0 for a constant step), with open or
     * closed ends. Immutable.
     *
     * @param name the hyperparameter
     * @param min the lower end (may be -Infinity)
     * @param minOpen true when min itself is excluded
     * @param max the upper end (may be +Infinity)
     * @param maxOpen true when max itself is excluded
     * @param why what the regime needs it for, for the reason ("a constant step")
     */
    public record Needed(String name, double min, boolean minOpen, double max, boolean maxOpen, String why) {
        public Needed {
            Objects.requireNonNull(name, "name");
            if (!(min <= max)) {
                throw new IllegalArgumentException("a needed interval needs min <= max, got " + min + ", " + max);
            }
        }

        /** Exactly {@code value}. */
        public static Needed exactly(String name, double value, String why) {
            return new Needed(name, value, false, value, false, why);
        }

        /** True when v lies in the interval. */
        public boolean contains(double v) {
            return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        }

        /** True when some value lies in both this interval and {@code r}. */
        public boolean meets(Range r) {
            double lo = Math.max(min, r.min());
            double hi = Math.min(max, r.max());
            return lo < hi || (lo == hi && contains(lo) && r.contains(lo));
        }

        /** "p in (0.5, 1.0]", or "p = 0.0" for a point. */
        public String text() {
            if (min == max) {
                return name + " = " + min;
            }
            return name + " in " + (minOpen ? "(" : "[") + min + ", " + max + (maxOpen ? ")" : "]");
        }
    }

    /**
     * Why a regime does not apply to {@code provider}: it needs a hyperparameter in an interval
     * ({@code needs}) that the provider's declared range of that hyperparameter does not meet (a
     * plug-in declaring the sqrt-decay schedule p = 1/2 meets no regime that needs p = 0). Empty
     * when every needed interval meets the declared range, or no range is declared for it.
     */
    public static Optional<String> regimeNeeds(MethodProvider provider, String regime, List<Needed> needs) {
        Map<String, Range> ranges = of(provider);
        for (Needed n : needs) {
            Range r = ranges.get(n.name());
            if (r != null && !n.meets(r)) {
                return Optional.of(regime + " needs " + n.text() + " (" + n.why() + "); " + provider.id() + " declares "
                        + n.name() + " in [" + r.min() + ", " + r.max() + "], so this regime does not apply to it");
            }
        }
        return Optional.empty();
    }

    /** The first value of {@code h} outside {@code provider}'s declared ranges, as a reason; empty when all are inside. */
    public static Optional<String> excludes(MethodProvider provider, Hyperparameters h) {
        Map<String, Range> ranges = of(provider);
        for (Map.Entry<String, Double> e : h.values().entrySet()) {
            Range r = ranges.get(e.getKey());
            if (r != null && !r.contains(e.getValue())) {
                return Optional.of(message(provider.id(), e.getKey(), r, e.getValue())
                        + "; optcheck does not run a method outside its declared ranges, so this instance is skipped");
            }
        }
        return Optional.empty();
    }

    /** "m declares eps in [1e-12, 0.01], which excludes eps = 0.0": the one wording of a range exclusion. */
    public static String message(String methodId, String name, Range r, double value) {
        return methodId + " declares " + name + " in [" + r.min() + ", " + r.max() + "], which excludes " + name + " = "
                + value;
    }

    /**
     * A fresh method from {@code provider}, after checking {@code h} against its declared ranges.
     *
     * @throws OutsideDeclaredRange before the provider is called, when a value is outside them
     */
    public static Method<?> create(MethodProvider provider, Hyperparameters h) {
        Objects.requireNonNull(provider, "provider");
        Optional<String> out = excludes(provider, h);
        if (out.isPresent()) {
            throw new OutsideDeclaredRange(out.get());
        }
        return provider.create(h);
    }

    /**
     * A theorem chose hyperparameters outside the method's declared ranges; the try is rejected
     * (not an error, not a violation). Not an IllegalArgumentException, so that it is never taken
     * for the provider rejecting a value.
     */
    public static final class OutsideDeclaredRange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutsideDeclaredRange(String message) {
            super(message, null, false, false);
        }
    }
}
