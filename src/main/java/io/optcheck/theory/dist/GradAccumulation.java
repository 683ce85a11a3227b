package io.optcheck.theory.dist;

import static io.optcheck.theory.Assumptions.NORMALISED_BY_TOTAL;

import io.optcheck.oracle.ExampleRows;
import io.optcheck.oracle.MicroBatchAccumulation;
import io.optcheck.problem.CertifiedSum;
import io.optcheck.problem.FiniteSums;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * dist.grad-accumulation: K micro-batches whose per-example gradients are summed and divided by
 * the TOTAL number of examples give exactly the large-batch gradient (summation is linear).
 * Normalising each micro-batch by its own size and averaging the K results -- the 2024
 * gradient-accumulation bug class -- weights an example of micro-batch k by 1/(K n_k) instead
 * of 1/n, and differs as soon as the sizes differ. Deterministic: no expectation involved.
 */
public final class GradAccumulation extends DeclaredTheorem<AccumInstance> {

    /** The theorem as its spec declares it. */
    public GradAccumulation() {
        super("dist.grad-accumulation");
    }

    @Override
    public Gen<AccumInstance> instances(Regime r) {
        MicroBatchAccumulation.Normalisation norm = Cases.<MicroBatchAccumulation.Normalisation>on(r)
                .when(List.of("holds", "holds-rotated"), () -> MicroBatchAccumulation.Normalisation.TOTAL)
                .when(
                        List.of("drop:" + NORMALISED_BY_TOTAL, "own-size-rotated"),
                        () -> MicroBatchAccumulation.Normalisation.OWN)
                .get();
        if (Cases.is(r, "holds-rotated") || Cases.is(r, "own-size-rotated")) {
            // Micro-batches of any sizes in both: only the normalisation differs, as in the diagonal pair.
            return DistGens.rotatedSplits(false).map(s -> new AccumInstance(s.f(), s.x(), s.sizes(), norm));
        }
        return Gens.integers(1, 4)
                .flatMap(k -> Gens.combine(Gens.listsOfSize(Gens.integers(1, 4), k), Gens.integers(1, 3))
                        .as((sz, d) -> new Object[] {
                            sz.stream().mapToInt(Integer::intValue).toArray(), d
                        }))
                .flatMap(o -> {
                    int[] sizes = (int[]) o[0];
                    int d = (Integer) o[1];
                    int n = Arrays.stream(sizes).sum();
                    return Gens.combine(FiniteSums.leastSquares(n, d), Problems.points(d, 2))
                            .as((f, x) -> new AccumInstance(f, x, sizes, norm));
                });
    }

    @Override
    public Evaluation evaluate(AccumInstance in, Regime r) {
        double[] acc = in.accumulated();
        double[] full = in.f().gradient(in.x());
        int d = full.length;
        double worst = 0;
        for (int j = 0; j < d; j++) {
            // Teeth: a wrong constant, accumulated = (1 + eps) grad f.
            worst = Math.max(worst, Math.abs(acc[j] - (1 + tighten()) * full[j]));
        }
        // Both sides are means of the same per-example gradients: scale 2 max |grad f_i|.
        double scale = 2 * ExampleRows.at(in.f(), in.x()).maxAbs();
        Evaluation.Builder b = new Evaluation.Builder();
        b.add(Check.atMost("max_j |accumulated_j - grad f(x)_j|", 1, worst, 0, Tolerance.of(scale, d)));
        return b.completed(Map.of());
    }

    @Override
    public List<String> labels(AccumInstance in, Regime r) {
        if (in.f() instanceof CertifiedSum f) {
            return DistGens.labels(f, in.sizes());
        }
        boolean equal = Arrays.stream(in.sizes()).allMatch(s -> s == in.sizes()[0]);
        return List.of(equal ? "equal micro-batches" : "unequal micro-batches");
    }

    @Override
    public List<Property.Coverage> coverage(Regime r) {
        return Cases.is(r, "holds-rotated") || Cases.is(r, "own-size-rotated") ? DistGens.coverage(true) : List.of();
    }
}
