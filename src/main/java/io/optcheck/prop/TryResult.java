package io.optcheck.prop;

import java.util.List;

/**
 * The outcome of one try: the realized choices, the value, and what the body said.
 *
 * @param <T> the generated type
 */
record TryResult<T>(ChoiceSequence sequence, T value, Kind kind, Throwable failure,
                    String rejectReason, List<String> labels, List<String> notes, double score) {

  enum Kind { PASSED, FAILED, REJECTED, OVERRUN }

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
   * What "the same failure" means while shrinking: the exception type and where it was thrown.
   * A shrunk case must fail the same way as the original.
   */
  String failureKey() {
    if (failure == null) {
      return null;
    }
    StackTraceElement[] st = failure.getStackTrace();
    String where = st.length > 0 ? st[0].getClassName() + "#" + st[0].getMethodName() : "";
    return failure.getClass().getName() + "@" + where;
  }
}
