package io.optcheck.theory;

import io.optcheck.api.MethodKind;
import io.optcheck.method.MethodProvider;
import io.optcheck.theory.adapt.AdaGradRegret;
import io.optcheck.theory.adapt.AdamNonconvergence;
import io.optcheck.theory.adapt.AdamReference;
import io.optcheck.theory.adapt.AmsGradRegret;
import io.optcheck.theory.adapt.RmsPropStepBound;
import io.optcheck.theory.adapt.ScaleInvariance;
import io.optcheck.theory.adapt.SignSgdRate;
import io.optcheck.theory.dist.DataParallel;
import io.optcheck.theory.dist.FedAvgDrift;
import io.optcheck.theory.dist.GradAccumulation;
import io.optcheck.theory.gd.Armijo;
import io.optcheck.theory.gd.Clipping;
import io.optcheck.theory.gd.ConditionNumber;
import io.optcheck.theory.gd.Contraction;
import io.optcheck.theory.gd.ConvexRate;
import io.optcheck.theory.gd.DescentLemma;
import io.optcheck.theory.gd.EdgeOfStability;
import io.optcheck.theory.gd.ExactLineSearch;
import io.optcheck.theory.gd.GradientDirection;
import io.optcheck.theory.gd.GradientFlowBounds;
import io.optcheck.theory.gd.HeavyBallQuadratic;
import io.optcheck.theory.gd.HeavyBallStronglyConvex;
import io.optcheck.theory.gd.LeastSquaresImplicitBias;
import io.optcheck.theory.gd.LogisticMaxMargin;
import io.optcheck.theory.gd.NesterovConvex;
import io.optcheck.theory.gd.NesterovStronglyConvex;
import io.optcheck.theory.gd.NonconvexStationarity;
import io.optcheck.theory.gd.PlRate;
import io.optcheck.theory.gd.QuadraticStability;
import io.optcheck.theory.gd.StronglyConvexRate;
import io.optcheck.theory.gd.Wolfe;
import io.optcheck.theory.gd.Zoutendijk;
import io.optcheck.theory.land.ConvexNoBarrier;
import io.optcheck.theory.land.CriticalPointClass;
import io.optcheck.theory.land.DegeneratePlateau;
import io.optcheck.theory.land.GdPreservesSymmetry;
import io.optcheck.theory.land.Sharpening;
import io.optcheck.theory.land.SharpnessReparam;
import io.optcheck.theory.land.StrictSaddleEscape;
import io.optcheck.theory.ncg.BrentLineSearch;
import io.optcheck.theory.sgd.ConstantStepStronglyConvex;
import io.optcheck.theory.sgd.ExpectedSmoothness;
import io.optcheck.theory.sgd.MinibatchVariance;
import io.optcheck.theory.sgd.NoiseScale;
import io.optcheck.theory.sgd.OneStepTight;
import io.optcheck.theory.sgd.PolyakAveraging;
import io.optcheck.theory.sgd.SgdNonconvex;
import io.optcheck.theory.sgd.UnbiasedMinibatch;
import io.optcheck.theory.sgd.schedules.DiminishingStep;
import io.optcheck.theory.sgd.schedules.RobbinsMonro;
import io.optcheck.theory.vr.SagaTheorem;
import io.optcheck.theory.vr.SvrgTheorem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The registry of theorems, sorted by id. */
public final class Catalog {

    private final Map<String, Theorem<?>> theorems;
    private final List<ObservationSpec> observations;

    private Catalog(List<Theorem<?>> list) {
        this(list, List.of());
    }

    private Catalog(List<Theorem<?>> list, List<ObservationSpec> observations) {
        this.observations =
                observations.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        Map<String, Theorem<?>> m = new LinkedHashMap<>();
        list.stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(t -> {
            if (t instanceof DeclaredTheorem<?> d) {
                d.validate();
            }
            if (m.put(t.id(), t) != null) {
                throw new IllegalStateException("two theorems share the id " + t.id());
            }
        });
        this.theorems = Collections.unmodifiableMap(m);
    }

