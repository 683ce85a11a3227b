package io.optcheck.theory.sgd.schedules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named curves over the checkpoints of an expectation check, for the report's plots. */
final class Curves {
    private final Map<String, List<Double>> curves = new LinkedHashMap<>();

    void point(String name, double v) {
        curves.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
    }

    Map<String, double[]> toMap() {
        Map<String, double[]> out = new LinkedHashMap<>();
        curves.forEach(
                (k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
