package io.optcheck.theory;

import io.optcheck.prop.Phase;
import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import io.optcheck.prop.Trial;
import io.optcheck.result.Counterexample;
import io.optcheck.result.ErrorInfo;
import io.optcheck.result.Outcome;
import io.optcheck.result.Replay;
import io.optcheck.result.Result;
import io.optcheck.result.Series;
import io.optcheck.result.Threshold;
import io.optcheck.result.Verdicts;
import io.optcheck.theory.stat.FalseAlarmBudget;
import io.optcheck.theory.stat.StatisticalTheorem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one regime of a theorem as a property and turns what the engine found into a
 * {@link Result}: the outcome, the worst ratio over tries and steps, the shrunk counterexample
 * with its replay string, the threshold found, and the phase that found the break.
 */
public final class TheoremRunner {

    private TheoremRunner() {}

    /** A progress hook that does nothing. */
    private static final Runnable NO_PROGRESS = () -> {};

    /**
     * Tries a regime run rejected without a verdict, by cause: a check with a NaN or infinite
     * bound or tolerance (THEOREMS.md, Numerics, "Representable instances"), or hyperparameters
     * outside the method's declared ranges ({@link DeclaredRanges}); and the evaluations that were
     * judged but vacuous ({@link Evaluation#vacuous()}, not violated). Counted over every evaluation
     * of the property, shrinking replays included. Not thread-safe: one per property run.
     */
    public static final class Rejections {
        private int noVerdict;
        private int outOfRange;
        private String firstOutOfRange;
        private int vacuous;

        /** Tries whose check had no verdict. */
        public int noVerdict() {
            return noVerdict;
        }

        /** Tries whose hyperparameters were outside the declared ranges. */
        public int outOfRange() {
            return outOfRange;
        }

        /** Evaluations, not violated, whose every check with a nonzero bound was unresolved. */
        public int vacuous() {
            return vacuous;
        }
    }

    /** The property behind a regime, ready to run. */
    public static <I> Property<I> property(Theorem<I> theorem, Regime regime, int tries, long seed, boolean edgeCases) {
        return property(theorem, regime, tries, seed, edgeCases, NO_PROGRESS, new Rejections());
    }

    /**
     * The property behind a regime. {@code onTry} runs at the start of every try (edge, random,
     * targeted and shrink replays alike), so that a supervisor can hold each try to a deadline;
     * {@code rejections} counts the tries it rejects without a verdict: an evaluation with a check
     * that cannot decide ({@link Evaluation#noVerdict()}), or a method the theorem would have run
     * outside its declared ranges.
     */
    public static <I> Property<I> property(
            Theorem<I> theorem,
            Regime regime,
            int tries,
            long seed,
            boolean edgeCases,
            Runnable onTry,
            Rejections rejections) {
        // The name carries the method: a conformance theorem runs under one id for every plug-in.
        Property<I> p = Property.forAll(
                        theorem.id() + "/" + regime.id() + " on " + theorem.methodId(),
                        theorem.instances(regime),
                        (I instance, Trial trial) -> {
                            onTry.run();
                            Optional<String> rejected = theorem.rejection(instance);
                            if (rejected.isPresent()) {
                                trial.reject(rejected.get());
                            }
                            for (String label : theorem.labels(instance, regime)) {
                                trial.label(label);
                            }
                            Evaluation e;
                            try {
                                e = theorem.evaluate(instance, regime);
                            } catch (DeclaredRanges.OutsideDeclaredRange out) {
                                rejections.outOfRange++;
                                if (rejections.firstOutOfRange == null) {
                                    rejections.firstOutOfRange = out.getMessage();
                                }
                                trial.reject(out.getMessage());
                                return;
                            } catch (StepSize.Unrepresentable u) {
                                rejections.noVerdict++;
                                trial.reject(u.getMessage());
                                return;
                            }
                            if (e.noVerdict() && e.violation() == null) {
                                rejections.noVerdict++;
                                trial.reject("no verdict (a NaN or infinite bound or tolerance, THEOREMS.md Numerics): "
                                        + e.undecided().describe());
                                return;
                            }
                            if (e.vacuous() && e.violation() == null) {
                                rejections.vacuous++;
                            }
                            if (!Double.isNaN(e.worstRatio())) {
                                trial.target(e.worstRatio());
                            }
                            switch (e.ending()) {
                                case ERROR -> throw new CheckFailure.RunError(e);
                                case REFUSED -> throw new CheckFailure.Refused(e);
                                default -> {}
                            }
                            if (e.violation() != null) {
                                throw new CheckFailure.Violation(e);
                            }
                        })
                .tries(tries)
                .seed(seed)
                .edgeCases(edgeCases)
                .arguments(theorem::describe);
        for (Property.Coverage c : theorem.coverage(regime)) {
            p = p.cover(c.label(), c.minPercent());
        }
        return p;
    }

