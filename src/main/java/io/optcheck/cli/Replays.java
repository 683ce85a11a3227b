package io.optcheck.cli;

import static io.optcheck.text.LabelledLines.line;

import io.optcheck.result.Counterexample;
import io.optcheck.result.Outcome;
import io.optcheck.result.Result;
import java.util.List;
import java.util.Map;

/** The text a replay prints: the case's outcome and its counterexample fields, one labelled line each. */
final class Replays {
    private Replays() {}

    static String describe(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("replay of ")
                .append(r.theorem())
                .append(" / ")
                .append(r.regime())
                .append(System.lineSeparator());
        line(sb, "conclusion", r.conclusion());
        line(sb, "method", r.method());
        line(sb, "assumptions", String.join(", ", r.assumptions()));
        line(sb, "expected", r.expected().json());
        line(sb, "outcome", r.outcome().json());
        line(sb, "verdict", r.verdict().json());
        if (r.error() != null) {
            line(
                    sb,
                    "error",
                    r.error().message()
                            + (r.error().step() == null
                                    ? ""
                                    : " (step " + r.error().step() + ")"));
        }
        Counterexample c = r.counterexample();
        if (c == null) {
            sb.append(
                            r.outcome() == Outcome.HELD
                                    ? "The case no longer fails: the conclusion held on it."
                                    : "No counterexample.")
                    .append(System.lineSeparator());
            return sb.toString();
        }
        sb.append("counterexample:").append(System.lineSeparator());
        for (Map.Entry<String, Object> e : c.fields().entrySet()) {
            line(sb, e.getKey(), value(e.getValue()));
        }
        line(sb, "replay", c.replay());
        return sb.toString();
    }

    /** Full precision, locale independent: Double.toString round-trips every double. */
    static String value(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(value(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(": ").append(value(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }
}
