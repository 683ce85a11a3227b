package io.optcheck.report;

/** A results.json that cannot be read back: the message gives the JSON path of the problem. */
public final class ReportFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
