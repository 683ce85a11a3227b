package io.optcheck.report;

import io.optcheck.result.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the HTML report shows about a theorem besides its results, taken from its spec and the
 * assumption vocabulary by the caller (the report layer reads no specs itself).
 *
 * @param id          theorem id
 * @param title       the spec's title
 * @param source      the reference (book, paper, theorem number)
 * @param conclusions conclusion id to its statement in LaTeX, in spec order
 * @param assumptions assumption id to its statement, in spec order
 * @param regimes     regime id to its one-line description, in spec order (may be empty)
 * @param body        the spec's Markdown body (statement, derivation, what is measured), shown as text
 */
public record TheoremText(
        String id,
        String title,
        String source,
        Map<String, String> conclusions,
        Map<String, String> assumptions,
        Map<String, String> regimes,
        String body) {
    public TheoremText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        source = source == null ? "" : source;
        conclusions = Values.stringMap(conclusions, "conclusions");
        assumptions = Values.stringMap(assumptions, "assumptions");
        regimes = Values.stringMap(regimes, "regimes");
        body = body == null ? "" : body;
    }

    /** The regime ids in spec order. */
    public List<String> regimeOrder() {
        return List.copyOf(regimes.keySet());
    }
}
