package io.optcheck.cli;

import io.optcheck.prop.Property;
import io.optcheck.report.ErrorInfo;
import io.optcheck.report.HtmlReport;
import io.optcheck.report.JsonReport;
import io.optcheck.report.MarkdownSummary;
import io.optcheck.report.Observation;
import io.optcheck.report.Outcome;
import io.optcheck.report.Result;
import io.optcheck.report.RunReport;
import io.optcheck.report.TerminalTable;
import io.optcheck.report.Waivers;
import io.optcheck.theory.ObservationSpec;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RunSettings;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TheoremRunner;
import io.optcheck.theory.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code optcheck run}: runs the catalog (or a part of it, or one replayed case) and writes the reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs every selected theorem x regime, prints a table and writes results.json, "
        + "summary.md and index.html.", "Default: the full catalog at full depth (each spec's 'tries.full')."},
    footer = {"", "Exit codes: 0 ok (or no --fail-on-violation), 1 a failure without a valid waiver under "
        + "--fail-on-violation, 2 bad input, 3 internal error."})
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

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for results.json, summary.md and index.html "
      + "(default: reports; created if missing). With --replay, nothing is written unless --out is given.")
  String out;

  @Option(names = "--fail-on-violation", description = "Exit with 1 when a verdict is fail without a valid waiver.")
  boolean failOnViolation;

  @Option(names = "--replay", paramLabel = "TOKEN",
      description = "Rerun exactly one case: <theorem>/<regime>/<token>, as printed in a counterexample.")
  String replay;

  @Option(names = "--quick", description = "Smoke profile: at most " + RunSettings.QUICK_TRIES
      + " tries per regime expected to hold; breaking regimes keep their CI tries (they stop at the first counterexample).")
  boolean quick;

  @Option(names = "--ci", description = "CI depth: each spec's 'tries.ci'.")
  boolean ci;

  @Option(names = "--waivers", paramLabel = "FILE",
      description = "Waiver file (default: " + DEFAULT_WAIVERS + " in the working directory, if it exists).")
  Path waivers;

  @Option(names = "--no-edge-cases", description = "Skip the edge-case phase (random and targeted search only).")
  boolean noEdgeCases;

  @Option(names = "--width", paramLabel = "N", description = "Width of the terminal table (default: ${DEFAULT-VALUE}).")
  int width = TerminalTable.DEFAULT_WIDTH;

  @Option(names = "--method-class", paramLabel = "CLASS", description = "Check your own optimizer: a class "
      + "implementing io.optcheck.plugin.PluggableOptimizer with a public no-argument constructor (repeatable). "
      + "Runs the conformance properties and the theorems of its declared kind; --theorem filters them.")
  List<String> methodClasses = new ArrayList<>();

  @Option(names = "--estimator-class", paramLabel = "CLASS", description = "Check your own minibatch sampler or "
      + "gradient estimator: a class implementing io.optcheck.plugin.GradientEstimator (checked exactly) or "
      + "io.optcheck.plugin.SelfRandomEstimator (checked statistically) with a public no-argument constructor "
      + "(repeatable). Runs sgd.unbiased-minibatch and sgd.minibatch-variance under its id; --theorem filters them.")
  List<String> estimatorClasses = new ArrayList<>();

  @Option(names = "--classpath", paramLabel = "PATH", description = "Jars and directories holding the --method-class "
      + "and --estimator-class classes, separated by the platform's path separator.")
  String classpath;

  @Option(names = "--with-catalog", description = "With --method-class: also run the built-in catalog, as a run "
      + "without --method-class would, so that one report holds both (the launcher's default run uses it for the "
      + "third-party adapters).")
  boolean withCatalog;

  @Option(names = "--step-timeout", paramLabel = "SECONDS", description = "Limit for one call into a --method-class "
      + "optimizer (default 10); a call that takes longer ends its run with 'error: timeout'.")
  Double stepTimeout;

  @Option(names = "--observations", paramLabel = "FILE", description = "Also append every try and phase to FILE as "
      + "JSON lines in Hypothesis's observability format (Tyche reads them); sets -D"
      + io.optcheck.prop.Observations.PROPERTY + ".")
  Path observations;

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
        io.optcheck.prop.Observations.useFile(observations);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--observations " + e.getMessage());
      }
    }
    RunSettings settings = settings();
    if (replay != null) {
      return replay(settings);
    }
    boolean plugins = !methodClasses.isEmpty() || !estimatorClasses.isEmpty();
    List<ObservationSpec> observed = plugins && !withCatalog ? List.of() : selectObservations();
    List<Theorem<?>> selected = plugins ? selectForPlugins() : select();
    if (plugins && withCatalog) {
      List<Theorem<?>> both = new ArrayList<>(select());
      both.addAll(selected);
      selected = both;
    }
    Map<Theorem<?>, Spec> specs = new LinkedHashMap<>();
    for (Theorem<?> t : selected) {
      // Loads every spec first, so that a malformed one stops the run before any work is done.
      specs.put(t, Specs.load(t.id()));
    }
    Path outDir = Outputs.prepare(out == null ? "reports" : out);
    Waivers w = loadWaivers();

    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    int total = selected.stream().mapToInt(t -> t.regimes().size()).sum();
    // The false-alarm budget is split over the statistical regimes this run actually runs.
    settings = settings.withStatisticalRegimeRuns((int) selected.stream()
        .flatMap(t -> t.regimes().stream().filter(r -> TheoremRunner.isStatistical(t, r))).count());
    List<Result> results = new ArrayList<>();
    int n = 0;
    for (Theorem<?> t : selected) {
      for (Regime r : t.regimes()) {
        n++;
        Spec spec = specs.get(t);
        Result res = withPluginReplay(t, runOne(t, r, settings.triesFor(r, spec.ciTries(), spec.fullTries()), settings));
        results.add(res);
        ctx.err().println(progress(n, total, res));
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (ObservationSpec o : observed) {
      long t0 = System.nanoTime();
      try {
        observations.add(o.measure(settings.seed()));
        ctx.err().println(String.format(Locale.ROOT, "[observation] %s: measured in %.1f s", o.id(),
            (System.nanoTime() - t0) / 1e9));
      } catch (OutOfMemoryError e) {
        throw e;
      } catch (Throwable e) { // an observation has no verdict; a failed one is reported and skipped
        ctx.err().println("[observation] " + o.id() + ": not measured (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
      }
    }
    long wallMs = (System.nanoTime() - start) / 1_000_000L;
    RunReport report = RunReport.of(Version.get(), seed, startedAt, wallMs, Tolerance.describe(), results, observations);
    return finish(report, w, outDir);
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
      boolean byTheorem = theorems.isEmpty() || theorems.stream().anyMatch(id -> id.equals(o.id())
          || family(id).equals(family(o.id())));
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
    if (width < 40) {
      throw new BadInput("--width must be at least 40 characters, got " + width + ".");
    }
    if (classpath != null && methodClasses.isEmpty() && estimatorClasses.isEmpty()) {
      throw new BadInput("--classpath is for --method-class; name the optimizer class to check with --method-class.");
    }
    if (!estimatorClasses.isEmpty() && !methods.isEmpty()) {
      throw new BadInput("--estimator-class runs the theorems that apply to your estimator; drop --method "
          + "(select theorems with --theorem).");
    }
    if (replay != null && methodClasses.size() + estimatorClasses.size() > 1) {
      throw new BadInput("--replay reruns one case of one plug-in; give a single --method-class or --estimator-class.");
    }
    if (withCatalog && methodClasses.isEmpty()) {
      throw new BadInput("--with-catalog adds the built-in catalog to a --method-class run; without --method-class "
          + "the catalog runs anyway, so drop --with-catalog.");
    }
    if (stepTimeout != null && !(stepTimeout > 0)) {
      throw new BadInput("--step-timeout must be a positive number of seconds, got " + stepTimeout + ".");
    }
    if (!methodClasses.isEmpty() && !methods.isEmpty()) {
      throw new BadInput("--method-class runs the theorems that apply to your optimizer; drop --method "
          + "(select theorems with --theorem).");
    }
    if (replay != null && methodClasses.size() > 1) {
      throw new BadInput("--replay reruns one case of one optimizer; give a single --method-class.");
    }
    if (replay != null && (!theorems.isEmpty() || !methods.isEmpty())) {
      throw new BadInput("--replay reruns the one case its token names; drop --theorem and --method.");
    }
  }

  private RunSettings settings() {
    RunSettings s = quick ? new RunSettings(RunSettings.Depth.QUICK, 0, seed, true)
        : ci ? RunSettings.ci() : RunSettings.full();
    s = s.withSeed(seed).withEdgeCases(!noEdgeCases);
    return tries == null ? s : s.withTries(tries);
  }

  /** The plug-in option (--method-class or --estimator-class and the class) of each plug-in theorem. */
  private final Map<Theorem<?>, String> pluginOptions = new java.util.IdentityHashMap<>();

  /**
   * A plug-in result's replay line names the plug-in and its classpath, so that it reruns as
   * printed (the engine's line names only theorem, regime and token).
   */
  private Result withPluginReplay(Theorem<?> t, Result res) {
    String option = pluginOptions.get(t);
    io.optcheck.report.Counterexample c = res.counterexample();
    if (option == null || c == null || !c.replay().contains("--replay ")) {
      return res;
    }
    String replayLine = c.replay().replace("--replay ", option
        + (classpath == null ? "" : " --classpath " + classpath) + " --replay ");
    return res.toBuilder().counterexample(new io.optcheck.report.Counterexample(c.fields(), c.summary(), replayLine,
        c.shrinkSteps(), c.original())).build();
  }

  /**
   * The theorems for the --method-class optimizers: conformance properties and the catalog's
   * theorems of each declared kind, filtered by --theorem (ids or prefixes ending in '*'). The
   * list of what applies is printed; zero applicable theorems is bad input, not a pass.
   */
  private List<Theorem<?>> selectForPlugins() {
    List<Theorem<?>> out = new ArrayList<>();
    for (io.optcheck.plugin.PluggableOptimizer p : PluginLoader.load(methodClasses, classpath)) {
      io.optcheck.plugin.PluginProvider provider;
      List<Theorem<?>> ts;
      try {
        provider = io.optcheck.plugin.PluginProvider.of(p);
        if (stepTimeout != null) {
          provider = provider.withStepTimeout(java.time.Duration.ofNanos(Math.round(stepTimeout * 1e9)));
        }
        ts = io.optcheck.theory.conformance.PluginTheorems.applicable(provider, ctx.catalog(), theorems);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--method-class " + p.getClass().getName() + ": " + e.getMessage());
      }
      io.optcheck.theory.conformance.PluginTheorems.listing(provider, ts).forEach(ctx.err()::println);
      ts.forEach(t -> pluginOptions.put(t, "--method-class " + p.getClass().getName()));
      out.addAll(ts);
    }
    for (Object e : PluginLoader.loadEstimators(estimatorClasses, classpath)) {
      List<Theorem<?>> ts;
      String id = e.getClass().getName();
      try {
        ts = e instanceof io.optcheck.plugin.GradientEstimator g ? io.optcheck.theory.sgd.EstimatorTheorems.of(g)
            : io.optcheck.theory.sgd.EstimatorTheorems.of((io.optcheck.plugin.SelfRandomEstimator) e, seed);
      } catch (IllegalArgumentException ex) {
        throw new BadInput("--estimator-class " + id + ": " + ex.getMessage());
      }
      ts = ts.stream().filter(t -> theorems.isEmpty() || theorems.stream().anyMatch(f -> f.endsWith("*")
          ? t.id().startsWith(f.substring(0, f.length() - 1)) : t.id().equals(f))).toList();
      if (ts.isEmpty()) {
        throw new BadInput("--estimator-class " + id + ": no theorem applies with the theorem filters " + theorems
            + ". Theorems for estimators: sgd.unbiased-minibatch, sgd.minibatch-variance. Zero applicable theorems"
            + " is an error, not a pass.");
      }
      io.optcheck.theory.sgd.EstimatorTheorems.listing(ts).forEach(ctx.err()::println);
      ts.forEach(t -> pluginOptions.put(t, "--estimator-class " + id));
      out.addAll(ts);
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

  /** One regime; an unexpected exception becomes an error result instead of ending the run. */
  private Result runOne(Theorem<?> t, Regime r, int n, RunSettings settings) {
    long start = System.nanoTime();
    try {
      return TheoremRunner.run(t, r, n, settings);
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable e) { // one broken theorem must not stop the catalog
      if (debugOption.debug) {
        e.printStackTrace(ctx.err());
      }
      return errorResult(t, r, settings.seed(), e, (System.nanoTime() - start) / 1_000_000L);
    }
  }

  static Result errorResult(Theorem<?> t, Regime r, long seed, Throwable e, long durationMs) {
    String message = "unexpected " + e.getClass().getName() + " while checking " + t.id() + "/" + r.id()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return Result.builder(t.id(), r.conclusion(), t.methodId(), r.id())
        .assumptions(r.assumptions()).expected(r.expected()).outcome(Outcome.ERROR)
        .seed(seed).error(new ErrorInfo(message, null)).durationMs(Math.max(0, durationMs))
        .build();
  }

  static String progress(int n, int total, Result res) {
    int digits = Integer.toString(total).length();
    return String.format(Locale.ROOT, "[%" + digits + "d/%d] %s / %s: %s (%s) in %.1f s", n, total,
        res.theorem(), res.regime(), res.outcome().json(), res.verdict().json(), res.durationMs() / 1000.0);
  }

  private Waivers loadWaivers() {
    if (waivers != null) {
      return Waivers.load(waivers);
    }
    Path def = Path.of(DEFAULT_WAIVERS);
    return Files.isRegularFile(def) ? Waivers.load(def) : null;
  }

  /** Applies waivers, writes the reports, prints the table and returns the exit code. */
  private int finish(RunReport report, Waivers w, Path outDir) {
    if (w != null) {
      report = w.apply(report, LocalDate.now(ZoneOffset.UTC));
    }
    Path json = outDir.resolve("results.json");
    Path md = outDir.resolve("summary.md");
    Path html = outDir.resolve("index.html");
    try {
      JsonReport.write(report, json);
      MarkdownSummary.write(report, md);
      HtmlReport.write(report, ReportTexts.of(report, ctx.catalog()), html);
    } catch (IOException e) {
      throw new BadInput("cannot write the report into '" + outDir + "' (" + e.getMessage()
          + "). Give --out a directory you can write to.");
    }
    ctx.out().print(TerminalTable.render(report, width));
    ctx.out().println();
    for (Observation o : report.observations()) {
      Object finding = o.summary().get("finding");
      ctx.out().println("observation " + o.id() + " (" + o.method() + ", no verdict)"
          + (finding == null ? "" : ": " + finding));
    }
    ctx.out().println("wrote " + json);
    ctx.out().println("wrote " + md);
    ctx.out().println("wrote " + html);
    ctx.out().println(String.format(Locale.ROOT, "wall time %.1f s, seed %d", report.wallMs() / 1000.0, report.seed()));
    boolean gate = report.gatePasses();
    if (!gate) {
      ctx.out().println(failOnViolation
          ? "gate: FAILED (a verdict is fail without a valid waiver); exit code 1"
          : "gate: would fail (a verdict is fail without a valid waiver); pass --fail-on-violation to exit with 1");
    }
    return failOnViolation && !gate ? Main.VIOLATION : Main.OK;
  }

  // ------------------------------------------------------------------ replay

  /** A parsed replay target: theorem id, regime id, engine token. */
  record Target(String theorem, String regime, String token) {

    static final String FORMAT = "<theoremId>/<regimeId>/<token>, e.g. gd.descent-lemma/eta-gt-2-over-l/oc1-...";

    /** Parses {@code theorem/regime/token}; also accepts the whole printed replay command. */
    static Target parse(String text) {
      String s = text.trim();
      String prefix = "--replay ";
      int p = s.lastIndexOf(prefix);
      if (p >= 0) {
        s = s.substring(p + prefix.length()).trim();
      }
      int a = s.indexOf('/');
      int b = a < 0 ? -1 : s.indexOf('/', a + 1);
      if (a <= 0 || b <= a + 1 || b == s.length() - 1 || s.indexOf('/', b + 1) >= 0) {
        throw new BadInput("bad replay token '" + abbreviate(text) + "': expected " + FORMAT
            + ". Copy the replay line of the counterexample whole.");
      }
      return new Target(s.substring(0, a), s.substring(a + 1, b), s.substring(b + 1));
    }

    private static String abbreviate(String s) {
      return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
  }

  private int replay(RunSettings settings) {
    Target target = Target.parse(replay);
    Theorem<?> t;
    if (methodClasses.isEmpty() && estimatorClasses.isEmpty()) {
      t = ctx.catalog().get(target.theorem());
    } else {
      // A plug-in's case: the theorem is one of those that apply to it (conformance or its kind's).
      List<Theorem<?>> forPlugin = selectForPlugins();
      t = forPlugin.stream().filter(x -> x.id().equals(target.theorem())).findFirst().orElseThrow(() ->
          new BadInput("theorem '" + target.theorem() + "' in the replay token does not apply to "
              + (methodClasses.isEmpty() ? estimatorClasses : methodClasses).get(0) + "; theorems that apply: " + forPlugin.stream().map(Theorem::id).toList()));
    }
    Regime r = t.regimes().stream().filter(x -> x.id().equals(target.regime())).findFirst().orElseThrow(() ->
        new BadInput("unknown regime '" + target.regime() + "' in the replay token: theorem " + t.id()
            + " has the regimes " + String.join(", ", t.regimes().stream().map(Regime::id).toList())
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
    RunReport report = RunReport.of(Version.get(), seed, startedAt, wallMs, Tolerance.describe(), List.of(res), List.of());
    return finish(report, w, outDir);
  }
}
