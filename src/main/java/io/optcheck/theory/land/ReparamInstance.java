package io.optcheck.theory.land;

import io.optcheck.problem.Num;
import io.optcheck.problem.TwoLayerNet;
import io.optcheck.theory.Described;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ReLU network, parameters theta, and the layer rescaling alpha (W1 alpha, w2 / alpha). */
public record ReparamInstance(TwoLayerNet net, double[] theta, double alpha) implements Described {

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objective", net.describe());
        m.put("theta", Num.fmt(theta));
        m.put("alpha", alpha);
        m.put("f(theta)", net.value(theta));
        return m;
    }
}
