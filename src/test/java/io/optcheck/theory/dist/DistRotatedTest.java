package io.optcheck.theory.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.method.IterateState;
import io.optcheck.method.Method;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.oracle.IndexOracle;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The distributed theorems on rotated, heterogeneous components (d up to 10, kappa up to 1e4): the
 * holds regimes hold at CI depth, the breaking ones break by search with edge cases off, and a
 * planted FedAvg that the diagonal instances cannot tell from the correct one is caught on the
 * rotated ones.
 */
class DistRotatedTest {

    private static Result run(Theorem<?> t, String regime, RunSettings s) {
        var r = t.regime(regime);
        Result res = TheoremRunner.run(t, r, s.triesFor(r, 300, 300), s);
        System.out.println(
                t.id() + "/" + regime + ": " + res.outcome() + ", worst ratio " + res.worstRatio() + " " + res.extra()
                        + (res.counterexample() == null
                                ? ""
                                : ", counterexample " + res.counterexample().fields()));
        return res;
    }

    @Test
    void rotatedHoldsRegimesHold() {
        for (var c : List.of(
                new Object[] {new DataParallel(), "holds-rotated"},
                new Object[] {new GradAccumulation(), "holds-rotated"},
                new Object[] {new FedAvgDrift(), "one-local-step-rotated"},
                new Object[] {new FedAvgDrift(), "identical-clients-rotated"},
                new Object[] {new FedAvgDrift(), "shared-curvature-rotated"})) {
            Result res = run((Theorem<?>) c[0], (String) c[1], RunSettings.ci());
            assertThat(res.outcome()).as((String) c[1]).isEqualTo(Outcome.HELD);
            assertThat(res.verdict()).as((String) c[1]).isEqualTo(Verdict.PASS);
        }
    }

    /** Edge cases off: the break comes from random or targeted search, and is shrunk. */
    /** No verdict (generic drift), but the implementation follows the exact map on every instance. */
    @Test
    void driftRotatedReportsWithoutVerdict() {
        Result res = run(new FedAvgDrift(), "drift-rotated", RunSettings.ci().withEdgeCases(false));
        assertThat(res.verdict()).isEqualTo(Verdict.INFO);
        assertThat(res.outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    void rotatedBreakingRegimesBreakBySearch() {
        for (var c : List.of(
                new Object[] {new DataParallel(), "unequal-shards-rotated"},
                new Object[] {new GradAccumulation(), "own-size-rotated"})) {
            Result res = run((Theorem<?>) c[0], (String) c[1], RunSettings.ci().withEdgeCases(false));
            assertThat(res.outcome()).as((String) c[1]).isEqualTo(Outcome.BROKEN);
            assertThat(res.verdict()).as((String) c[1]).isEqualTo(Verdict.PASS);
            assertThat(res.counterexample()).isNotNull();
        }
    }

    /**
     * The planted bug: each local step updates the model coordinate by coordinate, reading each
     * coordinate's gradient at the partially updated model (a Gauss-Seidel sweep). On diagonal
     * clients coordinate j's gradient depends on x_j only, so this is the correct FedAvg bit for bit
     * and every diagonal regime holds; on rotated clients the map is another one, and the rounds
     * check (the implementation against the exact affine map) catches it.
     */
    @Test
    void gaussSeidelFedAvgIsCaughtOnlyOnRotatedClients() {
        FedAvgDrift planted = new FedAvgDrift(GaussSeidelFedAvg::new);
        for (String diag : List.of("holds", "one-local-step", "identical-clients", "shared-curvature")) {
            assertThat(run(planted, diag, RunSettings.ci()).outcome()).as(diag).isEqualTo(Outcome.HELD);
        }
        for (String rot : List.of("one-local-step-rotated", "identical-clients-rotated", "shared-curvature-rotated")) {
            assertThat(run(planted, rot, RunSettings.ci()).outcome()).as(rot).isEqualTo(Outcome.BROKEN);
        }
    }

    /** Teeth of the rotated rounds check: the bound times (1 - 1e-3) is violated. */
    @Test
    void tightenedRotatedRoundsCheckIsViolated() {
        Theorem<?> t = new FedAvgDrift().withTightenedBounds(1e-3);
        for (String rot : List.of("one-local-step-rotated", "identical-clients-rotated", "shared-curvature-rotated")) {
            assertThat(run(t, rot, RunSettings.ci()).outcome()).as(rot).isEqualTo(Outcome.BROKEN);
        }
    }

    /** FedAvg whose local step is a Gauss-Seidel sweep over the coordinates (the planted bug). */
    static final class GaussSeidelFedAvg implements Method<GaussSeidelFedAvg.State> {
        private final double eta;
        private final int localSteps;

        GaussSeidelFedAvg(double eta, int localSteps) {
            this.eta = eta;
            this.localSteps = localSteps;
        }

        @Override
        public String id() {
            return "fedavg.gauss-seidel";
        }

        @Override
        public State init(double[] x0) {
            return new State(x0.clone(), 0);
        }

        @Override
        public State step(State s, GradientOracle oracle) {
            IndexOracle io = (IndexOracle) oracle;
            double[] x = s.x();
            int d = x.length;
            double[] sum = new double[d];
            double[] g = new double[d];
            for (int k = 0; k < io.n(); k++) {
                double[] y = x.clone();
                for (int e = 0; e < localSteps; e++) {
                    for (int j = 0; j < d; j++) {
                        io.exampleGradient(k, y, g);
                        y[j] -= eta * g[j];
                    }
                }
                for (int j = 0; j < d; j++) {
                    sum[j] += y[j];
                }
            }
            for (int j = 0; j < d; j++) {
                sum[j] /= io.n();
            }
            return new State(sum, s.t() + 1);
        }

        static final class State extends IterateState {
            State(double[] x, int t) {
                super(x, t);
            }
        }
    }
}
