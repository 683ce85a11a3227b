package io.optcheck.theory.gd;

import io.optcheck.prop.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistics labels of quadratic GD instances, and the hard cases every holds run must cover; the
 * size and conditioning labels every GD family shares.
 */
final class QuadraticLabels {

    private QuadraticLabels() {}

    static final String DIM_1 = "dimension 1";
    static final String DIM_GE_10 = "dimension >= 10";
    static final String KAPPA_GE_1E3 = "kappa >= 1e3";
    static final String ETA_AT_LIMIT = "eta exactly at its limit";
    static final String ROTATED = "rotated H";

    /** Required in every regime: the hard cases were generated. */
    static final List<Property.Coverage> COVERAGE =
            List.of(new Property.Coverage(DIM_GE_10, 1), new Property.Coverage(KAPPA_GE_1E3, 1));

    /** A new label list holding the size labels of dimension {@code d}: DIM_1, DIM_GE_10. */
    static List<String> sized(int d) {
        List<String> l = new ArrayList<>(4);
        if (d == 1) {
            l.add(DIM_1);
        }
        if (d >= 10) {
            l.add(DIM_GE_10);
        }
        return l;
    }

    /** The smallest and the largest eigenvalue, {min, max} (max from 0). */
    static double[] range(double[] ev) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double e : ev) {
            max = Math.max(max, e);
            min = Math.min(min, e);
        }
        return new double[] {min, max};
    }

    static List<String> of(GdInstance in) {
        List<String> l = sized(in.q().dimension());
        double[] range = range(in.q().eigenvalues());
        double min = range[0];
        double max = range[1];
        if (min > 0 && max / min >= 1e3) {
            l.add(KAPPA_GE_1E3);
        }
        if (in.lScale() == 1 && (in.h() == 1.0 || in.h() == 2.0)) {
            l.add(ETA_AT_LIMIT);
        }
        if (!in.q().isDiagonal()) {
            l.add(ROTATED);
        }
        return l;
    }
}
