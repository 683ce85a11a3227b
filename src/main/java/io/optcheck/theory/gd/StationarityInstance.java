package io.optcheck.theory.gd;

import io.optcheck.problem.Interpolations;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Ripple;
import io.optcheck.problem.SmoothInterpolant;
import io.optcheck.theory.Described;
import io.optcheck.theory.StepSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient descent with step h/L on an L-smooth function bounded below, for
 * gd.nonconvex-stationarity: a rippled quadratic (closed form) or a maximal L-smooth interpolant
 * of GD-path data (the worst-case interpolation family). L and f_low come from the certificate.
 *
 * @param f the objective
 * @param l L from the certificate
 * @param fLow f_low from the certificate
 * @param x0 the start
 * @param h eta = h/L
 * @param rejection why the instance fails its class's assumptions (checked on the realised
 *     function), or null
 */
record StationarityInstance(Objective f, double l, double fLow, double[] x0, double h, String rejection)
        implements Described {

    static final String INTERPOLATED = "interpolation family";

    static StationarityInstance of(Ripple f, double[] x0, double h) {
        double l = f.certificate().L().orElseThrow();
        return new StationarityInstance(
                f,
                l,
                f.certificate().fLow().orElseThrow(),
                x0,
                h,
                l > 0 && Double.isFinite(h / l) ? null : "L = " + l + ": no finite step h/L");
    }

    /** An interpolant of GD-path data starting at x_0 = 0; rejected when the data do not interpolate. */
    static StationarityInstance of(Interpolations.Draw draw, int d, double h) {
        SmoothInterpolant f = draw.f();
        if (f == null) {
            return new StationarityInstance(null, 1, 0, new double[d], h, draw.rejection());
        }
        return new StationarityInstance(
                f, f.l(), f.certificate().fLow().orElseThrow(), f.point(0), h, Interpolations.verify(f));
    }

    double eta() {
        return StepSize.fractionOf(h, l);
    }

    int dimension() {
        return x0.length;
    }

    boolean interpolated() {
        return f instanceof SmoothInterpolant;
    }

    List<String> labels() {
        if (f instanceof Ripple r) {
            return new RippleInstance(r, x0, h, Double.POSITIVE_INFINITY).labels();
        }
        List<String> out = new ArrayList<>(2);
        out.add(INTERPOLATED);
        if (x0.length == 1) {
            out.add(QuadraticLabels.DIM_1);
        }
        return out;
    }

    @Override
    public Map<String, Object> describe() {
        if (f instanceof Ripple r) {
            Map<String, Object> m = new RippleInstance(r, x0, h, Double.POSITIVE_INFINITY).describe();
            m.put("family", "ripple");
            return m;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", "interpolation (maximal L-smooth interpolant, Taylor, Hendrickx & Glineur 2017)");
        m.put("dimension", x0.length);
        if (f instanceof SmoothInterpolant s) {
            m.putAll(s.describeData());
            m.put("certificate", s.certificate().describe());
            m.put("sampled class ratio", s.sampledClassRatio(16));
            m.put("interpolation residual", s.interpolationResidual());
            m.put("argmin f (attains f_low)", Num.fmt(s.lowPoint()));
        }
        m.put("x0", Num.fmt(x0));
        m.put("L", l);
        m.put("f_low", fLow);
        m.put("eta", eta());
        m.put("eta L", h);
        return m;
    }
}
