package io.optcheck.cli;

import io.optcheck.prop.Observations;
import io.optcheck.prop.Property;
import io.optcheck.report.HtmlReport;
import io.optcheck.report.JsonReport;
import io.optcheck.report.MarkdownSummary;
import io.optcheck.report.TerminalTable;
import io.optcheck.report.TerminalText;
import io.optcheck.report.Waivers;
import io.optcheck.result.Counterexample;
import io.optcheck.result.Observation;
import io.optcheck.result.Replay;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.ShardInfo;
import io.optcheck.run.CatalogRun;
import io.optcheck.run.CostTable;
import io.optcheck.run.Interruption;
import io.optcheck.run.Plugins;
import io.optcheck.run.ReportDirectory;
import io.optcheck.run.RunPlan;
import io.optcheck.run.ShardPlan;
import io.optcheck.run.WorkerSupervisor;
import io.optcheck.theory.ObservationSpec;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code optcheck run}: runs the catalog (or a part of it, or one replayed case) and writes the reports. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every selected theorem x regime, prints a table and writes results.json, "
                    + "summary.md and index.html.",
            "Default: the full catalog at full depth (each spec's 'tries.full')."
        },
        footer = {
            "",
            "Exit codes: 0 ok (or no --fail-on-violation), 1 a failure without a valid waiver under "
                    + "--fail-on-violation, 2 bad input, 3 internal error."
        })
final class RunCommand implements Callable<Integer> {

    /** The waiver file used when {@code --waivers} is not given and this file exists. */
    static final String DEFAULT_WAIVERS = "optcheck-waivers.yaml";

    private final Context ctx;

    @Option(names = "--theorem", paramLabel = "ID", description = "Run only this theorem (repeatable).")
    List<String> theorems = new ArrayList<>();

    @Option(names = "--method", paramLabel = "ID", description = "Run only theorems on this method (repeatable).")
    List<String> methods = new ArrayList<>();