    /** Runs a regime with the given settings and the spec's tries. */
    public static <I> Result run(Theorem<I> theorem, Regime regime, int tries, RunSettings settings) {
        return run(theorem, regime, tries, settings, NO_PROGRESS);
    }

    /** {@link #run(Theorem, Regime, int, RunSettings)}, calling {@code onTry} at the start of every try. */
    public static <I> Result run(Theorem<I> theorem, Regime regime, int tries, RunSettings settings, Runnable onTry) {
        Optional<String> na = theorem.notApplicable(regime);
        if (na.isPresent()) {
            return notApplicable(theorem, regime, na.get(), settings.seed());
        }
        theorem = withBudget(theorem, regime, tries, settings);
        Rejections rejections = new Rejections();
        PropertyResult<I> r = property(theorem, regime, tries, settings.seed(), settings.edgeCases(), onTry, rejections)
                .run();
        if (r.status() == PropertyResult.Status.ERROR
                && r.tries() == 0
                && rejections.outOfRange > 0
                && rejections.outOfRange == r.rejected()) {
            // Every instance the regime generated needs a value outside the declared ranges.
            return notApplicable(
                    theorem,
                    regime,
                    "every instance of this regime needs hyperparameters outside the declared " + "ranges ("
                            + rejections.outOfRange + " tries), for example: " + rejections.firstOutOfRange,
                    settings.seed());
        }
        Result result = toResult(theorem, regime, r);
        // Vacuous evaluations are reported for a run that held: there every evaluation is an edge,
        // random or targeted try. After a violation the shrinker's candidates crowd toward the
        // degenerate instances where checks are vacuous, and the count would describe the shrinking.
        boolean vacuous = rejections.vacuous > 0 && result.outcome() == Outcome.HELD;
        if (rejections.noVerdict > 0 || rejections.outOfRange > 0 || vacuous) {
            Map<String, Object> extra = new LinkedHashMap<>(result.extra());
            if (vacuous) {
                extra.put("vacuousEvaluations", rejections.vacuous);
            }
            if (rejections.noVerdict > 0) {
                extra.put("noVerdictTries", rejections.noVerdict);
            }
            if (rejections.outOfRange > 0) {
                extra.put("outOfRangeTries", rejections.outOfRange);
            }
            result = result.toBuilder().extra(extra).build();
        }
        Map<String, Object> figures = theorem.figures(regime, tries, settings.seed());
        if (figures.isEmpty()) {
            return result;
        }
        Map<String, Object> extra = new LinkedHashMap<>(result.extra());
        extra.putAll(figures);
        return result.toBuilder().extra(extra).build();
    }

    /** The result of a regime that does not apply to the checked method, with the reason. */
    public static Result notApplicable(Theorem<?> theorem, Regime regime, String reason, long seed) {
        return Result.builder(theorem.id(), regime.conclusion(), theorem.methodId(), regime.id())
                .assumptions(regime.assumptions())
                .expected(regime.expected())
                .outcome(Outcome.NOT_APPLICABLE)
                .seed(seed)
                .conventions(theorem.conventions())
                .extra(Map.of("notApplicable", reason))
                .precision(theorem.precision(regime).id())
                .build();
    }

    /**
     * A statistical theorem with the false-alarm rate per test that the catalog's budget gives
     * this regime run (see {@link io.optcheck.theory.stat.FalseAlarmBudget}); any other theorem
     * unchanged.
     */
    public static <I> Theorem<I> withBudget(Theorem<I> theorem, Regime regime, int tries, RunSettings settings) {
        if (theorem instanceof StatisticalTheorem<I> st && st.testsPerEvaluation(regime) > 0) {
            return st.withAlpha(
                    FalseAlarmBudget.perTest(tries, st.testsPerEvaluation(regime), settings.statisticalRegimeRuns()));
        }
        return theorem;
    }

    /** True when a regime of a theorem is checked by statistical tests. */
    public static boolean isStatistical(Theorem<?> theorem, Regime regime) {
        return theorem instanceof StatisticalTheorem<?> st && st.testsPerEvaluation(regime) > 0;
    }

    /**
     * Reruns exactly the case a replay token describes.
     *
     * @throws io.optcheck.prop.ReplayToken.InvalidTokenException for a damaged or stale token
     */
    public static <I> Result replay(Theorem<I> theorem, Regime regime, String token, long seed) {
        PropertyResult<I> r = property(theorem, regime, 1, seed, false).replay(token);
        return toResult(theorem, regime, r);
    }

    /** The one-line command that reruns a shrunk case. */
    public static String replayCommand(Theorem<?> theorem, Regime regime, String token) {
        return Replay.of(theorem.id(), regime.id(), token).commandLine();
    }

