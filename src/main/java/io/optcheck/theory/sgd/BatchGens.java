package io.optcheck.theory.sgd;

import io.optcheck.api.Precision;
import io.optcheck.problem.FiniteSums;
import io.optcheck.problem.Problems;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one generator behind the exact minibatch theorems. K in [1, 3] shards of sizes in [1, 4]
 * (so n &lt;= 12), d in [1, 3], b in [1, 4], with or without replacement, least-squares data and
 * x in [-2, 2]. Enumeration stays below 35^3 outcomes per instance. A variant inverts exactly
 * one thing of the holds generator.
 */
public final class BatchGens {

    private BatchGens() {}

    /** What a regime changes relative to the holds generator. */
    public enum Variant {
        HOLDS,
        IMPORTANCE,
        CLIPPED,
        STALE,
        UNEQUAL_SHARDS,
        /** One shard of size in [1, 8], b in [1, 8], with or without replacement (the precision regimes). */
        ROUNDED,
        /** One shard of size in [1, 8], b in [1, 8], with replacement. */
        SINGLE_WITH,
        /** One shard of size in [1, 8], b in [1, 8] (capped at n), without replacement. */
        SINGLE_WITHOUT,
        /** K equal shards, each worker returns its whole shard's mean. */
        SHARD_MEANS_EQUAL,
        /** K shards of independently drawn sizes, each worker returns its whole shard's mean. */
        SHARD_MEANS_UNEQUAL
    }

    private static boolean single(Variant v) {
        return v == Variant.SINGLE_WITH || v == Variant.SINGLE_WITHOUT || v == Variant.ROUNDED;
    }

    public static Gen<BatchInstance> instances(Variant v) {
        Gen<Integer> k = single(v) ? Gens.just(1) : Gens.integers(1, 3);
        int maxSize = single(v) ? 8 : 4;
        return k.flatMap(kk -> Gens.combine(
                                Gens.listsOfSize(Gens.integers(1, maxSize), kk),
                                Gens.integers(1, 3),
                                Gens.booleans(),
                                Gens.integers(1, maxSize))
                        .as((raw, d, repl, b) -> {
                            int[] sizes =
                                    raw.stream().mapToInt(Integer::intValue).toArray();
                            if (v != Variant.UNEQUAL_SHARDS && v != Variant.SHARD_MEANS_UNEQUAL) {
                                Arrays.fill(sizes, sizes[0]);
                            }
                            if (v == Variant.SHARD_MEANS_EQUAL || v == Variant.SHARD_MEANS_UNEQUAL) {
                                // without replacement and b >= every shard size: each worker takes its whole shard
                                return new Object[] {sizes, d, false, maxSize};
                            }
                            boolean replacement = v == Variant.SINGLE_WITHOUT
                                    ? false
                                    : v == Variant.IMPORTANCE || v == Variant.SINGLE_WITH || repl;
                            return new Object[] {sizes, d, replacement, b};
                        }))
                .flatMap(o -> {
                    int[] sizes = (int[]) o[0];
                    int d = (Integer) o[1];
                    boolean repl = (Boolean) o[2];
                    int b = (Integer) o[3];
                    int n = Arrays.stream(sizes).sum();
                    Gen<double[][]> imp = Gens.just(null);
                    Gen<Double> clip = Gens.just(0.0);
                    Gen<double[]> delta = Gens.just(null);
                    switch (v) {
                        case IMPORTANCE -> imp = importance(sizes);
                        // The knob is 1 - h, shrinking toward 0: a shrunk counterexample clips as little as
                        // possible, so the threshold found sits just below the theoretical h = 1.
                        case CLIPPED ->
                            clip = Gens.doubles(0, 0.95)
                                    .withSpecials(0.0)
                                    .knob("1 - clip fraction")
                                    .map(u -> 1 - u);
                        case STALE -> delta = Problems.points(d, 1);
                        default -> {}
                    }
                    Gen<double[][]> impF = imp;
                    Gen<Double> clipF = clip;
                    Gen<double[]> deltaF = delta;
                    return Gens.combine(
                                    FiniteSums.leastSquares(n, d),
                                    Problems.points(d, 2),
                                    Gens.combine(impF, clipF).as((p, c) -> new Object[] {p, c}),
                                    deltaF)
                            .as((f, x, pc, dl) -> new BatchInstance(
                                    f,
                                    x,
                                    sizes,
                                    b,
                                    repl,
                                    (double[][]) pc[0],
                                    (Double) pc[1],
                                    dl,
                                    Precision.FLOAT64,
                                    null));
                });
    }

    /** Per-shard sampling probabilities proportional to weights in [0.25, 1]. */
    private static Gen<double[][]> importance(int[] sizes) {
        List<Gen<double[]>> gens = new ArrayList<>();
        for (int s : sizes) {
            gens.add(Gens.doubleArrays(Gens.doubles(0.25, 1).withSpecials(1.0).shrinkDigits(1), s)
                    .map(w -> {
                        double t = 0;
                        for (double x : w) {
                            t += x;
                        }
                        double[] p = new double[w.length];
                        for (int i = 0; i < w.length; i++) {
                            p[i] = w[i] / t;
                        }
                        return p;
                    }));
        }
        Gen<double[][]> acc = Gens.just(new double[0][]);
        for (Gen<double[]> g : gens) {
            acc = acc.flatMap(prev -> g.map(p -> {
                double[][] next = Arrays.copyOf(prev, prev.length + 1);
                next[prev.length] = p;
                return next;
            }));
        }
        return acc;
    }
}
