package io.optcheck.text;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The one wording of where a JSON or YAML text failed to parse, for the messages that name a bad
 * input file (waivers, spec front matter, the assumption vocabulary).
 */
public final class ParseErrors {

    private ParseErrors() {}

    /**
     * {@code " at line L, column C (parser's message)"}, or {@code " (parser's message)"} when
     * the parser gives no location.
     *
     * @param lineOffset lines of the file before the parsed text (1 for a spec's front matter,
     *     which starts after its opening {@code ---} line)
     */
    public static String where(JsonProcessingException e, int lineOffset) {
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " at line " + (e.getLocation().getLineNr() + lineOffset) + ", column "
                        + e.getLocation().getColumnNr();
        return where + " (" + e.getOriginalMessage() + ")";
    }
}
