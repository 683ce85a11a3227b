package io.optcheck.result;

import io.optcheck.prop.Phase;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of checking one conclusion of one theorem, for one method, in one regime. Immutable.
 *
 * <p>Use {@link #builder(String, String, String, String)}: it computes the verdict. The canonical
 * constructor (used by readers) rejects a verdict that disagrees with
 * {@link Verdicts#of(Expected, Outcome)}.
 *
 * <p>Free-form maps ({@code extra}, counterexample fields) are deep-copied and normalized to what a
 * JSON round trip returns: integral numbers to {@code Integer} (or {@code Long} when too large),
 * floating-point numbers to {@code Double}, arrays and collections to unmodifiable lists, maps to
 * unmodifiable insertion-ordered maps. Other value types are rejected. Inside such maps the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} are how JSON stores non-finite doubles,
 * so a reader turns them back into doubles.
 *
 * @param theorem        theorem id, e.g. {@code gd.descent-lemma}; not blank, no '/'
 * @param conclusion     which conclusion of the theorem; not blank, no '/'
 * @param method         method id; not blank, no '/'
 * @param regime         {@code holds}, {@code drop:<assumption-id>} or another unique regime id; not blank, no '/'
 * @param assumptions    assumption ids in force in this regime; not null (may be empty)
 * @param expected       what the theory predicts; not null
 * @param outcome        what was observed; not null
 * @param verdict        {@code Verdicts.of(expected, outcome)}; not null
 * @param waiver         set by {@code io.optcheck.report.Waivers.apply} on a failing result that a valid waiver excuses; else null
 * @param tries          number of generated instances tried (&gt;= 0)
 * @param seed           the seed of this check
 * @param foundBy        the phase that found the break, or null when nothing broke
 * @param worstRatio     max observed/bound over tries and steps t &gt;= 1, or null when no ratio was computed
 * @param tightReference the known tight ratio, or null when none is known
 * @param toleranceRatio tol/|rhs| of the checks (the largest over the checks evaluated); +Infinity where
 *                       rhs = 0 and an absolute tolerance was used; NaN when no check was evaluated
 * @param threshold      found vs. theoretical boundary for a breaking regime on a scalar, or null
 * @param statistics     the statistical test for expectation checks, or null
 * @param conventions    the method's declared conventions; may be empty, never null
 * @param counterexample the shrunk counterexample, or null
 * @param error          the error or refusal, or null
 * @param durationMs     wall time of this check in milliseconds (&gt;= 0); informational, not compared by tests
 * @param extra          further per-theorem figures (e.g. random vs. targeted worst ratio); may be empty
 * @param series         per-step curves for plots; may be empty, never null
 * @param precision      the floating-point format the checked method computes in (schemaVersion 5):
 *                       float64, float32 or bfloat16; a precision regime's for the built-in method, the
 *                       declared one for a plug-in
 * @param recheck        the higher-precision recheck of a marginal decisive check (schemaVersion 3):
 *                       classification "real", "rounding" or "not rechecked", with the numbers; null
 *                       when the decisive check was not within 1e3 ulps of its bound
 */
public record Result(
        String theorem,
        String conclusion,
        String method,
        String regime,
        List<String> assumptions,
        Expected expected,
        Outcome outcome,
        Verdict verdict,
        WaiverMark waiver,
        int tries,
        long seed,
        Phase foundBy,
        Double worstRatio,
        Double tightReference,
        double toleranceRatio,
        Threshold threshold,
        StatisticalTest statistics,
        Map<String, String> conventions,
        Counterexample counterexample,
        ErrorInfo error,
        long durationMs,
        Map<String, Object> extra,
        Series series,
        Map<String, Object> recheck,
        String precision) {

    /** The floating-point formats a result can name ({@code io.optcheck.api.Precision} ids). */
    public static final List<String> PRECISIONS = List.of("float64", "float32", "bfloat16");

    public Result {
        idPart(theorem, "theorem");
        idPart(conclusion, "conclusion");
        idPart(method, "method");
        idPart(regime, "regime");
        assumptions = List.copyOf(Objects.requireNonNull(assumptions, "assumptions"));
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        Verdict computed = Verdicts.of(expected, outcome);
        if (verdict != computed) {
            throw new IllegalArgumentException(theorem + "/" + conclusion + "/" + method + "/" + regime
                    + ": verdict " + verdict.json() + " disagrees with expected " + expected.json()
                    + " and outcome " + outcome.json() + " (the verdict table gives " + computed.json() + ")");
        }
        if (waiver != null && verdict != Verdict.FAIL) {
            throw new IllegalArgumentException(
                    "only a failing result can carry a waiver, verdict is " + verdict.json());
        }
        if (foundBy != null && !foundBy.searches()) {
            throw new IllegalArgumentException(
                    "foundBy must be a search phase (edge, random, targeted), got " + foundBy);
        }
        if (tries < 0) {
            throw new IllegalArgumentException("tries must be >= 0, got " + tries);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0, got " + durationMs);
        }
        conventions = Values.stringMap(conventions, "conventions");
        extra = Values.freeMap(extra, "extra");
        series = series == null ? Series.empty() : series;
        recheck = recheck == null ? null : Values.freeMap(recheck, "recheck");
        precision = precision == null ? "float64" : precision;
        if (!PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("precision must be one of " + PRECISIONS + ", got " + precision);
        }
    }

    private static void idPart(String s, String what) {
        Values.requireText(s, what);
        if (s.indexOf('/') >= 0) {
            throw new IllegalArgumentException(
                    what + " must not contain '/', it separates the parts of a result id: " + s);
        }
    }

    /** The id waivers refer to: {@code theorem/conclusion/method/regime}. */
    public String id() {
        return theorem + "/" + conclusion + "/" + method + "/" + regime;
    }

    /** True when the verdict is fail and no valid waiver excuses it. */
    public boolean blocksGate() {
        return verdict == Verdict.FAIL && waiver == null;
    }

    /**
     * Parses the results.json spelling of the phase that found a break: "edge", "random" or
     * "targeted"; anything else is an {@link IllegalArgumentException} naming the allowed values.
     */
    public static Phase foundBy(String s) {
        for (Phase p : Phase.values()) {
            if (p.searches() && p.json().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException((s == null ? "missing value" : "unknown value \"" + s + "\"")
                + "; expected one of \"edge\", \"random\", \"targeted\"");
    }

    /** This result with the given waiver mark (or none, for null). */
    public Result withWaiver(WaiverMark mark) {
        return toBuilder().waiver(mark).build();
    }

    /** A builder pre-filled with this result's values (the verdict is recomputed on build). */
    public Builder toBuilder() {
        Builder b = new Builder(theorem, conclusion, method, regime);
        b.assumptions = assumptions;
        b.expected = expected;
        b.outcome = outcome;
        b.waiver = waiver;
        b.tries = tries;
        b.seed = seed;
        b.foundBy = foundBy;
        b.worstRatio = worstRatio;
        b.tightReference = tightReference;
        b.toleranceRatio = toleranceRatio;
        b.threshold = threshold;
        b.statistics = statistics;
        b.conventions = conventions;
        b.counterexample = counterexample;
        b.error = error;
        b.durationMs = durationMs;
        b.extra = extra;
        b.series = series;
        b.recheck = recheck;
        b.precision = precision;
        return b;
    }

    /**
     * Starts a result. {@code expected} and {@code outcome} must be set before {@link Builder#build()};
     * every other field defaults to empty / null / 0, and {@code toleranceRatio} to NaN.
     */
    public static Builder builder(String theorem, String conclusion, String method, String regime) {
        return new Builder(theorem, conclusion, method, regime);
    }

    /** Mutable builder for {@link Result}; {@link #build()} computes the verdict. Not thread-safe. */
    public static final class Builder {
        private final String theorem;
        private final String conclusion;
        private final String method;
        private final String regime;
        private List<String> assumptions = List.of();
        private Expected expected;
        private Outcome outcome;
        private WaiverMark waiver;
        private int tries;
        private long seed;
        private Phase foundBy;
        private Double worstRatio;
        private Double tightReference;
        private double toleranceRatio = Double.NaN;
        private Threshold threshold;
        private StatisticalTest statistics;
        private Map<String, String> conventions = Map.of();
        private Counterexample counterexample;
        private ErrorInfo error;
        private long durationMs;
        private Map<String, Object> extra = Map.of();
        private Series series = Series.empty();
        private Map<String, Object> recheck;
        private String precision = "float64";

        private Builder(String theorem, String conclusion, String method, String regime) {
            this.theorem = theorem;
            this.conclusion = conclusion;
            this.method = method;
            this.regime = regime;
        }

        public Builder assumptions(List<String> v) {
            this.assumptions = v;
            return this;
        }

        public Builder expected(Expected v) {
            this.expected = v;
            return this;
        }

        public Builder outcome(Outcome v) {
            this.outcome = v;
            return this;
        }

        public Builder waiver(WaiverMark v) {
            this.waiver = v;
            return this;
        }

        public Builder tries(int v) {
            this.tries = v;
            return this;
        }

        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        public Builder foundBy(Phase v) {
            this.foundBy = v;
            return this;
        }

        public Builder worstRatio(Double v) {
            this.worstRatio = v;
            return this;
        }

        public Builder tightReference(Double v) {
            this.tightReference = v;
            return this;
        }

        public Builder toleranceRatio(double v) {
            this.toleranceRatio = v;
            return this;
        }

        public Builder threshold(Threshold v) {
            this.threshold = v;
            return this;
        }

        public Builder statistics(StatisticalTest v) {
            this.statistics = v;
            return this;
        }

        public Builder conventions(Map<String, String> v) {
            this.conventions = v;
            return this;
        }

        public Builder counterexample(Counterexample v) {
            this.counterexample = v;
            return this;
        }

        public Builder error(ErrorInfo v) {
            this.error = v;
            return this;
        }

        public Builder durationMs(long v) {
            this.durationMs = v;
            return this;
        }

        public Builder extra(Map<String, Object> v) {
            this.extra = v;
            return this;
        }

        public Builder series(Series v) {
            this.series = v;
            return this;
        }

        public Builder recheck(Map<String, Object> v) {
            this.recheck = v;
            return this;
        }

        /** The format the checked method computes in: float64 (default), float32 or bfloat16. */
        public Builder precision(String v) {
            this.precision = v;
            return this;
        }

        /** Builds the result with {@code verdict = Verdicts.of(expected, outcome)}. */
        public Result build() {
            Objects.requireNonNull(expected, "expected must be set");
            Objects.requireNonNull(outcome, "outcome must be set");
            return new Result(
                    theorem,
                    conclusion,
                    method,
                    regime,
                    assumptions,
                    expected,
                    outcome,
                    Verdicts.of(expected, outcome),
                    waiver,
                    tries,
                    seed,
                    foundBy,
                    worstRatio,
                    tightReference,
                    toleranceRatio,
                    threshold,
                    statistics,
                    conventions,
                    counterexample,
                    error,
                    durationMs,
                    extra,
                    series,
                    recheck,
                    precision);
        }
    }
}
