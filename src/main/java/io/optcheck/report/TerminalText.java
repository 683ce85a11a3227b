package io.optcheck.report;

/**
 * Text for a terminal. Ids and messages can come from a user's plug-in; printed raw, a carriage
 * return, an escape sequence or a line feed could overwrite or fake a line (for example a
 * "gate: passed"). The terminal table and the command line's progress, listing and error lines
 * all go through {@link #oneLine}, as the HTML ({@link Html}) and Markdown writers escape theirs.
 */
public final class TerminalText {
    private TerminalText() {}

    /**
     * One line: CR, LF and CRLF become a visible {@code \n}, every other control character
     * (ESC, BEL, backspace, DEL, C1 controls) a space. Null becomes {@code "null"}.
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        String t = s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }
}
