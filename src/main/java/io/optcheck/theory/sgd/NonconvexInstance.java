package io.optcheck.theory.sgd;

import io.optcheck.problem.Num;
import io.optcheck.problem.Ripple;
import io.optcheck.theory.Described;
import io.optcheck.theory.StepSize;
import io.optcheck.theory.stat.Seeds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of sgd.nonconvex: a rippled quadratic (certified L and f_low), a start, eta = h/L
 * and Gaussian gradient noise of scale s per coordinate (sigma^2 = d s^2).
 *
 * @param f the objective
 * @param x0 the start
 * @param h eta L
 * @param s the noise scale per coordinate
 */
public record NonconvexInstance(Ripple f, double[] x0, double h, double s) implements Described {

    public int d() {
        return f.dimension();
    }

    public double l() {
        return f.certificate().L().orElseThrow();
    }

    public double fLow() {
        return f.certificate().fLow().orElseThrow();
    }

    public double eta() {
        return StepSize.fractionOf(h, l());
    }

    public double sigma2() {
        return d() * s * s;
    }

    public long key() {
        return Seeds.key(Seeds.key(f.describe().hashCode(), l(), fLow()), Seeds.key(x0), h, s);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f", f.describe());
        m.put("L", l());
        m.put("f_low", fLow());
        m.put("x0", Num.fmt(x0));
        m.put("eta L", h);
        m.put("eta", eta());
        m.put("noise", "gaussian(s = " + Num.fmt(s) + " per coordinate)");
        m.put("sigma^2 used", sigma2());
        return m;
    }
}
