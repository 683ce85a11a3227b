package io.optcheck.text;

import java.util.Locale;

/**
 * The one formatter of labelled lines, the shape of every message a person reads: the engine's
 * failure report, a failed regime's message (JUnit and the AssertJ assertions), a replay on the
 * command line, and (as Markdown list items) summary.md.
 *
 * <p>Plain form: two spaces, the label and a colon padded to {@value #LABEL_WIDTH} characters,
 * a space, the value, the platform's line separator:
 * <pre>
 *   theorem:         gd.descent-lemma
 *   replay:          mvn test -Doptcheck.theoremReplay=...
 * </pre>
 * Markdown form: {@code - **label:** value} and a newline. Values are written as given (callers
 * format numbers with {@link Locale#ROOT} and escape Markdown themselves).
 */
public final class LabelledLines {

    /** Width of the padded label column, colon included. */
    public static final int LABEL_WIDTH = 16;

    private static final String NL = System.lineSeparator();

    private LabelledLines() {}

    /** Appends {@code "  label:          value"} and a line separator. */
    public static StringBuilder line(StringBuilder sb, String label, String value) {
        return sb.append(String.format(Locale.ROOT, "  %-" + LABEL_WIDTH + "s %s", label + ":", value))
                .append(NL);
    }

    /** Appends a continuation line: {@code value} aligned under the values of {@link #line}. */
    public static StringBuilder continued(StringBuilder sb, String value) {
        return sb.append(String.format(Locale.ROOT, "  %-" + LABEL_WIDTH + "s %s", "", value))
                .append(NL);
    }

    /** Appends the Markdown list item {@code "- **label:** value"} and a newline. */
    public static StringBuilder markdownItem(StringBuilder sb, String label, String value) {
        return sb.append("- **").append(label).append(":** ").append(value).append('\n');
    }
}
