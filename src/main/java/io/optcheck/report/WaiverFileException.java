package io.optcheck.report;

/**
 * A waiver file that cannot be used: unreadable, not YAML/JSON, or an entry that is malformed. The
 * message names the file, the entry (counted from 1) and the fix. The command line maps it to exit
 * code 2 (bad input).
 */
public final class WaiverFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int entry;

    WaiverFileException(String file, int entry, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.entry = entry;
    }

    /** The file as it was given. */
    public String file() {
        return file;
    }

    /** The offending entry, counted from 1, or 0 when the problem is not in one entry. */
    public int entry() {
        return entry;
    }
}
