package io.optcheck.report;

import io.optcheck.prop.Phase;
import io.optcheck.result.Counterexample;
import io.optcheck.result.Expected;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Threshold;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built reports for the tests. */
final class Fixtures {
    private Fixtures() {}

    static final Instant STARTED = Instant.parse("2025-01-31T12:00:00Z");

    static Result held(String theorem, String regime) {
        return Result.builder(theorem, "main", "gd", regime)
                .assumptions(List.of("l-smooth", "step-le-1-over-l"))
                .expected(Expected.HOLDS)
                .outcome(Outcome.HELD)
                .tries(1000)
                .seed(42)
                .worstRatio(0.5)
                .toleranceRatio(1.5e-13)
                .durationMs(12)
                .build();
    }

    static Result broken(String theorem, String regime) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("dim", 1);
        fields.put("eta L", 2.0004);
        fields.put("x0", new double[] {1.0, Double.NaN});
        return Result.builder(theorem, "main", "gd", regime)
                .assumptions(List.of("l-smooth"))
                .expected(Expected.BREAKS)
                .outcome(Outcome.BROKEN)
                .tries(200)
                .seed(7)
                .foundBy(Phase.TARGETED)
                .worstRatio(Double.POSITIVE_INFINITY)
                .toleranceRatio(2e-12)
                .threshold(new Threshold(2.0004, 2.0, "eta L"))
                .counterexample(new Counterexample(fields, "dim 1, eta L = 2.0004, x0 = [1]", "r1:abc", 17))
                .durationMs(30)
                .build();
    }

    static Result failing(String theorem, String regime) {
        return Result.builder(theorem, "main", "gd", regime)
                .assumptions(List.of("l-smooth", "step-le-1-over-l"))
                .expected(Expected.HOLDS)
                .outcome(Outcome.BROKEN)
                .tries(1000)
                .seed(42)
                .foundBy(Phase.RANDOM)
                .worstRatio(1.00049)
                .toleranceRatio(1e-13)
                .counterexample(new Counterexample(Map.of("dim", 2), "dim 2 | eta = 1/L, x*y", "r1:def", 3))
                .durationMs(5)
                .build();
    }

    static Result info(String theorem, String regime) {
        return Result.builder(theorem, "main", "gd", regime)
                .expected(Expected.NONE)
                .outcome(Outcome.BROKEN)
                .tries(100)
                .seed(42)
                .foundBy(Phase.EDGE)
                .worstRatio(3.0)
                .toleranceRatio(1e-13)
                .build();
    }

    static RunReport report(List<Result> results) {
        return RunReport.of("0.1.0", 42, STARTED, 12345, Map.of("c", 16), results, List.of());
    }
}
