package io.optcheck.prop;

import java.util.List;
import java.util.Set;

/**
 * The outcome of one try: the realized choices, the value, and what the body said.
 *
 * @param <T> the generated type
 */
record TryResult<T>(
        ChoiceSequence sequence,
        T value,
        Kind kind,
        Throwable failure,
        String rejectReason,
        List<String> labels,
        List<String> notes,
        double score) {

    enum Kind {
        PASSED,
        FAILED,
        REJECTED,
        OVERRUN
    }

    boolean failed() {
        return kind == Kind.FAILED;
    }

    boolean valid() {
        return kind == Kind.PASSED || kind == Kind.FAILED;
    }

    boolean hasScore() {
        return valid() && !Double.isNaN(score);
    }

    /**
     * Exceptions that HotSpot may throw preallocated, with neither stack trace nor message, once
     * the code throwing them is compiled ({@code -XX:+OmitStackTraceInFastThrow}, on by default).
     */
    private static final Set<Class<?>> FAST_THROW = Set.of(
            NullPointerException.class,
            ArithmeticException.class,
            ArrayIndexOutOfBoundsException.class,
            ArrayStoreException.class,
            ClassCastException.class);

    /**
     * What "the same failure" means while shrinking: the exception type and where it was thrown.
     * A shrunk case must fail the same way as the original. For the exception types the JVM may
     * throw without a stack trace after warm-up (see {@link #FAST_THROW}) the key is the type
     * alone: neither the origin nor the message survives the omission, so a key using them would
     * depend on JIT state.
     */
    String failureKey() {
        if (failure == null) {
            return null;
        }
        if (FAST_THROW.contains(failure.getClass())) {
            return failure.getClass().getName();
        }
        StackTraceElement[] st = failure.getStackTrace();
        String where = st.length > 0 ? st[0].getClassName() + "#" + st[0].getMethodName() : "";
        return failure.getClass().getName() + "@" + where;
    }
}
