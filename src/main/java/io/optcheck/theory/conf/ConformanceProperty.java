package io.optcheck.theory.conf;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.PluggableOptimizer.Range;
import io.optcheck.api.Precision;
import io.optcheck.method.Method;
import io.optcheck.method.MethodProvider;
import io.optcheck.method.MethodState;
import io.optcheck.method.Runner;
import io.optcheck.method.StopCondition;
import io.optcheck.method.Trajectory;
import io.optcheck.method.plugin.PluginProvider;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Objective;
import io.optcheck.prop.Gen;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredRanges;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.TrajectoryCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conformance property of a method of a declared kind: a property every correct implementation
 * of the kind has (determinism, equivariance, agreement with the reference implementation, ...),
 * checked on the method a {@link MethodProvider} builds. Its spec ({@code specs/conf/})
 * says {@code method: any}: the methodId is the provider's id, so results land in the report under
 * the user's method. Regimes that do not apply to the kind or to the method's declarations report
 * {@link #notApplicable} with the reason. The teeth variant ({@link #withTightenedBounds}) checks
 * a wrong claim, see each subclass.
 */
public abstract class ConformanceProperty extends DeclaredTheorem<ConfInstance> {

    private final MethodProvider provider;

    /** The property of the spec with this id, checked on {@code provider}'s methods. */
    protected ConformanceProperty(String id, MethodProvider provider) {
        super(id);
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The provider of the checked method. */
    protected final MethodProvider provider() {
        return provider;
    }

    /** The kind of the checked method. */
    public MethodKind kind() {
        return provider.kind();
    }

    @Override
    public String methodId() {
        return provider.id();
    }

    @Override
    public Map<String, String> conventions() {
        return provider.conventions();
    }

    /** The declared hyperparameter ranges (optcheck's defaults for names not declared). */
    protected Map<String, Range> ranges() {
        return provider instanceof PluginProvider p ? p.ranges() : Map.of();
    }

    @Override
    public Precision precision(Regime regime) {
        return provider.precision();
    }

    /** Steps per run. */
    protected int steps() {
        return 50;
    }

    /** A fresh method with the instance's hyperparameters. */
    protected Method<?> method(Hyperparameters h) {
        return provider.create(h);
    }

    /**
     * Why a regime does not apply: first the one range rule ({@link DeclaredRanges}: an assumption
     * of the regime fixes a hyperparameter outside the declared range, optcheck's default range
     * where none is declared), then {@link #applicability}.
     */
    @Override
    public final Optional<String> notApplicable(Regime regime) {
        Map<String, Range> withDefaults = new LinkedHashMap<>();
        for (String name : kind().hyperparameters()) {
            withDefaults.put(name, ConfGens.range(ranges(), name));
        }
        Optional<String> r = DeclaredRanges.regimeExcludes(provider, withDefaults, regime);
        return r.isPresent() ? r : applicability(regime);
    }

    /** A property's own reasons why a regime does not apply to the method. Default: none. */
    protected Optional<String> applicability(Regime regime) {
        return Optional.empty();
    }

    @Override
    public Gen<ConfInstance> instances(Regime regime) {
        return ConfGens.instances(kind(), ranges(), options(regime), steps());
    }

    /**
     * What a regime's instances need. A property names each of its regimes ({@link Cases}), so
     * that a spec regime without code is a load error.
     */
    protected abstract ConfGens.Options options(Regime regime);

    /** {@link #options} for a property whose one regime, holds, needs {@code o}. */
    protected static ConfGens.Options holdsOnly(Regime regime, ConfGens.Options o) {
        return Cases.<ConfGens.Options>on(regime).when("holds", () -> o).get();
    }

    /** Runs a method without a check (the reference run of a comparison). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected static Trajectory run(Method<?> m, GradientOracle o, double[] x0, int steps) {
        return Runner.run((Method) m, o, x0, steps);
    }

    /** Runs a method and checks every step (through {@link TrajectoryCheck}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected static Evaluation check(
            Method<?> m, GradientOracle o, Objective f, double[] x0, int steps, TrajectoryCheck.StepCheck c) {
        return TrajectoryCheck.run((Method) m, o, f, x0, steps, c);
    }

    /** Resumes a run from a state and checks every step, numbering steps from 1 after the state. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected static Evaluation resumeAndCheck(
            Method<?> m, GradientOracle o, MethodState start, int steps, TrajectoryCheck.StepCheck c) {
        Evaluation.Builder b = new Evaluation.Builder();
        TrajectoryCheck.Series series = new TrajectoryCheck.Series();
        StopCondition stop = (t, prev, cur) -> b.add(c.check(t, prev, cur, series));
        Trajectory tr = Runner.resume((Method) m, o, start, steps, stop);
        return TrajectoryCheck.finish(b, tr, series);
    }

    /** The exact oracle of the instance's objective. */
    protected static ExactOracle oracle(ConfInstance in) {
        return new ExactOracle(in.q());
    }

    /**
     * A bit-for-bit comparison of x_t with {@code target}: observed is max |x_t,i - target_i|,
     * or the smallest positive double when the values are equal but their bits differ (0.0 and
     * -0.0); the bound is 0 with tolerance 0, because the claim is bit identity, not closeness.
     */
    protected static Check bitIdentity(String quantity, int t, double[] cur, double[] target) {
        double worst = 0;
        boolean bits = true;
        for (int i = 0; i < cur.length; i++) {
            if (Double.doubleToRawLongBits(cur[i]) != Double.doubleToRawLongBits(target[i])) {
                bits = false;
                double dv = Math.abs(cur[i] - target[i]);
                worst = Double.isNaN(dv) ? Double.POSITIVE_INFINITY : Math.max(worst, dv);
            }
        }
        if (!bits && worst == 0) {
            worst = Double.MIN_VALUE;
        }
        return Check.atMost(quantity, t, worst, 0, 0);
    }

    /** The teeth variant's target: the claimed value moved by eps (1 + |v|) in every coordinate. */
    protected double[] moved(double[] target) {
        if (tighten() == 0) {
            return target;
        }
        double[] m = target.clone();
        for (int i = 0; i < m.length; i++) {
            m[i] += tighten() * (1 + Math.abs(m[i]));
        }
        return m;
    }

    static double normInf(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** ||a - b||, the square root of the sum of squared differences in index order (no scaling). */
    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
