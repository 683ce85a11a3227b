package io.optcheck.theory.gd;

import io.optcheck.prop.DoubleGen;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;

/** Generators of the step fraction h = eta L: the search knob "h" of the GD theorems. */
final class StepGens {

    private StepGens() {}

    /** h in (lo, hi] (filter "h &gt; lo"), with {@code specials} as boundary values. */
    static Gen<Double> above(double lo, double hi, double... specials) {
        return h(lo, hi, specials).filter("h > " + (int) lo, v -> v > lo);
    }

    /** h in (lo, hi) (filter "lo &lt; h &lt; hi"), with {@code specials} as boundary values. */
    static Gen<Double> between(double lo, double hi, double... specials) {
        return h(lo, hi, specials).filter((int) lo + " < h < " + (int) hi, v -> v > lo && v < hi);
    }

    private static Gen<Double> h(double lo, double hi, double... specials) {
        DoubleGen g = specials.length == 0
                ? Gens.doubles(lo, hi)
                : Gens.doubles(lo, hi).withSpecials(specials);
        return g.knob("h");
    }
}
