package io.optcheck.theory.land;

import io.optcheck.problem.Num;
import io.optcheck.problem.Problem;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A segment [x, y] of an objective and the point a on it: z = (1 - a) x + a y.
 *
 * @param note how x and y were chosen
 */
public record SegmentInstance(Problem problem, double[] x, double[] y, double a, String note) implements Described {

    /** The point z = (1 - a) x + a y. */
    double[] z() {
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (1 - a) * x[i] + a * y[i];
        }
        return z;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", problem.describe());
        m.put("dimension", x.length);
        m.put("points", note);
        m.put("x", Num.fmt(x));
        m.put("y", Num.fmt(y));
        m.put("a", a);
        m.put("f(x)", problem.objective().value(x));
        m.put("f(y)", problem.objective().value(y));
        m.put("||grad f(x)||", Vectors.norm(problem.objective().gradient(x)));
        return m;
    }
}
