package io.optcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.problem.CubicCriticalPoint;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.Verdict;
import io.optcheck.theory.gd.DescentLemma;
import io.optcheck.theory.land.CriticalInstance;
import io.optcheck.theory.land.CriticalPointClass;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * THEOREMS.md, Numerics, "Representable instances": a check whose bound or tolerance is NaN or
 * infinite has no verdict (the try is rejected and counted), and subnormal quantities are compared
 * against an absolute floor at the subnormal scale. The two false alarms that led to the rule are
 * regression cases here.
 */
class RepresentableInstancesTest {

    @Test
    void aNanBoundOrAnInfiniteToleranceHasNoVerdictAndIsNeverAViolation() {
        Check nanBound = Check.atLeast("q", 1, Double.POSITIVE_INFINITY, Double.NaN, 1);
        Check infTol = Check.atMost("q", 1, 1e300, 1, Double.POSITIVE_INFINITY);
        Check infBound = Check.atMost("q", 1, 1, Double.POSITIVE_INFINITY, 0);
        for (Check c : new Check[] {nanBound, infTol, infBound}) {
            assertThat(c.decidable()).isFalse();
            assertThat(c.ok()).isFalse();
            assertThat(c.describe()).endsWith(": no verdict");
            Evaluation.Builder b = new Evaluation.Builder();
            assertThat(b.add(c))
                    .as("checking stops at a check without a verdict")
                    .isTrue();
            Evaluation e = b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
            assertThat(e.violation()).isNull();
            assertThat(e.noVerdict()).isTrue();
            assertThat(e.undecided()).isSameAs(c);
        }
        // A violation found before an undecidable check stays the verdict.
        Evaluation.Builder b = new Evaluation.Builder();
        Check violated = Check.atMost("q", 1, 2, 1, 0);
        assertThat(b.add(violated)).isTrue();
        b.add(nanBound);
        Evaluation e = b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
        assertThat(e.violation()).isSameAs(violated);
        assertThat(e.noVerdict()).isFalse();
    }

    @Test
    void subnormalQuantitiesAreComparedAgainstAnAbsoluteFloorAtTheSubnormalScale() {
        // d = 2: the floor is C d 2^-1022, whatever the scale; above the subnormal range the
        // relative term decides (at scale 1 the floor is below 1e-300 of the tolerance).
        assertThat(Tolerance.of(0, 2)).isEqualTo(Tolerance.C * 2 * Double.MIN_NORMAL);
        assertThat(Tolerance.of(3.56e-310, 2)).isGreaterThan(3.5e-307).isGreaterThan(1e3 * 3.56e-310);
        assertThat(Tolerance.of(1, 2)).isEqualTo(Tolerance.C * 2 * 0x1p-52 + Tolerance.C * 2 * Double.MIN_NORMAL);
        assertThat(Tolerance.of(Double.NaN, 2)).isNaN();
        assertThat(Tolerance.of(Double.POSITIVE_INFINITY, 2)).isInfinite();
        assertThat(Tolerance.describe()).containsKeys("subnormalFloor", "representable");
        assertThat(String.valueOf(Tolerance.describe().get("representable"))).contains("NaN or infinite", "rejected");
    }

    /**
     * The first false alarm (./optcheck run --quick --seed 1): a cubic coefficient a = 4.9e-324
     * gives M3 = 3e-323 and a certified radius 3 lambda / M3 that overflows to Infinity; f(r u) was
     * Infinity, the bound NaN and the tolerance Infinity, and it was reported as a violation.
     */
    @Test
    void criticalPointClassAtCurvature4point9eMinus324HasNoVerdict() {
        CubicCriticalPoint f = new CubicCriticalPoint(new double[] {1}, new double[] {Double.MIN_VALUE}, 0, null);
        CriticalPointClass theorem = new CriticalPointClass();
        Regime holds = theorem.regime("holds");
        Evaluation e = theorem.evaluate(new CriticalInstance(f, new double[] {1}, 7.724682071732144e-05), holds);
        assertThat(e.violation()).isNull();
        assertThat(e.noVerdict()).isTrue();
        assertThat(e.undecided().bound()).isNaN();
        // The regime as the quick run at seed 1 ran it: it holds now.
        Result r = TheoremRunner.run(theorem, holds, 50, RunSettings.ci().withSeed(1));
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    /**
     * The second false alarm (./optcheck run --quick --seed 3): at step 11 the decrease
     * 3.56011817361153e-310 fell short of (eta/2)||g||^2 = 3.5601181736151e-310 by 3.6e-322, more
     * than the old tolerance 1.6e-322. ||g||^2 = 7e-313 is subnormal, so it carries an absolute
     * error of 2^-1075 that eta = 1000 multiplies: the tolerance model was wrong, not the theorem
     * or GD. The shrunk case, replayed from its token, now holds.
     */
    @Test
    void descentLemmaAtASubnormalDecreaseHolds() {
        DescentLemma theorem = new DescentLemma();
        Result r = TheoremRunner.replay(
                theorem,
                theorem.regime("holds"),
                "oc1-Izqey3NBvUUAAAAQBAD6p42vupOx0H76p42vupOx0H4CgueZounewdd_AAAAuoK0otjh0-N_AAAAAICAgICAgICAgAGAgICAgICA8H8",
                3);
        assertThat(r.outcome()).as(String.valueOf(r.error())).isEqualTo(Outcome.HELD);
        Result run = TheoremRunner.run(
                theorem, theorem.regime("holds"), 50, RunSettings.ci().withSeed(3));
        assertThat(run.verdict()).isEqualTo(Verdict.PASS);
    }

    /**
     * A step size driven to 0 or into the subnormal range (the seed sweep's lr = 0 errors on seven
     * regimes) is not an instance: no verdict, never an error. A negative or NaN step is not
     * underflow and goes on to the method, which rejects it as bad input.
     */
    @Test
    void aStepSizeThatIsZeroOrSubnormalIsNotRepresentable() {
        for (double eta : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL / 2}) {
            Assertions.assertThatThrownBy(() -> StepSize.requireRepresentable("lr", eta))
                    .isInstanceOf(StepSize.Unrepresentable.class)
                    .hasMessageContaining("lr = ")
                    .hasMessageContaining("not a positive normal double");
        }
        for (double eta : new double[] {Double.MIN_NORMAL, 1e-300, 1, -1, Double.NaN}) {
            StepSize.requireRepresentable("lr", eta);
        }
    }
}
