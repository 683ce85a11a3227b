package io.optcheck.theory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A theorem declared by its spec. The spec file ({@code specs/<family>/<name>.md}) declares the id,
 * the method (and kind), the assumptions, the conclusions with their tight ratios, the regimes
 * (expected outcome, dropped assumption, threshold, description) and the tries; a subclass supplies
 * only what differs between theorems: the generators ({@link #instances}), the bound and the check
 * of a trajectory ({@link #evaluate}), and the hooks it needs (labels, coverage, figures).
 *
 * <p>What every theorem needs is done here once:
 * <ul>
 *   <li>the spec's fields ({@link #id}, {@link #assumptions}, {@link #regimes}, {@link #tightReference});</li>
 *   <li>tightening: {@link #withTightenedBounds} gives a copy whose {@link #tighten()} is eps (the
 *       subclass's check multiplies a tight bound by (1 &plusmn; eps), or gives a loose bound its
 *       wrong constant);</li>
 *   <li>the description of an instance that is {@link Described};</li>
 *   <li>the load check ({@link #validate}): a spec regime with no code, or code for a regime the
 *       spec does not declare ({@link Cases}), is bad input.</li>
 * </ul>
 * {@link KindTheorem} adds retargeting to a user's method of the same kind.
 *
 * <p>A theorem is immutable once built: the copies made by {@code with...} methods differ only in
 * the fields this class sets on them. A subclass holding memory of a run (the best instance seen)
 * resets it in {@link #fresh()}.
 *
 * @param <I> the instance type
 */
public abstract class DeclaredTheorem<I> implements Theorem<I>, Cloneable {

    private final Spec spec;
    private final List<Regime> declared;
    private double tighten;

    /** The theorem of the spec with this id ({@code family.name}). */
    protected DeclaredTheorem(String id) {
        this.spec = Specs.load(id);
        if (!spec.id().equals(id)) {
            throw new Specs.SpecException(spec.file() + ": declares id '" + spec.id() + "', but it is the spec of '"
                    + id + "'. Make the id match the file's path.");
        }
        this.declared = spec.regimeList();
    }

    /** The spec this theorem is declared by. */
    public final Spec spec() {
        return spec;
    }

    @Override
    public final String id() {
        return spec.id();
    }

    @Override
    public String methodId() {
        return spec.method();
    }

    @Override
    public final List<String> assumptions() {
        return spec.assumptions();
    }

    /**
     * The spec's regimes that apply to the checked method ({@link #keeps}), each as the method's
     * declaration states it ({@link #statedFor}), in the spec's order.
     */
    @Override
    public final List<Regime> regimes() {
        return declared.stream()
                .filter(this::keeps)
                .map(r -> {
                    Regime s = statedFor(r);
                    if (!s.id().equals(r.id())
                            || !s.conclusion().equals(r.conclusion())
                            || s.expected() != r.expected()
                            || !Objects.equals(s.dropped(), r.dropped())
                            || !Objects.equals(s.threshold(), r.threshold())) {
                        throw new Specs.SpecException(
                                spec.file() + " (" + getClass().getSimpleName() + "): regime '" + r.id()
                                        + "' may be restated only in its assumptions and description.");
                    }
                    return s;
                })
                .toList();
    }

    /**
     * A kept regime as the checked component's own declaration states it: the same id, conclusion,
     * expected outcome, dropped assumption and threshold as the spec's, with the assumptions that
     * declaration puts in force (a user's estimator declaring importance sampling has
     * importance-reweighted where the spec has uniform-batch) and a description naming it.
     * Default: the regime as the spec declares it.
     */
    protected Regime statedFor(Regime declared) {
        return declared;
    }

    /**
     * Whether a declared regime is about the checked method: false for a regime about a convention
     * the method does not declare, or about one of optcheck's own contrast methods. Default: every
     * regime.
     */
    protected boolean keeps(Regime regime) {
        return true;
    }

    /** 0 for the theorem as stated; eps for the copy made by {@link #withTightenedBounds}. */
    protected final double tighten() {
        return tighten;
    }

    @Override
    public Theorem<I> withTightenedBounds(double eps) {
        DeclaredTheorem<I> c = copy();
        c.tighten = eps;
        return c;
    }

    @Override
    public final OptionalDouble tightReference(String conclusion) {
        return spec.tight(conclusion);
    }

    /** The instance's own description when it is {@link Described}; else its string form. */
    @Override
    public Map<String, Object> describe(I instance) {
        return instance instanceof Described d ? d.describe() : Map.of("instance", String.valueOf(instance));
    }

    /**
     * The load check: every declared regime's generator is built (not run), so that a regime no
     * {@link Cases} names, or a case naming a regime the spec does not declare, is a
     * {@link Specs.SpecException} naming the spec file before anything runs.
     */
    public final void validate() {
        for (Regime r : declared) {
            try {
                instances(r);
            } catch (Specs.SpecException e) {
                throw new Specs.SpecException(spec.file() + " (" + getClass().getSimpleName() + "): " + e.getMessage());
            }
        }
    }

    /**
     * A copy of this theorem for a {@code with...} method to set its fields on; {@link #fresh()}
     * resets what a run remembers.
     */
    @SuppressWarnings("unchecked")
    protected final <T extends DeclaredTheorem<I>> T copy() {
        try {
            T c = (T) super.clone();
            c.fresh();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Resets, on a fresh copy, any memory of a run the theorem keeps. Default: none. */
    protected void fresh() {}

    @Override
    public String toString() {
        return id() + " on " + methodId() + (tighten == 0 ? "" : " (tightened by " + tighten + ")");
    }
}
