package io.optcheck.theory.land;

import io.optcheck.problem.CubicCriticalPoint;
import io.optcheck.problem.Num;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A polynomial with a critical point at 0, a unit direction u and a radius fraction s
 * (the radius is s times the certified radius, or s itself where there is none).
 */
public record CriticalInstance(CubicCriticalPoint f, double[] u, double s) implements Described {

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", f.describe());
        m.put("dimension", f.dimension());
        m.put("hessian eigenvalues at 0", Num.fmt(f.lambda()));
        m.put("M3", f.thirdDerivativeBound());
        m.put("direction u", Num.fmt(u));
        m.put("s", s);
        return m;
    }
}
