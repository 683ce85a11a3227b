package io.optcheck.theory;

import io.optcheck.api.Precision;
import io.optcheck.result.Expected;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A theorem's spec: the YAML front matter of {@code specs/<family>/<name>.md} and its Markdown
 * body (derivation and what is measured).
 *
 * @param id the theorem id, {@code family.name}
 * @param title a short title
 * @param method the method id
 * @param kind the method kind the theorem is about (a {@code MethodKind} id), or null for a theorem
 *     bound to one method of its own
 * @param assumptions assumption ids of the theorem
 * @param conclusions conclusion ids with their LaTeX statements
 * @param regimes regime ids with conclusion and expected outcome
 * @param ciTries tries per regime in {@code mvn test} and the CI profile
 * @param fullTries tries per regime in the main command
 * @param source the reference (book, paper, theorem number)
 * @param body the Markdown below the front matter
 * @param file the path the spec was read from, for messages
 */
public record Spec(
        String id,
        String title,
        String method,
        String kind,
        List<String> assumptions,
        List<Conclusion> conclusions,
        List<RegimeSpec> regimes,
        int ciTries,
        int fullTries,
        String source,
        String body,
        String file) {

    /**
     * A conclusion: id, statement in LaTeX, and the ratio observed/bound that a tight instance
     * reaches (null when the conclusion has none).
     */
    public record Conclusion(String id, String latex, Double tight) {
        public Conclusion(String id, String latex) {
            this(id, latex, null);
        }
    }

    /**
     * A regime as the spec states it.
     *
     * @param drops the assumption the regime inverts, or null
     * @param assumptions the assumptions in force; null for the default: the theorem's, less
     *     {@code drops}
     * @param threshold the scalar parameter whose boundary the report shows, or null
     * @param description one line for people
     */
    public record RegimeSpec(
            String id,
            String conclusion,
            String expected,
            String drops,
            List<String> assumptions,
            Regime.ThresholdSpec threshold,
            String description,
            Precision precision) {
        public RegimeSpec {
            assumptions = assumptions == null ? null : List.copyOf(assumptions);
        }

        /** A regime with the default assumptions, no threshold and the id as description. */
        public RegimeSpec(String id, String conclusion, String expected) {
            this(id, conclusion, expected, null, null, null, id, null);
        }
    }

    /** The regimes as {@link Regime} values, in the spec's order. */
    public List<Regime> regimeList() {
        List<String> ids = regimes.stream().map(RegimeSpec::id).toList();
        return regimes.stream()
                .map(r -> {
                    List<String> in = r.assumptions();
                    if (in == null) {
                        in = assumptions.stream()
                                .filter(a -> !a.equals(r.drops()))
                                .toList();
                    }
                    return new Regime(
                            r.id(),
                            r.conclusion(),
                            Expected.fromJson(r.expected()),
                            in,
                            r.drops(),
                            r.description(),
                            r.threshold(),
                            ids,
                            r.precision());
                })
                .toList();
    }

    /** The tight ratio of a conclusion, when the spec gives one. */
    public OptionalDouble tight(String conclusion) {
        return conclusions.stream()
                .filter(c -> c.id().equals(conclusion) && c.tight() != null)
                .mapToDouble(Conclusion::tight)
                .findFirst();
    }
}
