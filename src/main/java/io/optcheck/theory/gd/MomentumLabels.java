package io.optcheck.theory.gd;

import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Property;
import java.util.List;

/** Statistics labels of momentum instances and the hard cases their holds runs must cover. */
final class MomentumLabels {

    private MomentumLabels() {}

    static final String KAPPA_1 = "kappa = 1";
    static final String NOT_QUADRATIC = "not quadratic";
    static final String SINGULAR = "singular (mu = 0)";
    static final String STEP_AT_LIMIT = "step exactly 1/L";

    static List<String> of(MomentumInstance in) {
        List<String> l = QuadraticLabels.sized(in.dimension());
        if (in.f() instanceof Quadratic q) {
            double[] range = QuadraticLabels.range(q.eigenvalues());
            double min = range[0];
            double max = range[1];
            if (min > 0 && max / min >= 1e3) {
                l.add(QuadraticLabels.KAPPA_GE_1E3);
            }
            if (min == max) {
                l.add(KAPPA_1);
            }
            if (min == 0) {
                l.add(SINGULAR);
            }
        } else {
            l.add(NOT_QUADRATIC);
            if (in.trueMu() == 0) {
                l.add(SINGULAR);
            }
        }
        if (in.h() == 1.0) {
            l.add(STEP_AT_LIMIT);
        }
        return l;
    }

    /** Coverage every holds regime on quadratics needs. */
    static List<Property.Coverage> quadraticCoverage() {
        return List.of(
                new Property.Coverage(QuadraticLabels.DIM_GE_10, 1),
                new Property.Coverage(QuadraticLabels.KAPPA_GE_1E3, 1));
    }
}
