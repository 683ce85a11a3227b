package io.optcheck.cli;

/**
 * Input the command line cannot use: an unknown id, an unwritable output directory, a malformed
 * replay target. The message is one paragraph that names the thing and the fix; the command line
 * prints it and exits with code 2.
 */
final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }
}