    @Option(names = "--tries", paramLabel = "N", description = "Tries per regime, overriding the spec's.")
    Integer tries;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed = Property.DEFAULT_SEED;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Directory for results.json, summary.md and index.html "
                            + "(default: reports; created if missing). With --replay, nothing is written unless --out is given.")
    String out;

    @Option(names = "--fail-on-violation", description = "Exit with 1 when a verdict is fail without a valid waiver.")
    boolean failOnViolation;

    @Option(
            names = "--replay",
            paramLabel = "TOKEN",
            description = "Rerun exactly one case: <theorem>/<regime>/<token>, as printed in a counterexample.")
    String replay;

    @Option(
            names = "--quick",
            description =
                    "Smoke profile: at most " + RunSettings.QUICK_TRIES
                            + " tries per regime expected to hold; breaking regimes keep their CI tries (they stop at the first counterexample).")
    boolean quick;

    @Option(names = "--ci", description = "CI depth: each spec's 'tries.ci'.")
    boolean ci;

    @Option(
            names = "--waivers",
            paramLabel = "FILE",
            description = "Waiver file (default: " + DEFAULT_WAIVERS + " in the working directory, if it exists).")
    Path waivers;

    @Option(names = "--no-edge-cases", description = "Skip the edge-case phase (random and targeted search only).")
    boolean noEdgeCases;

    @Option(
            names = "--width",
            paramLabel = "N",
            description = "Width of the terminal table (default: ${DEFAULT-VALUE}).")
    int width = TerminalTable.DEFAULT_WIDTH;

    @Option(
            names = "--method-class",
            paramLabel = "CLASS",
            description = "Check your own optimizer: a class "
                    + "implementing io.optcheck.api.PluggableOptimizer with a public no-argument constructor (repeatable). "
                    + "Runs the conformance properties and the theorems of its declared kind; --theorem filters them.")
    List<String> methodClasses = new ArrayList<>();

    @Option(
            names = "--ci-method-class",
            paramLabel = "CLASS",
            description = "Like --method-class, but the optimizer's theorems run at CI depth (each spec's 'tries.ci') "
                    + "whatever the run's depth; each of its results says so (depth: ci, in its figures). Repeatable. "
                    + "The launcher's default run checks ND4J's updaters this way.")
    List<String> ciMethodClasses = new ArrayList<>();

    /** The --method-class and --ci-method-class optimizers, in that order. */
    private List<String> allMethodClasses() {
        List<String> all = new ArrayList<>(methodClasses);
        all.addAll(ciMethodClasses);
        return all;
    }

    /** The method ids of the --ci-method-class plug-ins, once loaded. */
    private final Set<String> ciMethodIds = new HashSet<>();

    @Option(
            names = "--estimator-class",
            paramLabel = "CLASS",
            description =
                    "Check your own minibatch sampler or "
                            + "gradient estimator: a class implementing io.optcheck.api.GradientEstimator (checked exactly) or "
                            + "io.optcheck.api.SelfRandomEstimator (checked statistically) with a public no-argument constructor "
                            + "(repeatable). Runs sgd.unbiased-minibatch and sgd.minibatch-variance under its id; --theorem filters them.")
    List<String> estimatorClasses = new ArrayList<>();

    @Option(
            names = "--line-search-class",
            paramLabel = "CLASS",
            description = "Check your own line search: a class "
                    + "implementing io.optcheck.api.LineSearch with a public no-argument constructor (repeatable). Steepest "
                    + "descent with it runs gd.armijo (and gd.wolfe, gd.zoutendijk for a strong Wolfe search) with its declared "
                    + "constants; --theorem filters them.")
    List<String> lineSearchClasses = new ArrayList<>();

    @Option(
            names = "--finite-sum-class",
            paramLabel = "CLASS",
            description =
                    "Check your own SVRG or SAGA: a class implementing io.optcheck.api.PluggableFiniteSum (a whole"
                            + " method) or io.optcheck.api.VarianceReducedEstimator (a stateful estimator, stepped by optcheck) with"
                            + " a public no-argument constructor (repeatable). Runs vr.svrg or vr.saga, exact over the indices of"
                            + " each step from the states it reaches; --theorem filters them.")
    List<String> finiteSumClasses = new ArrayList<>();

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            description = "Jars and directories holding the --method-class, --estimator-class, "
                    + "--line-search-class and --finite-sum-class classes, separated by the platform's path separator.")
    String classpath;

    @Option(
            names = "--with-catalog",
            description = "With --method-class: also run the built-in catalog, as a run "
                    + "without --method-class would, so that one report holds both (the launcher's default run uses it for the "
                    + "third-party adapters).")
    boolean withCatalog;

    @Option(
            names = "--try-timeout",
            paramLabel = "SECONDS",
            description = "With --method-class or --estimator-class: "
                    + "the longest one try of a plug-in's regime may take (default 60). The plug-in runs in a worker process; a try "
                    + "that does not finish in time ends that regime with 'error: timeout', the worker is killed and the next regime "
                    + "runs in a fresh one.")
    Double tryTimeout;

    @Option(
            names = "--worker-jvm-args",
            paramLabel = "ARGS",
            description = "With --method-class or --estimator-class: "
                    + "JVM options for the worker process that runs the plug-in, separated by spaces, e.g. \"-Xmx2g -Xss4m\" "
                    + "(default heap " + WorkerSupervisor.DEFAULT_HEAP + ").")
    String workerJvmArgs;

    /** Replaced by --try-timeout (calls into a plug-in are no longer time-boxed one by one). */
    @Option(names = "--step-timeout", paramLabel = "SECONDS", hidden = true)
    Double stepTimeout;

    @Option(
            names = "--observations",
            paramLabel = "FILE",
            description = "Also append every try and phase to FILE as "
                    + "JSON lines in Hypothesis's observability format (Tyche reads them); sets -D"
                    + Observations.PROPERTY + ".")
    Path observations;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Regimes run at once (default: the number of cores, "
                            + "here ${DEFAULT-VALUE}). Results do not depend on it; plug-in regimes use up to N worker processes.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--shard",
            paramLabel = "I/N",
            description =
                    "Run only shard I of N (1 <= I <= N): a deterministic "
                            + "part of the selection, balanced by measured cost. Merge the N report directories with 'optcheck merge'.")
    String shard;

    @Mixin
    DebugOption debugOption;

    RunCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        validateOptions();
        if (observations != null) {
            try {
                Observations.useFile(observations);
            } catch (IllegalArgumentException e) {
                throw new BadInput("--observations " + e.getMessage());
            }
        }
        RunSettings settings = settings();
        if (replay != null) {
            return replay(settings);
        }
        boolean plugins = pluginsNamed();
        List<ObservationSpec> observed = plugins && !withCatalog ? List.of() : selectObservations();
        List<Theorem<?>> builtIn = plugins && !withCatalog ? List.of() : select();
        List<Theorem<?>> pluginTheorems = plugins ? selectForPlugins() : List.of();
        List<Theorem<?>> selected = new ArrayList<>(builtIn);
        selected.addAll(pluginTheorems);
        Set<Theorem<?>> inWorker = Collections.newSetFromMap(new IdentityHashMap<>());
        inWorker.addAll(pluginTheorems);
        RunPlan plan = RunPlan.of(
                selected,
                settings,
                inWorker::contains,
                t -> ciMethodIds.contains(t.methodId()) ? RunSettings.Depth.CI : null);
        Path outDir = Outputs.prepare(out == null ? "reports" : out);
        Waivers w = loadWaivers();
        Outputs.retire(outDir);

        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        RunSettings budgeted = plan.settings();
        List<CatalogRun.Job> jobs = plan.jobs();
        Supplier<WorkerSupervisor> workers = plugins ? () -> new WorkerSupervisor(workerOptions()) : null;
        CostTable costs = CostTable.measured();
        ShardInfo shardInfo = null;
        if (shard != null) {
            ShardPlan.Shard part = parseShard();
            List<String> work = new ArrayList<>();
            List<ShardPlan.Item> items = new ArrayList<>();
            for (CatalogRun.Job j : jobs) {
                work.add(j.key() + "\t" + j.tries());
                items.add(new ShardPlan.Item(j.key(), costs.cost(j.key(), j.tries())));
            }
            for (ObservationSpec o : observed) {
                String key = CostTable.observationKey(o.id(), o.methodId());
                work.add(key);
                items.add(new ShardPlan.Item(key, costs.cost(key, 0)));
            }
            int[] owner = ShardPlan.assign(items, part.count());
            List<CatalogRun.Job> mine = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                if (owner[i] == part.index()) {
                    mine.add(jobs.get(i));
                }
            }
            List<ObservationSpec> mineObserved = new ArrayList<>();
            for (int i = 0; i < observed.size(); i++) {
                if (owner[jobs.size() + i] == part.index()) {
                    mineObserved.add(observed.get(i));
                }
            }
            shardInfo = new ShardInfo(
                    part.index(),
                    part.count(),
                    Commit.current(),
                    settings.depth().name().toLowerCase(Locale.ROOT),
                    settings.tries(),
                    settings.edgeCases(),
                    ShardPlan.fingerprint(work),
                    mine.size(),
                    jobs.size());
            ctx.err()
                    .println("shard " + part.index() + "/" + part.count() + ": " + mine.size() + " of " + jobs.size()
                            + " regimes, " + mineObserved.size() + " of " + observed.size() + " observations");
            jobs = mine;
            observed = mineObserved;
        }
        ShardInfo shardOf = shardInfo;
        try (CatalogRun run = new CatalogRun(
                jobs,
                observed,
                budgeted,
                threads,
                workers,
                costs,
                this::withPluginReplay,
                ctx.err(),
                debugOption.debug)) {
            int[] code = {Main.OK};
            try (Interruption interruption = Interruption.onStop(() -> {
                run.stop();
                RunReport partial = RunReport.of(
                                Version.get(),
                                seed,
                                startedAt,
                                (System.nanoTime() - start) / 1_000_000L,
                                Tolerance.describe(),
                                run.finished(),
                                run.observations())
                        .asPartial(true)
                        .asShard(shardOf);
                finish(partial, w, outDir);
                ctx.out()
                        .println(
                                "interrupted: the " + partial.results().size() + " results finished so far are written,"
                                        + " marked partial; exit code 130 (SIGINT) or 143 (SIGTERM)");
                ctx.out().flush();
            })) {
                List<Result> results = run.run();
                long wallMs = (System.nanoTime() - start) / 1_000_000L;
                RunReport report = RunReport.of(
                                Version.get(),
                                seed,
                                startedAt,
                                wallMs,
                                Tolerance.describe(),
                                results,
                                run.observations())
                        .asShard(shardOf);
                interruption.report(() -> code[0] = finish(report, w, outDir));
            }
            return code[0];
        }
    }

    private ShardPlan.Shard parseShard() {
        try {
            return ShardPlan.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new BadInput(
                    "--shard " + e.getMessage() + ". Give --shard I/N, e.g. --shard 1/3 for the first of three.");
        }
    }

    private WorkerSupervisor.Options workerOptions() {
        List<String> jvm = workerJvmArgs == null || workerJvmArgs.isBlank()
                ? List.of()
                : List.of(workerJvmArgs.trim().split("\\s+"));
        Duration timeout = tryTimeout == null
                ? WorkerSupervisor.DEFAULT_TRY_TIMEOUT
                : Duration.ofNanos(Math.round(tryTimeout * 1e9));
        return new WorkerSupervisor.Options(pluginSpec(), jvm, timeout, ctx.err());
    }

    private Plugins.Spec pluginSpec() {
        return new Plugins.Spec(
                allMethodClasses(), estimatorClasses, classpath, theorems, seed, lineSearchClasses, finiteSumClasses);
    }

    /** True when a plug-in (optimizer, estimator, line search or finite-sum method) is named. */
    private boolean pluginsNamed() {
        return !allMethodClasses().isEmpty()
                || !estimatorClasses.isEmpty()
                || !lineSearchClasses.isEmpty()
                || !finiteSumClasses.isEmpty();
    }

    /**
     * The observations to measure: all when neither --theorem nor --method is given; otherwise
     * those named by --theorem, or of the family (the part before the dot) of a named theorem, and
     * on a method named by --method.
     */
    private List<ObservationSpec> selectObservations() {
        List<ObservationSpec> all = ctx.catalog().observations();
        if (theorems.isEmpty() && methods.isEmpty()) {
            return all;
        }
        List<ObservationSpec> out = new ArrayList<>();
        for (ObservationSpec o : all) {
            boolean byTheorem = theorems.isEmpty()
                    || theorems.stream()
                            .anyMatch(id -> id.equals(o.id()) || family(id).equals(family(o.id())));
            boolean byMethod = methods.isEmpty() || methods.contains(o.methodId());
            if (byTheorem && byMethod) {
                out.add(o);
            }
        }
        return out;
    }

    private static String family(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    private void validateOptions() {
        if (quick && ci) {
            throw new BadInput("--quick and --ci both set the depth; give one of them (or neither, for full depth).");
        }
        if (tries != null && tries < 1) {
            throw new BadInput("--tries must be at least 1, got " + tries + ".");
        }
        if (threads < 1 || threads > 1024) {
            throw new BadInput("--threads must be between 1 and 1024, got " + threads + ".");
        }
        if (shard != null && replay != null) {
            throw new BadInput("--replay reruns one case; drop --shard.");
        }
        if (shard != null) {
            parseShard();
        }
        if (width < 40) {
            throw new BadInput("--width must be at least 40 characters, got " + width + ".");
        }
        if (classpath != null && !pluginsNamed()) {
            throw new BadInput(
                    "--classpath is for --method-class; name the optimizer class to check with --method-class.");
        }
        if (!lineSearchClasses.isEmpty() && !methods.isEmpty()) {
            throw new BadInput("--line-search-class runs the theorems that apply to your line search; drop --method "
                    + "(select theorems with --theorem).");
        }
        if (!finiteSumClasses.isEmpty() && !methods.isEmpty()) {
            throw new BadInput(
                    "--finite-sum-class runs the theorems that apply to your finite-sum method; drop --method "
                            + "(select theorems with --theorem).");
        }
        if (!estimatorClasses.isEmpty() && !methods.isEmpty()) {
            throw new BadInput("--estimator-class runs the theorems that apply to your estimator; drop --method "
                    + "(select theorems with --theorem).");
        }
        if (replay != null
                && allMethodClasses().size()
                                + estimatorClasses.size()
                                + lineSearchClasses.size()
                                + finiteSumClasses.size()
                        > 1) {
            throw new BadInput(
                    "--replay reruns one case of one plug-in; give a single --method-class, --estimator-class,"
                            + " --line-search-class or --finite-sum-class.");
        }
        if (withCatalog && allMethodClasses().isEmpty()) {
            throw new BadInput(
                    "--with-catalog adds the built-in catalog to a --method-class run; without --method-class "
                            + "the catalog runs anyway, so drop --with-catalog.");
        }
        if (stepTimeout != null) {
            throw new BadInput(
                    "--step-timeout was replaced by --try-timeout SECONDS: a plug-in now runs in a worker process"
                            + " with direct calls, and each try (not each call) has a deadline. Give --try-timeout instead.");
        }
        if (tryTimeout != null && !(tryTimeout > 0 && tryTimeout <= 86_400)) {
            throw new BadInput(
                    "--try-timeout must be a positive number of seconds (at most 86400), got " + tryTimeout + ".");
        }
        boolean plugins = pluginsNamed();
        if ((tryTimeout != null || workerJvmArgs != null) && !plugins) {
            throw new BadInput(
                    "--try-timeout and --worker-jvm-args are for plug-ins, which run in a worker process; "
                            + "name the plug-in with --method-class or --estimator-class, or drop them (built-in methods run in-process).");
        }
        if (!allMethodClasses().isEmpty() && !methods.isEmpty()) {
            throw new BadInput("--method-class runs the theorems that apply to your optimizer; drop --method "
                    + "(select theorems with --theorem).");
        }
        if (replay != null && allMethodClasses().size() > 1) {
            throw new BadInput("--replay reruns one case of one optimizer; give a single --method-class.");
        }
        if (replay != null && (!theorems.isEmpty() || !methods.isEmpty())) {
            throw new BadInput("--replay reruns the one case its token names; drop --theorem and --method.");
        }
    }

    private RunSettings settings() {
        RunSettings s = quick
                ? new RunSettings(RunSettings.Depth.QUICK, 0, seed, true)
                : ci ? RunSettings.ci() : RunSettings.full();
        s = s.withSeed(seed).withEdgeCases(!noEdgeCases);
        return tries == null ? s : s.withTries(tries);
    }

    /** The plug-in option (--method-class or --estimator-class and the class) by the plug-in's method id. */
    private final Map<String, String> pluginOptions = new LinkedHashMap<>();

    /**
     * A plug-in result's replay line names the plug-in and its classpath, so that it reruns as
     * printed (the engine's line names only theorem, regime and token).
     */
    private Result withPluginReplay(Result res) {
        if (ciMethodIds.contains(res.method())) {
            Map<String, Object> extra = new LinkedHashMap<>(res.extra());
            extra.put("depth", "ci (--ci-method-class)");
            res = res.toBuilder().extra(extra).build();
        }
        String option = pluginOptions.get(res.method());
        Counterexample c = res.counterexample();
        if (option == null || c == null || c.replay() == null) {
            return res;
        }
        Replay plain = Replay.parse(c.replay()).withOptions(option);
        String replayLine = (classpath == null ? plain : plain.withOptions("--classpath", classpath)).commandLine();
        return res.toBuilder()
                .counterexample(new Counterexample(c.fields(), c.summary(), replayLine, c.shrinkSteps(), c.original()))
                .build();
    }

    /**
     * The theorems for the --method-class optimizers and --estimator-class estimators: conformance
     * properties and the catalog's theorems of each declared kind, filtered by --theorem (ids or
     * prefixes ending in '*'). The list of what applies is printed; zero applicable theorems, two
     * plug-ins with one id, and (under --with-catalog) a plug-in id equal to a built-in method's
     * are bad input, refused before anything runs.
     */
    private List<Theorem<?>> selectForPlugins() {
        List<Plugins.Plugin> loaded = Plugins.load(pluginSpec(), ctx.catalog());
        if (withCatalog) {
            Plugins.refuseBuiltInIds(loaded, ctx.catalog().methodIds());
        }
        List<Theorem<?>> out = new ArrayList<>();
        for (Plugins.Plugin p : loaded) {
            p.listing().forEach(line -> ctx.err().println(TerminalText.oneLine(line)));
            pluginOptions.put(p.id(), p.option());
            if (ciMethodClasses.stream().anyMatch(c -> p.option().equals("--method-class " + c))) {
                ciMethodIds.add(p.id());
            }
            out.addAll(p.theorems());
        }
        return out;
    }

    /** The selected theorems, in catalog order; unknown ids are bad input. */
    private List<Theorem<?>> select() {
        List<String> knownMethods = new ArrayList<>(ctx.catalog().methodIds());
        ctx.catalog().observations().forEach(o -> {
            if (!knownMethods.contains(o.methodId())) {
                knownMethods.add(o.methodId());
            }
        });
        for (String m : methods) {
            if (!knownMethods.contains(m)) {
                throw new BadInput("unknown method id '" + m + "'. Known methods: " + String.join(", ", knownMethods)
                        + ". Run 'optcheck list' to see them all.");
            }
        }
        List<Theorem<?>> chosen;
        if (theorems.isEmpty()) {
            chosen = ctx.catalog().theorems();
        } else {
            LinkedHashSet<String> ids = new LinkedHashSet<>(theorems);
            chosen = new ArrayList<>();
            for (String id : ids) {
                // An observation's id selects the observation only (see selectObservations).
                if (ctx.catalog().observations().stream().anyMatch(o -> o.id().equals(id))) {
                    continue;
                }
                chosen.add(ctx.catalog().get(id));
            }
            chosen.sort((a, b) -> a.id().compareTo(b.id()));
        }
        if (!methods.isEmpty()) {
            chosen = chosen.stream().filter(t -> methods.contains(t.methodId())).toList();
            if (chosen.isEmpty() && selectObservations().isEmpty()) {
                throw new BadInput("no selected theorem is checked on method " + String.join(", ", methods)
                        + "; drop --theorem or --method. Run 'optcheck list' to see which theorem uses which method.");
            }
        }
        return chosen;
    }

    private Waivers loadWaivers() {
        return loadWaivers(waivers);
    }

    /** The waiver file given, else {@link #DEFAULT_WAIVERS} when it exists, else none. */
    static Waivers loadWaivers(Path waivers) {
        if (waivers != null) {
            return Waivers.load(waivers);
        }
        Path def = Path.of(DEFAULT_WAIVERS);
        return Files.isRegularFile(def) ? Waivers.load(def) : null;
    }

    private int finish(RunReport report, Waivers w, Path outDir) {
        return finish(ctx, report, w, outDir, width, failOnViolation);
    }

    /** Applies waivers, writes the reports, prints the table and returns the exit code. */
    static int finish(Context ctx, RunReport report, Waivers w, Path outDir, int width, boolean failOnViolation) {
        if (w != null) {
            report = w.apply(report, LocalDate.now(ZoneOffset.UTC));
        }
        Path json = outDir.resolve("results.json");
        Path md = outDir.resolve("summary.md");
        Path html = outDir.resolve("index.html");
        RunReport written = report;
        try {
            ReportDirectory.publish(outDir, dir -> {
                JsonReport.write(written, dir.resolve(json.getFileName()));
                MarkdownSummary.write(written, dir.resolve(md.getFileName()));
                HtmlReport.write(written, ReportTexts.of(written, ctx.catalog()), dir.resolve(html.getFileName()));
            });
        } catch (IOException e) {
            throw new BadInput("cannot write the report into '" + outDir + "' (" + e.getMessage()
                    + "). Give --out a directory you can write to.");
        }
        ctx.out().print(TerminalTable.render(report, width));
        ctx.out().println();
        for (Observation o : report.observations()) {
            Object finding = o.summary().get("finding");
            ctx.out()
                    .println(TerminalText.oneLine("observation " + o.id() + " (" + o.method() + ", no verdict)"
                            + (finding == null ? "" : ": " + finding)));
        }
        ctx.out().println("wrote " + json);
        ctx.out().println("wrote " + md);
        ctx.out().println("wrote " + html);
        ctx.out()
                .println(String.format(
                        Locale.ROOT, "wall time %.1f s, seed %d", report.wallMs() / 1000.0, report.seed()));
        boolean gate = report.gatePasses();
        if (report.partial()) {
            ctx.out()
                    .println(
                            "PARTIAL: the run was interrupted; the gate below covers only the results finished before that");
        }
        if (!gate) {
            ctx.out()
                    .println(
                            failOnViolation
                                    ? "gate: FAILED (a verdict is fail without a valid waiver); exit code 1"
                                    : "gate: would fail (a verdict is fail without a valid waiver); pass --fail-on-violation to exit with 1");
        }
        return failOnViolation && !gate ? Main.VIOLATION : Main.OK;
    }

    // ------------------------------------------------------------------ replay

    private int replay(RunSettings settings) {
        Replay target;
        try {
            target = Replay.parse(replay);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        Theorem<?> t;
        if (!pluginsNamed()) {
            t = ctx.catalog().get(target.theorem());
        } else {
            // A plug-in's case: the theorem is one of those that apply to it (conformance or its kind's).
            List<Theorem<?>> forPlugin = selectForPlugins();
            t = forPlugin.stream()
                    .filter(x -> x.id().equals(target.theorem()))
                    .findFirst()
                    .orElseThrow(() -> new BadInput("theorem '" + target.theorem()
                            + "' in the replay token does not apply to "
                            + (!allMethodClasses().isEmpty()
                                            ? allMethodClasses()
                                            : !estimatorClasses.isEmpty()
                                                    ? estimatorClasses
                                                    : !lineSearchClasses.isEmpty()
                                                            ? lineSearchClasses
                                                            : finiteSumClasses)
                                    .get(0)
                            + "; theorems that apply: "
                            + forPlugin.stream().map(Theorem::id).toList()));
        }
        Regime r = t.regimes().stream()
                .filter(x -> x.id().equals(target.regime()))
                .findFirst()
                .orElseThrow(() -> new BadInput("unknown regime '" + target.regime() + "' in the replay token: theorem "
                        + t.id()
                        + " has the regimes "
                        + String.join(", ", t.regimes().stream().map(Regime::id).toList())
                        + ". Copy the replay line of the counterexample whole."));
        Path outDir = out == null ? null : Outputs.prepare(out);
        Waivers w = outDir == null ? null : loadWaivers();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Result res = TheoremRunner.replay(t, r, target.token(), settings.seed());
        long wallMs = (System.nanoTime() - start) / 1_000_000L;
        ctx.out().print(Replays.describe(res));
        if (outDir == null) {
            return failOnViolation && res.blocksGate() ? Main.VIOLATION : Main.OK;
        }
        ctx.out().println();
        RunReport report =
                RunReport.of(Version.get(), seed, startedAt, wallMs, Tolerance.describe(), List.of(res), List.of());
        return finish(report, w, outDir);
    }
}