    /** The built-in catalog. One theorem per line, so that additions merge cleanly. */
    public static Catalog builtIn() {
        List<Theorem<?>> l = new ArrayList<>();
        l.add(new DescentLemma());
        l.add(new QuadraticStability());
        l.add(new HeavyBallQuadratic());
        l.add(new HeavyBallStronglyConvex());
        l.add(new NesterovConvex());
        l.add(new NesterovStronglyConvex());
        l.add(new ConvexRate());
        l.add(new Contraction());
        l.add(new StronglyConvexRate());
        l.add(new ConditionNumber());
        l.add(new EdgeOfStability());
        l.add(new LeastSquaresImplicitBias());
        l.add(new LogisticMaxMargin());
        l.add(new GradientDirection());
        l.add(new ExactLineSearch());
        l.add(new Armijo());
        l.add(new Wolfe());
        l.add(new Zoutendijk());
        l.add(new StrictSaddleEscape());
        l.add(new DegeneratePlateau());
        l.add(new GdPreservesSymmetry());
        l.add(new ConvexNoBarrier());
        l.add(new SharpnessReparam());
        l.add(new CriticalPointClass());
        l.add(new NonconvexStationarity());
        l.add(new PlRate());
        l.add(new Clipping());
        l.add(new GradientFlowBounds());
        l.add(new AdamReference());
        l.add(new ScaleInvariance());
        l.add(new AdamNonconvergence());
        l.add(new SignSgdRate());
        l.add(new AdaGradRegret());
        l.add(new AmsGradRegret());
        l.add(new RmsPropStepBound());
        l.add(new UnbiasedMinibatch());
        l.add(new MinibatchVariance());
        l.add(new DataParallel());
        l.add(new GradAccumulation());
        l.add(new NoiseScale());
        l.add(new DiminishingStep());
        l.add(new RobbinsMonro());
        l.add(new ConstantStepStronglyConvex());
        l.add(new SgdNonconvex());
        l.add(new PolyakAveraging());
        l.add(new ExpectedSmoothness());
        l.add(new OneStepTight());
        l.add(new FedAvgDrift());
        l.add(new SagaTheorem());
        l.add(new SvrgTheorem());
        l.add(new BrentLineSearch());
        List<ObservationSpec> o = new ArrayList<>();
        o.add(new Sharpening());
        return new Catalog(l, o);
    }

    /** A catalog of the given theorems and observations. */
    public static Catalog of(List<Theorem<?>> list, List<ObservationSpec> observations) {
        return new Catalog(new ArrayList<>(list), new ArrayList<>(observations));
    }

    /** The observations (measurements without a verdict), sorted by id. */
    public List<ObservationSpec> observations() {
        return observations;
    }

    /** A catalog of the given theorems (e.g. the built-in ones plus a user's). */
    public static Catalog of(List<Theorem<?>> list) {
        return new Catalog(new ArrayList<>(list));
    }

    public List<Theorem<?>> theorems() {
        return List.copyOf(theorems.values());
    }

    public List<String> ids() {
        return List.copyOf(theorems.keySet());
    }

    /**
     * The theorem with this id.
     *
     * @throws UnknownIdException naming the id and listing the known ones
     */
    public Theorem<?> get(String id) {
        Theorem<?> t = theorems.get(id);
        if (t == null) {
            throw new UnknownIdException("unknown theorem id '" + id + "'. Known theorems: "
                    + String.join(", ", theorems.keySet()) + ". Run 'optcheck list' to see them all.");
        }
        return t;
    }

    /** The ids of the methods the catalog checks. */
    public List<String> methodIds() {
        return theorems.values().stream()
                .map(Theorem::methodId)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * The theorems about {@code provider}'s kind, each checked on the provider's methods (its id
     * and conventions in every result), sorted by id. Empty when no theorem is about that kind.
     * A theorem whose regimes depend on a declared convention keeps only the regimes that match
     * the provider's (see {@link RetargetableTheorem#withMethod}); one with none left is omitted.
     */
    public List<Theorem<?>> applicableTo(MethodProvider provider) {
        Objects.requireNonNull(provider, "provider");
        List<Theorem<?>> out = new ArrayList<>();
        for (Theorem<?> t : theorems.values()) {
            if (t instanceof RetargetableTheorem<?> rt && rt.methodKind() == provider.kind()) {
                Theorem<?> on = rt.withMethod(provider);
                // No regime left: every regime is about a convention the provider does not declare.
                if (!on.regimes().isEmpty()) {
                    out.add(on);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The kind each retargetable theorem is about, by theorem id (sorted); others are absent. */
    public Map<String, MethodKind> kinds() {
        Map<String, MethodKind> m = new LinkedHashMap<>();
        theorems.forEach((id, t) -> {
            if (t instanceof RetargetableTheorem<?> rt) {
                m.put(id, rt.methodKind());
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /** The kind a theorem is about, or empty when it is bound to its own method. */
    public Optional<MethodKind> kindOf(String id) {
        return Optional.ofNullable(kinds().get(get(id).id()));
    }

    /** An id that names nothing in the catalog. */
    public static final class UnknownIdException extends IllegalArgumentException {
        public UnknownIdException(String message) {
            super(message);
        }
    }
}
