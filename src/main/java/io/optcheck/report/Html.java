package io.optcheck.report;

/**
 * HTML escaping for the HTML report. Every string that comes from data (ids, spec text, messages,
 * counterexample fields, waiver reasons) goes through {@link #text} or {@link #attr} before it
 * reaches the page; the page never relies on a Content-Security-Policy to stay inert.
 */
public final class Html {
    private Html() {}

    /**
     * Text for element content or a double- or single-quoted attribute value: {@code & < > " '}
     * become character references, and control characters other than tab and line feed (which HTML
     * forbids or mangles) become U+FFFD. Null becomes the empty string.
     */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Same as {@link #text}: safe inside a quoted attribute value. Always quote attributes. */
    public static String attr(String s) {
        return text(s);
    }

    /**
     * A fragment identifier made only of {@code [A-Za-z0-9_-]}, unique per input: unsafe characters
     * become '_' and a hash of the original is appended when anything was replaced, so that two ids
     * that differ only in replaced characters still get different anchors.
     */
    public static String anchor(String prefix, String s) {
        StringBuilder sb = new StringBuilder(prefix);
        boolean replaced = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == '.' || c == ':') {
                sb.append('-');
                replaced = true;
            } else {
                sb.append('_');
                replaced = true;
            }
        }
        if (replaced) {
            sb.append('-').append(Integer.toHexString(s.hashCode()));
        }
        return sb.toString();
    }
}
