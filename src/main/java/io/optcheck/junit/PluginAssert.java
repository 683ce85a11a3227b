package io.optcheck.junit;

import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.description.Description;
import org.assertj.core.error.DescriptionFormatter;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * The terminal checks shared by {@link OptimizerAssert} and {@link EstimatorAssert}. Configure
 * first ({@code withTries}, {@code withSeed}, ...), then call a {@code satisfies...} method: it runs
 * every selected regime at once, through the same selection and running code as
 * {@link OptimizerCheck} and {@link EstimatorCheck}, and fails with their labelled message for
 * each failed regime. A configuration call after a check has run throws
 * {@link IllegalStateException}, because it could no longer change what ran.
 *
 * @param <S> the concrete assertion type
 * @param <A> the type of the checked plug-in
 */
public abstract class PluginAssert<S extends PluginAssert<S, A>, A> extends AbstractAssert<S, A> {

    private String checkedWith;
    private CheckSettings settings = CheckSettings.DEFAULT;

    PluginAssert(A actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The selection with these settings (filters empty: every applicable theorem). */
    abstract CheckPlan plan(CheckSettings settings);

    /** Tries per regime instead of each spec's CI count (at least 1). */
    public S withTries(int n) {
        configuring("withTries(" + n + ")");
        isNotNull();
        settings = settings.withTries(n);
        return myself;
    }

    /** Another seed (the default is fixed, so CI runs the same tries every time). */
    public S withSeed(long seed) {
        configuring("withSeed(" + seed + ")");
        isNotNull();
        settings = settings.withSeed(seed);
        return myself;
    }

    /** Another limit for one try of a regime (see {@link OptimizerCheck#tryTimeout}). */
    public S withTryTimeout(Duration d) {
        configuring("withTryTimeout(" + d + ")");
        isNotNull();
        settings = settings.withTryTimeout(d);
        return myself;
    }

    /**
     * Runs the theorems named by {@code theoremIdsOrPrefixes} (ids, or prefixes ending in '*',
     * e.g. {@code "conf.*"}) on the plug-in, every regime of each, and fails when a regime fails
     * or when none of them applies.
     *
     * @throws IllegalArgumentException when no id or prefix is given
     *     (use {@link #satisfiesEveryApplicableTheorem()} for all)
     */
    public S satisfies(String... theoremIdsOrPrefixes) {
        if (theoremIdsOrPrefixes.length == 0) {
            throw new IllegalArgumentException("satisfies() needs at least one theorem id or prefix (e.g. \"conf.*\");"
                    + " use satisfiesEveryApplicableTheorem() to run all that apply");
        }
        return check(List.of(theoremIdsOrPrefixes));
    }

    /** Runs every theorem that applies to the plug-in's declaration, as the JUnit check does by default. */
    public S satisfiesEveryApplicableTheorem() {
        return check(List.of());
    }

    /** Throws when a check already ran: configuration must come before {@code satisfies}. */
    void configuring(String call) {
        if (checkedWith != null) {
            throw new IllegalStateException(call + " comes after " + checkedWith + ", which has already run with the "
                    + "configuration before it. Configure first: assertThat(plugin)." + call + ".satisfies(...)");
        }
    }

    private S check(List<String> filters) {
        isNotNull();
        checkedWith = filters.isEmpty()
                ? "satisfiesEveryApplicableTheorem()"
                : "satisfies(\"" + String.join("\", \"", filters) + "\")";
        CheckPlan plan = plan(settings.theorems(filters.toArray(String[]::new)));
        String expecting = "Expecting " + actual.getClass().getName() + " to satisfy "
                + (filters.isEmpty() ? "every applicable theorem" : String.join(", ", filters));
        if (plan.problem() != null) {
            throwAssertionError(message(expecting + ", but nothing ran: " + plan.problem()));
        }
        List<String> failed = new ArrayList<>();
        int regimes = 0;
        for (Theorem<?> t : plan.theorems()) {
            for (Regime r : t.regimes()) {
                CheckPlan.Outcome o = plan.run(t, r);
                if (o.kind() == CheckPlan.Kind.FAILED) {
                    failed.add(o.text());
                }
                if (o.kind() == CheckPlan.Kind.FAILED || o.kind() == CheckPlan.Kind.PASSED) {
                    regimes++;
                }
            }
        }
        if (!failed.isEmpty()) {
            String nl = System.lineSeparator();
            throwAssertionError(message(expecting + ", but " + failed.size() + " of " + regimes + " regimes failed:"
                    + nl + nl + String.join(nl, failed)));
        }
        return myself;
    }

    /** The message as given (no String.format, so a '%' in it is kept), after the assertion's description. */
    private static ErrorMessageFactory message(String text) {
        return new ErrorMessageFactory() {
            @Override
            public String create(Description d, Representation p) {
                return create(d);
            }

            @Override
            public String create(Description d) {
                return DescriptionFormatter.instance().format(d) + text;
            }

            @Override
            public String create() {
                return text;
            }
        };
    }
}
