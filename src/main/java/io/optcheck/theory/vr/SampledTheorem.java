package io.optcheck.theory.vr;

import io.optcheck.result.StatisticalTest;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.stat.ExpectationCheck;
import io.optcheck.theory.stat.StatisticalTheorem;
import java.util.List;

/**
 * A vr theorem with regimes checked on seeded runs of the method ({@link SampledRate}) beside its
 * exact ones: the sampled regimes' test, their alpha from the runner's false-alarm budget, and one
 * test per checkpoint. The other regimes make no statistical test.
 *
 * @param <I> the instance type
 */
abstract class SampledTheorem<I> extends DeclaredTheorem<I> implements StatisticalTheorem<I> {

    private final List<String> sampled;
    private final int checkpoints;
    private ExpectationCheck test;

    /** The theorem of spec {@code id}, whose regimes {@code sampled} test {@code checkpoints} checkpoints each. */
    SampledTheorem(String id, List<String> sampled, int checkpoints) {
        super(id);
        this.sampled = List.copyOf(sampled);
        this.checkpoints = checkpoints;
        this.test = SampledRate.defaultTest(checkpoints);
    }

    /** Whether the regime is checked on seeded runs. */
    final boolean sampled(Regime r) {
        return sampled.contains(r.id());
    }

    /** The test of the sampled regimes (R, truncation, alpha). */
    final ExpectationCheck test() {
        return test;
    }

    @Override
    public final int testsPerEvaluation(Regime regime) {
        return sampled(regime) ? checkpoints : 0;
    }

    @Override
    public final double alpha() {
        return test.alpha();
    }

    @Override
    public final Theorem<I> withAlpha(double alphaPerTest) {
        SampledTheorem<I> t = copy();
        t.test = test.withAlpha(alphaPerTest);
        return t;
    }

    @Override
    public StatisticalTest statistics(Regime regime, int tries, long seed) {
        return sampled(regime) ? test.statistics(seed) : null;
    }
}
