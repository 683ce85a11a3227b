package io.optcheck.prop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * A property: for all values of a generator, a body that must not throw. Immutable; every
 * setting returns a new property. {@link #run()} goes through four phases:
 * <ol>
 *   <li><b>edge cases</b>: the all-simplest case, then cases whose every choice takes one of its
 *       boundary values (range ends, the target, declared edges such as a step of exactly 1/L);</li>
 *   <li><b>random</b> tries, each reproducible from (seed, index);</li>
 *   <li><b>targeted</b> search, when the body reports scores ({@link Trial#target});</li>
 *   <li><b>shrinking</b> of the first failure.</li>
 * </ol>
 * The body fails by throwing anything (an {@link AssertionError}, an exception of the code under
 * test); {@link Trial#reject} discards a try. A score at or above {@link #failWhenScoreAtLeast}
 * also fails. Coverage requirements are checked when no case failed. {@link PropertyListener}s hear
 * every try and phase; the system property {@value Observations#PROPERTY} adds one that writes
 * them to a file in Hypothesis's observability format.
 *
 * @param <T> the generated type
 */
public final class Property<T> {

    /** The default seed: fixed, so CI runs the same tries every time. */
    public static final long DEFAULT_SEED = 42L;

    /** The body of a property. */
    @FunctionalInterface
    public interface Body<T> {
        void check(T value, Trial trial) throws Throwable;
    }

    /**
     * A coverage requirement: at least {@code minPercent}% of valid tries carry {@code label}.
     *
     * <p>The requirement is about the generator's rate, which a run only samples, so it is decided
     * by a one-sided exact binomial test, not by comparing the observed percentage with the
     * threshold (a generator labelling 17.5% of its draws fell below a 20% threshold on 1 seed in 3
     * of a seed sweep, and a generator at exactly the threshold would fall below it half the time):
     * <ul>
     *   <li>met: the observed share is at least minPercent;</li>
     *   <li>failed: it is below, and significantly so: P(Bin(n, p) &lt;= k) &lt; {@value #ALPHA}
     *       for k labelled of n valid tries and p = minPercent / 100. A generator whose rate meets
     *       the requirement fails with probability below {@value #ALPHA}, so the whole catalog
     *       (under 2,000 requirements) raises a false coverage alarm with probability below 2e-7;</li>
     *   <li>otherwise inconclusive ({@link PropertyResult.Status#INCONCLUSIVE}): below, but within
     *       sampling noise of the requirement. No case failed; more tries decide it.</li>
     * </ul>
     * A shortfall is decidable at all only from {@link #minTries()} valid tries (where even k = 0
     * is significant). A requirement met on few tries passes.
     */
    public record Coverage(String label, double minPercent) {

        /** The significance level of a coverage failure. */
        public static final double ALPHA = 1e-10;

        /**
         * The fewest valid tries on which a shortfall can be significant at all: the smallest n
         * with (1 - p)^n &lt; {@link #ALPHA}, i.e. k = 0 labelled tries.
         */
        public int minTries() {
            double p = minPercent / 100;
            return (int) Math.floor(Math.log(ALPHA) / Math.log1p(-p)) + 1;
        }

        /** P(Bin(n, p) &lt;= k): how likely a generator exactly at the requirement labels so few. */
        public double shortfallPValue(int labelled, int tries) {
            return new BinomialDistribution(tries, minPercent / 100).cumulativeProbability(labelled);
        }
    }

    private final String name;
    private final Gen<T> gen;
    private final Body<T> body;
    private final Settings cfg;

    /** The run settings; copied on every change, so a property never changes after it is built. */
    private static final class Settings implements Cloneable {
        int tries = 1000;
        long seed = DEFAULT_SEED;
        boolean edgeCases = true;
        int edgeBudget = -1;
        double targetedShare = 0.5;
        int shrinkBudget = 5000;
        double scoreThreshold = Double.NaN;
        List<Coverage> coverage = List.of();
        long wallCapMs = 10 * 60_000L;
        List<PropertyListener> listeners = List.of();
        Function<Object, Map<String, Object>> arguments;

        Settings copy() {
            try {
                return (Settings) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private Property(String name, Gen<T> gen, Body<T> body, Settings cfg) {
        this.name = name;
        this.gen = gen;
        this.body = body;
        this.cfg = cfg;
    }

    private Property<T> with(Consumer<Settings> change) {
        Settings s = cfg.copy();
        change.accept(s);
        return new Property<>(name, gen, body, s);
    }

    /** A property named {@code name}: for every value of {@code gen}, {@code body} passes. */
    public static <T> Property<T> forAll(String name, Gen<T> gen, Body<T> body) {
        return new Property<>(
                Objects.requireNonNull(name),
                Objects.requireNonNull(gen),
                Objects.requireNonNull(body),
                new Settings());
    }

    /** Total tries (edge + random + targeted), default 1000. */
    public Property<T> tries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tries must be at least 1, got " + n);
        }
        return with(s -> s.tries = n);
    }

    /** The seed, default {@link #DEFAULT_SEED}. */
    public Property<T> seed(long seed) {
        return with(s -> s.seed = seed);
    }

    /** Switches the edge-case phase on or off (default on). */
    public Property<T> edgeCases(boolean on) {
        return with(s -> s.edgeCases = on);
    }

    /** How many edge-case tries at most (default: a tenth of the tries, at most 100). */
    public Property<T> edgeBudget(int n) {
        return with(s -> s.edgeBudget = n);
    }

    /** Share of the tries given to targeted search when the body reports scores (default 0.5). */
    public Property<T> targetedShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("targeted share must be in [0, 1], got " + share);
        }
        return with(s -> s.targetedShare = share);
    }

    /** Maximum replays during shrinking (default 5000). */
    public Property<T> shrinkBudget(int n) {
        return with(s -> s.shrinkBudget = n);
    }

    /** A try whose score reaches {@code threshold} fails. */
    public Property<T> failWhenScoreAtLeast(double threshold) {
        return with(s -> s.scoreThreshold = threshold);
    }

    /** Requires {@code label} on at least {@code minPercent}% of the valid tries. */
    public Property<T> cover(String label, double minPercent) {
        List<Coverage> c = new ArrayList<>(cfg.coverage);
        c.add(new Coverage(label, minPercent));
        return with(s -> s.coverage = List.copyOf(c));
    }

    /** A safety-net wall-clock cap for the whole run (default 10 minutes); hitting it is reported. */
    public Property<T> wallCapMs(long ms) {
        return with(s -> s.wallCapMs = ms);
    }

    /**
     * Adds a listener that hears every try and phase of each run. Besides the listeners added here,
     * a run writes to the observations file named by the system property
     * {@value Observations#PROPERTY} when it is set (see {@link Observations}).
     */
    public Property<T> listener(PropertyListener listener) {
        List<PropertyListener> l = new ArrayList<>(cfg.listeners);
        l.add(Objects.requireNonNull(listener, "listener"));
        return with(s -> s.listeners = List.copyOf(l));
    }

    /**
     * How listeners see a try's input as named fields (default: {@code {"value": value}}); only
     * called when someone listens.
     */
    @SuppressWarnings("unchecked")
    public Property<T> arguments(Function<? super T, ? extends Map<String, ?>> fields) {
        Objects.requireNonNull(fields, "fields");
        return with(s -> s.arguments = v -> (Map<String, Object>) fields.apply((T) v));
    }

    /**
     * Applies the system properties {@code optcheck.tries} and {@code optcheck.seed} when set.
     *
     * @throws IllegalArgumentException naming the property when a value is not a number
     */
    public Property<T> withOverrides(Properties props) {
        Property<T> p = this;
        String t = props.getProperty("optcheck.tries");
        if (t != null && !t.isBlank()) {
            p = p.tries(parseLong("optcheck.tries", t).intValue());
        }
        String s = props.getProperty("optcheck.seed");
        if (s != null && !s.isBlank()) {
            p = p.seed(parseLong("optcheck.seed", s));
        }
        return p;
    }

    private static Long parseLong(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + value + " is not a whole number");
        }
    }

    public String name() {
        return name;
    }

    public int tries() {
        return cfg.tries;
    }

    public long seed() {
        return cfg.seed;
    }

    public Gen<T> generator() {
        return gen;
    }

    /** The seed of try {@code index}: a SplitMix64 mix of (seed, index). */
    static long trySeed(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A drawn value before the body has run; {@code early} is the whole result when drawing ended
     * the try (a filter gave up, too many choices, the generator threw).
     */
    record Drawn<T>(ChoiceSequence sequence, T value, TryResult<T> early) {}

    TryResult<T> execute(Source source) {
        return execute(source, null);
    }

    /** One try; the observer (null when nobody listens) hears it, with its draw and body times. */
    TryResult<T> execute(Source source, RunObserver obs) {
        if (obs == null) {
            return check(draw(source));
        }
        long t0 = System.nanoTime();
        Drawn<T> drawn = draw(source);
        long t1 = System.nanoTime();
        TryResult<T> r = check(drawn);
        obs.tried(r, t1 - t0, System.nanoTime() - t1);
        return r;
    }

    /** Draws a value only; cheap next to the body, which the shrinker runs only when it must. */
    Drawn<T> draw(Source source) {
        try {
            T value = source.draw(gen);
            return new Drawn<>(source.sequence(), value, null);
        } catch (Gens.FilterExhausted e) {
            return new Drawn<>(
                    source.sequence(),
                    null,
                    new TryResult<>(
                            source.sequence(),
                            null,
                            TryResult.Kind.REJECTED,
                            null,
                            e.getMessage(),
                            List.of(),
                            List.of(),
                            Double.NaN));
        } catch (Source.Overrun e) {
            return new Drawn<>(
                    source.sequence(),
                    null,
                    new TryResult<>(
                            source.sequence(),
                            null,
                            TryResult.Kind.OVERRUN,
                            null,
                            e.getMessage(),
                            List.of(),
                            List.of(),
                            Double.NaN));
        } catch (Throwable t) {
            return new Drawn<>(
                    source.sequence(),
                    null,
                    new TryResult<>(
                            source.sequence(),
                            null,
                            TryResult.Kind.FAILED,
                            new GenerationFailure(gen.describe(), t),
                            null,
                            List.of(),
                            List.of(),
                            Double.NaN));
        }
    }

    /** Runs the body on a drawn value. */
    TryResult<T> check(Drawn<T> drawn) {
        if (drawn.early() != null) {
            return drawn.early();
        }
        T value = drawn.value();
        Trial trial = new Trial();
        Throwable failure = null;
        try {
            body.check(value, trial);
        } catch (Trial.Rejected r) {
            return new TryResult<>(
                    drawn.sequence(),
                    value,
                    TryResult.Kind.REJECTED,
                    null,
                    r.reason,
                    trial.labels(),
                    trial.notes(),
                    Double.NaN);
        } catch (Throwable t) {
            failure = t;
        }
        if (failure == null && !Double.isNaN(cfg.scoreThreshold) && trial.score() >= cfg.scoreThreshold) {
            failure = new ScoreThresholdReached(trial.score(), cfg.scoreThreshold);
        }
        return new TryResult<>(
                drawn.sequence(),
                value,
                failure == null ? TryResult.Kind.PASSED : TryResult.Kind.FAILED,
                failure,
                null,
                trial.labels(),
                trial.notes(),
                trial.score());
    }

    /** Thrown when the generator itself throws; wraps the cause. */
    public static final class GenerationFailure extends RuntimeException {
        GenerationFailure(String gen, Throwable cause) {
            super("generator " + gen + " threw " + cause, cause);
        }
    }

    /** The failure a score at or above the threshold produces. */
    public static final class ScoreThresholdReached extends AssertionError {
        ScoreThresholdReached(double score, double threshold) {
            super(String.format(Locale.ROOT, "score %s reached the threshold %s", score, threshold));
        }
    }

    private TryResult<T> replayRaws(long[] raws, RunObserver obs) {
        return execute(new Source(raws, Source.Mode.SIMPLEST, 0), obs);
    }

    /** The observer of a run: the added listeners and the observations file, or null for none. */
    private RunObserver observer() {
        Observations file = Observations.fromSystemProperty();
        List<PropertyListener> all = cfg.listeners;
        if (file != null) {
            all = new ArrayList<>(all);
            all.add(file);
        }
        return RunObserver.of(all, name, cfg.seed, cfg.arguments);
    }

    /** The mutable state of one run. {@link #accept} is the one place that records a try. */
    private final class Run {
        final long start = System.nanoTime();
        final long deadline = start + cfg.wallCapMs * 1_000_000L;
        final List<List<String>> labels = new ArrayList<>();
        final Map<String, Integer> rejectReasons = new LinkedHashMap<>();
        /** The best-scored edge and random tries, kept to seed targeted search. */
        final int eliteSize = Math.max(16, Math.min(128, cfg.tries / 25));

        final PriorityQueue<TryResult<T>> elite = new PriorityQueue<>(Comparator.comparingDouble(TryResult::score));
        int valid;
        int rejected;
        TryResult<T> failing;
        Phase foundBy;
        TryResult<T> bestScored;
        boolean wallCap;
        /** The listeners and the observations file, or null when nobody listens. */
        final RunObserver obs = observer();

        boolean clockOut() {
            if (System.nanoTime() > deadline) {
                wallCap = true;
            }
            return wallCap;
        }
    }

    /**
     * Runs the property: the edge-case, random and targeted phases, then the shrink phase if one
     * of them found a failure (the phase order of Hypothesis's engine). Never throws for a failing
     * body; the result says what happened.
     */
    public PropertyResult<T> run() {
        Run run = new Run();
        edgePhase(run);
        if (run.failing == null && !randomPhase(run) || run.valid == 0 && run.failing == null) {
            RunObserver.phase(run.obs, null);
            return error(run, rejectMessage(run));
        }
        if (run.failing == null) {
            targetedPhase(run);
        }
        RunObserver.phase(run.obs, run.failing == null ? null : Phase.SHRINK);
        Statistics stats = Statistics.of(run.labels);
        if (run.failing == null) {
            PropertyResult<T> shortfall = checkCoverage(run, stats);
            return shortfall != null ? shortfall : result(run, PropertyResult.Status.PASSED, null, stats);
        }
        return shrinkPhase(run, stats);
    }

    /**
     * The accept step: every try of the edge-case, random and targeted phases passes here once,
     * with its phase, right after the body ran. It counts the try (valid or
     * discarded, with the reason), records its labels, keeps the best-scored tries, and notes the
     * first failure with the phase that found it.
     */
    private void accept(Run run, Phase phase, TryResult<T> r) {
        if (!r.valid()) {
            run.rejected++;
            run.rejectReasons.merge(String.valueOf(r.rejectReason()), 1, Integer::sum);
            return;
        }
        run.valid++;
        run.labels.add(r.labels());
        run.bestScored = better(run.bestScored, r);
        keepElite(run.elite, r, run.eliteSize);
        if (r.failed() && run.failing == null) {
            run.failing = r;
            run.foundBy = phase;
        }
    }

    /** Makes one try from a source and hands it to {@link #accept}. */
    private TryResult<T> tryOnce(Run run, Phase phase, Source source) {
        TryResult<T> r = execute(source, run.obs);
        accept(run, phase, r);
        return r;
    }

    /**
     * Edge cases: the all-simplest case, then cases whose every choice takes one of its boundary
     * values; each distinct case once, at most a tenth of the tries (100 at most) by default.
     */
    private void edgePhase(Run run) {
        int edgeMax = !cfg.edgeCases
                ? 0
                : (cfg.edgeBudget >= 0 ? cfg.edgeBudget : Math.min(100, Math.max(1, cfg.tries / 10)));
        edgeMax = Math.min(edgeMax, cfg.tries);
        Set<ChoiceSequence> seen = new HashSet<>();
        RunObserver.phase(run.obs, Phase.EDGE);
        for (int e = 0, attempts = 0; e < edgeMax && attempts < 3 * edgeMax && run.failing == null; attempts++) {
            Source src = attempts == 0
                    ? new Source(new long[0], Source.Mode.SIMPLEST, 0)
                    : new Source(new long[0], Source.Mode.EDGE, trySeed(cfg.seed ^ 0x5EED_ED6EL, attempts));
            TryResult<T> r = execute(src, run.obs);
            if (!seen.add(r.sequence())) {
                continue; // the same case again: not a try
            }
            e++;
            accept(run, Phase.EDGE, r);
        }
    }

    /**
     * Random tries, each reproducible from (seed, index), until the tries are used up, a failure
     * is found, or the share of targeted search is reached once scores were reported.
     *
     * @return false when discards piled up past the limit (the run ends with an error)
     */
    private boolean randomPhase(Run run) {
        int randomTarget = cfg.tries - run.valid;
        int maxRejected = Math.max(100, cfg.tries);
        int index = 0;
        RunObserver.phase(run.obs, Phase.RANDOM);
        while (run.failing == null && run.valid < cfg.tries && !run.clockOut()) {
            boolean scored = run.bestScored != null;
            int targetedBudget = scored ? (int) Math.round(randomTarget * cfg.targetedShare) : 0;
            if (scored && run.valid >= cfg.tries - targetedBudget) {
                break;
            }
            TryResult<T> r =
                    tryOnce(run, Phase.RANDOM, new Source(new long[0], Source.Mode.RANDOM, trySeed(cfg.seed, index++)));
            if (!r.valid() && run.rejected >= maxRejected) {
                return false;
            }
        }
        return true;
    }

    /** Score-guided search with the tries left, when some try reported a score. */
    private void targetedPhase(Run run) {
        if (run.bestScored == null || run.valid >= cfg.tries || run.wallCap) {
            return;
        }
        RunObserver.phase(run.obs, Phase.TARGETED);
        List<TryResult<T>> eliteBestFirst = new ArrayList<>(run.elite);
        eliteBestFirst.sort(
                Comparator.comparingDouble((TryResult<T> r) -> r.score()).reversed());
        TargetedSearch<T> search = new TargetedSearch<>(
                run.bestScored,
                eliteBestFirst,
                raws -> tryOnce(
                        run,
                        Phase.TARGETED,
                        new Source(raws, Source.Mode.RANDOM, trySeed(cfg.seed ^ 0x7A26E7L, raws.length))),
                trySeed(cfg.seed, -1),
                run.deadline);
        search.run(cfg.tries - run.valid);
        run.bestScored = better(run.bestScored, search.best());
        run.wallCap |= search.wallCapHit();
    }

    /**
     * The coverage rules, checked when no case failed.
     *
     * @return the failed result for the first rule not met, or null when all are met
     */
    private PropertyResult<T> checkCoverage(Run run, Statistics stats) {
        List<String> undecidable = new ArrayList<>();
        for (Coverage c : cfg.coverage) {
            if (stats.percent(c.label()) >= c.minPercent()) {
                continue;
            }
            int labelled = stats.counts().getOrDefault(c.label(), 0);
            double pValue = c.shortfallPValue(labelled, stats.total());
            if (pValue < Coverage.ALPHA) {
                String msg = String.format(
                        Locale.ROOT,
                        "coverage: label '%s' was on %.2f%% of %d tries, below the required %.2f%% "
                                + "(P(Bin(%d, %s) <= %d) = %.3g < alpha %.0e: the generator's rate is below the requirement).%n"
                                + "Labels:%n%s"
                                + "Generate that case more often (edge values, a weighted choice) or lower the requirement.",
                        c.label(),
                        stats.percent(c.label()),
                        stats.total(),
                        c.minPercent(),
                        stats.total(),
                        c.minPercent() / 100,
                        labelled,
                        pValue,
                        Coverage.ALPHA,
                        stats.table());
                return result(run, PropertyResult.Status.FAILED, msg, stats);
            }
            undecidable.add(String.format(
                    Locale.ROOT,
                    "label '%s' on %.2f%% of %d tries (required %.2f%%; "
                            + "P(Bin(%d, %s) <= %d) = %.3g, not below alpha %.0e; a shortfall is decidable from %d tries)",
                    c.label(),
                    stats.percent(c.label()),
                    stats.total(),
                    c.minPercent(),
                    stats.total(),
                    c.minPercent() / 100,
                    labelled,
                    pValue,
                    Coverage.ALPHA,
                    c.minTries()));
        }
        if (!undecidable.isEmpty()) {
            String msg = "inconclusive: coverage below the requirement but within sampling noise: "
                    + String.join("; ", undecidable) + ". No case failed. Run more tries.";
            return result(run, PropertyResult.Status.INCONCLUSIVE, msg, stats);
        }
        return null;
    }

    /** Shrinks the first failure and reports the shrunk case with its replay token. */
    private PropertyResult<T> shrinkPhase(Run run, Statistics stats) {
        Shrinker<T> shrinker = new Shrinker<>(
                run.failing,
                new Shrinker.Evaluator<>() {
                    @Override
                    public Drawn<T> draw(long[] raws) {
                        return Property.this.draw(new Source(raws, Source.Mode.SIMPLEST, 0));
                    }

                    @Override
                    public TryResult<T> check(Drawn<T> drawn) {
                        if (run.obs == null) {
                            return Property.this.check(drawn);
                        }
                        long t0 = System.nanoTime();
                        TryResult<T> r = Property.this.check(drawn);
                        run.obs.tried(r, 0, System.nanoTime() - t0);
                        return r;
                    }
                },
                cfg.shrinkBudget,
                run.deadline);
        shrinker.run();
        RunObserver.phase(run.obs, null);
        TryResult<T> shrunk = shrinker.best();
        run.wallCap |= shrinker.wallCapHit();
        String token = ReplayToken.of(shrunk.sequence()).encode();
        String msg = "falsified by " + shrunk.value() + ": " + shrunk.failure();
        return new PropertyResult<>(
                name,
                PropertyResult.Status.FAILED,
                msg,
                cfg.seed,
                run.valid,
                run.rejected,
                run.foundBy,
                asCase(run.failing),
                asCase(shrunk),
                shrunk.failure(),
                shrinker.steps(),
                shrinker.candidates(),
                stats,
                scoreOf(run.bestScored),
                asCase(run.bestScored),
                token,
                millis(run.start),
                run.wallCap);
    }

    /** A result without a counterexample: passed, failed by a coverage rule, or inconclusive. */
    private PropertyResult<T> result(Run run, PropertyResult.Status status, String message, Statistics stats) {
        return new PropertyResult<>(
                name,
                status,
                message,
                cfg.seed,
                run.valid,
                run.rejected,
                null,
                null,
                null,
                null,
                0,
                0,
                stats,
                scoreOf(run.bestScored),
                asCase(run.bestScored),
                null,
                millis(run.start),
                run.wallCap);
    }

    /**
     * Reruns exactly the case a token describes (no search, no shrinking).
     *
     * @throws ReplayToken.InvalidTokenException when the token is damaged or was made by a
     *     generator that now draws differently
     */
    public PropertyResult<T> replay(String tokenText) {
        long start = System.nanoTime();
        ReplayToken token = ReplayToken.decode(tokenText);
        RunObserver obs = observer();
        RunObserver.phase(obs, Phase.REPLAY);
        TryResult<T> r = replayRaws(token.raws(), obs);
        RunObserver.phase(obs, null);
        if (r.sequence().fingerprint() != token.fingerprint() || r.sequence().size() != token.raws().length) {
            throw new ReplayToken.InvalidTokenException("replay token does not match property '" + name
                    + "': its generator now draws different choices ("
                    + r.sequence().size() + " choices vs "
                    + token.raws().length + " in the token). The generator changed since the token was made,"
                    + " or the token belongs to another property; rerun the property to get a fresh token.");
        }
        Statistics stats = Statistics.of(r.valid() ? List.of(r.labels()) : List.of());
        if (r.failed()) {
            return new PropertyResult<>(
                    name,
                    PropertyResult.Status.FAILED,
                    "falsified by " + r.value() + ": " + r.failure(),
                    cfg.seed,
                    1,
                    0,
                    Phase.REPLAY,
                    asCase(r),
                    asCase(r),
                    r.failure(),
                    0,
                    0,
                    stats,
                    r.score(),
                    asCase(r),
                    token.encode(),
                    millis(start),
                    false);
        }
        return new PropertyResult<>(
                name,
                r.valid() ? PropertyResult.Status.PASSED : PropertyResult.Status.ERROR,
                r.valid() ? "the replayed case passes now" : "the replayed case was rejected: " + r.rejectReason(),
                cfg.seed,
                r.valid() ? 1 : 0,
                r.valid() ? 0 : 1,
                null,
                null,
                null,
                null,
                0,
                0,
                stats,
                r.score(),
                asCase(r),
                token.encode(),
                millis(start),
                false);
    }

    private String rejectMessage(Run run) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "property '%s': the generator could not produce inputs: %d tries discarded, %d valid.",
                name,
                run.rejected,
                run.valid));
        sb.append(" Reasons: ")
                .append(run.rejectReasons)
                .append(
                        ". Generate valid values directly (narrow ranges, map instead of filter) rather than filtering.");
        return sb.toString();
    }

    private PropertyResult<T> error(Run run, String message) {
        return new PropertyResult<>(
                name,
                PropertyResult.Status.ERROR,
                message,
                cfg.seed,
                run.valid,
                run.rejected,
                null,
                null,
                null,
                null,
                0,
                0,
                Statistics.of(run.labels),
                Double.NaN,
                null,
                null,
                millis(run.start),
                false);
    }

    private static <T> void keepElite(PriorityQueue<TryResult<T>> elite, TryResult<T> r, int size) {
        if (!r.hasScore()) {
            return;
        }
        if (elite.size() < size) {
            elite.add(r);
        } else if (r.score() > elite.peek().score()) {
            elite.poll();
            elite.add(r);
        }
    }

    private static <T> TryResult<T> better(TryResult<T> a, TryResult<T> b) {
        if (b == null || !b.hasScore()) {
            return a;
        }
        if (a == null || !a.hasScore() || b.score() > a.score()) {
            return b;
        }
        return a;
    }

    private static <T> PropertyResult.Case<T> asCase(TryResult<T> r) {
        return r == null ? null : new PropertyResult.Case<>(r.value(), r.sequence(), r.notes(), r.score());
    }

    private static double scoreOf(TryResult<?> r) {
        return r == null ? Double.NaN : r.score();
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
