package io.optcheck.theory;

/**
 * Thrown inside a property body to end a try: a violated conclusion, a method that refused, or
 * a run that erred (a non-finite value, an exception). The kind survives shrinking, so a
 * violation never shrinks into an error.
 */
public class CheckFailure extends AssertionError {

    /** What ended the try. */
    public enum Kind {
        VIOLATION,
        REFUSED,
        ERROR
    }

    private final Kind kind;
    private final transient Evaluation evaluation;

    private CheckFailure(Kind kind, String message, Evaluation evaluation) {
        super(message);
        this.kind = kind;
        this.evaluation = evaluation;
    }

    public Kind kind() {
        return kind;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** A violated conclusion. */
    public static final class Violation extends CheckFailure {
        public Violation(Evaluation e) {
            super(Kind.VIOLATION, e.violation().describe(), e);
        }
    }

    /** The method reported that it cannot proceed. */
    public static final class Refused extends CheckFailure {
        public Refused(Evaluation e) {
            super(Kind.REFUSED, "refused at step " + e.errorStep() + ": " + e.endingMessage(), e);
        }
    }

    /** The run produced a non-finite value or threw. */
    public static final class RunError extends CheckFailure {
        public RunError(Evaluation e) {
            super(Kind.ERROR, "error at step " + e.errorStep() + ": " + e.endingMessage(), e);
        }
    }
}
