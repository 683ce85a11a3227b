package io.optcheck.run;

/**
 * Input a run cannot use (a plug-in class that cannot be loaded, two plug-ins with one method id,
 * a bad option value). The message is one paragraph that names the thing and the fix; the command
 * line prints it and exits with code 2, before anything runs.
 */
public final class RunInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunInputException(String message) {
        super(message);
    }
}