    static <I> Result toResult(Theorem<I> theorem, Regime regime, PropertyResult<I> r) {
        Outcome outcome;
        ErrorInfo error = null;
        Counterexample cex = null;
        Threshold threshold = null;
        Evaluation shown = null;
        I shownInstance = null;
        if (r.status() == PropertyResult.Status.PASSED) {
            outcome = Outcome.HELD;
            if (r.best() != null) {
                shownInstance = r.best().value();
                shown = theorem.evaluate(shownInstance, regime);
            }
        } else if (r.status() == PropertyResult.Status.INCONCLUSIVE) {
            // Nothing failed, but a coverage requirement cannot be decided on so few tries.
            outcome = Outcome.INCONCLUSIVE;
            if (r.best() != null) {
                shown = theorem.evaluate(r.best().value(), regime);
            }
        } else if (r.status() == PropertyResult.Status.ERROR || r.shrunk() == null) {
            outcome = Outcome.ERROR;
            error = new ErrorInfo(r.message(), null);
        } else {
            I instance = r.shrunk().value();
            shownInstance = instance;
            Throwable f = r.failure();
            if (f instanceof CheckFailure cf) {
                shown = cf.evaluation();
                outcome = switch (cf.kind()) {
                    case VIOLATION -> Outcome.BROKEN;
                    case REFUSED -> Outcome.REFUSED;
                    case ERROR -> Outcome.ERROR;
                };
                if (cf.kind() != CheckFailure.Kind.VIOLATION) {
                    error = new ErrorInfo(
                            cf.evaluation().endingMessage(), cf.evaluation().errorStep());
                }
            } else {
                outcome = Outcome.ERROR;
                error = new ErrorInfo(
                        f.getClass().getSimpleName() + ": " + f.getMessage() + " (while checking " + theorem.id() + "/"
                                + regime.id() + ")",
                        null);
            }
            Map<String, Object> fields = new LinkedHashMap<>(theorem.describe(instance));
            String summary;
            if (shown != null && shown.violation() != null) {
                Check v = shown.violation();
                fields.put("step", v.step());
                fields.put("quantity", v.quantity());
                fields.put("observed", v.observed());
                fields.put("bound", v.bound());
                fields.put("slack", v.slack());
                fields.put("tolerance", v.tol());
                fields.put("ratio", v.ratio());
                fields.put("exactRecheck", v.rechecked());
                summary = oneLine(fields, v);
            } else {
                summary = String.valueOf(f.getMessage());
            }
            cex = new Counterexample(fields, summary, replayCommand(theorem, regime, r.replayToken()), r.shrinkSteps());
            OptionalDouble tv = theorem.thresholdValue(instance, regime);
            if (regime.threshold() != null && tv.isPresent()) {
                threshold = new Threshold(
                        tv.getAsDouble(),
                        regime.threshold().theory(),
                        regime.threshold().parameter());
            }
        }
        double worst = r.bestScore();
        Check worstCheck = shown == null ? null : (shown.violation() != null ? shown.violation() : shown.worst());
        double tolRatio = worstCheck == null ? Double.NaN : worstCheck.tolOverBound();
        Map<String, Object> extra = new LinkedHashMap<>();
        if (outcome == Outcome.INCONCLUSIVE) {
            extra.put("inconclusive", r.message());
        }
        extra.put("rejectedTries", r.rejected());
        extra.put("shrinkCandidates", r.shrinkCandidates());
        if (r.wallCapHit()) {
            extra.put("wallCapHit", true);
        }
        if (!r.statistics().counts().isEmpty()) {
            extra.put("labels", r.statistics().counts());
        }
        Phase foundBy = r.foundBy() == null || !r.foundBy().searches() ? null : r.foundBy();
        if (outcome == Outcome.HELD || outcome == Outcome.INCONCLUSIVE || outcome == Outcome.ERROR && cex == null) {
            foundBy = null;
        }
        OptionalDouble tight = theorem.tightReference(regime.conclusion());
        Map<String, Object> recheck = MarginalRecheck.of(theorem, shownInstance, regime, worstCheck);
        return new Result(
                theorem.id(),
                regime.conclusion(),
                theorem.methodId(),
                regime.id(),
                regime.assumptions(),
                regime.expected(),
                outcome,
                Verdicts.of(regime.expected(), outcome),
                null,
                r.tries(),
                r.seed(),
                foundBy,
                Double.isNaN(worst) ? null : worst,
                tight.isPresent() ? tight.getAsDouble() : null,
                tolRatio,
                threshold,
                theorem.statistics(regime, r.tries(), r.seed()),
                theorem.conventions(),
                cex,
                error,
                r.durationMs(),
                extra,
                shown == null ? Series.empty() : new Series(shown.series()),
                recheck,
                theorem.precision(regime).id());
    }

    private static String oneLine(Map<String, Object> fields, Check v) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, val) -> {
            if (sb.length() < 200
                    && !(k.equals("observed")
                            || k.equals("bound")
                            || k.equals("slack")
                            || k.equals("tolerance")
                            || k.equals("ratio")
                            || k.equals("exactRecheck")
                            || k.equals("quantity")
                            || k.equals("step"))) {
                sb.append(k).append(" = ").append(val).append(", ");
            }
        });
        sb.append(v.describe());
        return sb.toString();
    }
}
