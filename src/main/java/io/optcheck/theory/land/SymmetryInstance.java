package io.optcheck.theory.land;

import io.optcheck.problem.Num;
import io.optcheck.problem.TwoLayerNet;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/** A two-layer network, a parameter vector, the swapped units u &lt; v, and the GD step. */
public record SymmetryInstance(TwoLayerNet net, double[] theta0, int u, int v, double eta) implements Described {

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", net.describe());
        m.put("swapped units", "(" + u + ", " + v + ")");
        m.put("theta0", Num.fmt(theta0));
        // Printed digits can hide a small difference between the two units: state it.
        double[] p = net.swapUnits(theta0, u, v);
        double a = 0;
        for (int i = 0; i < p.length; i++) {
            a = Math.max(a, Math.abs(theta0[i] - p[i]));
        }
        m.put("max |theta0 - P theta0|", a);
        m.put("eta", eta);
        return m;
    }
}
