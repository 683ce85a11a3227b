package io.optcheck.prop.bench;

import io.optcheck.prop.FailureReport;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Property;
import io.optcheck.prop.PropertyResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Throughput benchmark of the property engine on a reference workload, the descent lemma for
 * gradient descent: a random SPD quadratic f(x) = x^T H x / 2 of dimension 1..20 with
 * H = Q diag(lambda) Q^T (lambda log-uniform in [1e-3, 1e3], Q from the QR decomposition of a
 * Gaussian matrix), a start in [-10, 10]^d, eta = h / L with h in [1e-3, 1] (L = max lambda),
 * and 50 GD steps, checking f(x+) &lt;= f(x) - (eta/2) ||g||^2 at each step.
 *
 * <p>It measures, side by side in one run and interleaved after a warm-up: (a) the workload
 * through the engine ({@code Property.forAll(...).tries(N).run()}, default settings otherwise),
 * (b) the same loop written by hand, drawing the same kinds of values from a
 * {@link SplittableRandom} and doing the same math, and optionally (c) the Hypothesis peer
 * script, run as a subprocess with 2000 tries. Not a test: nothing here is asserted.
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.optcheck.prop.bench.DescentLemmaBench \
 *   -Dexec.args="../shared/peers/hypothesis_descent_lemma.py"
 * </pre>
 * Arguments (all optional): the path of the Hypothesis peer script, then
 * {@code --tries N} (per round, default 20000) and {@code --rounds R} (default 7). With
 * {@code --paired R} it only runs four sides R times (200 tries each, in an order that rotates and
 * reverses from round to round) and compares their thread CPU times (see {@link #paired}).
 */
public final class DescentLemmaBench {

    static final int STEPS = 50;
    static volatile double sink;

    /** One generated problem. */
    record Problem(int d, double[] h, double[] x0, double eta) {}

    // Draw order, shared by the engine generator and the hand-written loop: d, the d eigenvalues,
    // a seed for the Gaussian matrix, the d start coordinates, h.
    static final Gen<Problem> PROBLEMS = Gens.integers(1, 20)
            .flatMap(d -> Gens.combine(
                            Gens.doubleArrays(Gens.logDoubles(1e-3, 1e3), d),
                            Gens.longs(0, Integer.MAX_VALUE),
                            Gens.doubleArrays(Gens.doubles(-10, 10), d),
                            Gens.doubles(1e-3, 1.0))
                    .as((lambda, qSeed, x0, h) -> build(d, lambda, qSeed, x0, h)));

    /** The draws of one try, before the problem is built from them. */
    record Draws(int d, double[] lambda, long qSeed, double[] x0, double h) {
        Problem build() {
            return DescentLemmaBench.build(d, lambda, qSeed, x0, h);
        }
    }

    /** The same generator as {@link #PROBLEMS}, stopping before {@link #build}: the same draws. */
    static final Gen<Draws> DRAWS = Gens.integers(1, 20)
            .flatMap(d -> Gens.combine(
                            Gens.doubleArrays(Gens.logDoubles(1e-3, 1e3), d),
                            Gens.longs(0, Integer.MAX_VALUE),
                            Gens.doubleArrays(Gens.doubles(-10, 10), d),
                            Gens.doubles(1e-3, 1.0))
                    .as((lambda, qSeed, x0, h) -> new Draws(d, lambda, qSeed, x0, h)));

    /**
     * The draws of every try that {@link #engine} checks with these arguments, in order: the
     * engine's own inputs, for timing the check alone on exactly them ({@link #byHandOn}).
     */
    static List<Draws> engineDraws(int tries, long seed) {
        List<Draws> out = new ArrayList<>();
        PropertyResult<Draws> r = Property.forAll("gd.descent-lemma", DRAWS, (p, trial) -> {
                    out.add(p);
                    sink += check(p.build());
                })
                .tries(tries)
                .seed(seed)
                .run();
        if (!r.passed() || r.tries() != tries) {
            throw new IllegalStateException(FailureReport.message(r));
        }
        return List.copyOf(out);
    }

    /** The hand-written loop's work on given draws: build and check each; returns elapsed nanoseconds. */
    static long byHandOn(List<Draws> draws) {
        long t0 = System.nanoTime();
        for (Draws p : draws) {
            sink += check(p.build());
        }
        return System.nanoTime() - t0;
    }

    static Problem build(int d, double[] lambda, long qSeed, double[] x0, double h) {
        SplittableRandom g = new SplittableRandom(qSeed);
        double[][] z = new double[d][d];
        for (double[] row : z) {
            for (int j = 0; j < d; j++) {
                row[j] = g.nextGaussian();
            }
        }
        RealMatrix q = new QRDecomposition(MatrixUtils.createRealMatrix(z)).getQ();
        double lmax = 0;
        for (double l : lambda) {
            lmax = Math.max(lmax, l);
        }
        double[] hm = new double[d * d]; // H = Q diag(lambda) Q^T, row-major
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += q.getEntry(i, k) * lambda[k] * q.getEntry(j, k);
                }
                hm[i * d + j] = s;
                hm[j * d + i] = s;
            }
        }
        return new Problem(d, hm, x0, h / lmax);
    }

    /** 50 GD steps; throws at the first step that breaks the descent lemma. */
    static double check(Problem p) {
        int d = p.d();
        double[] h = p.h();
        double[] x = p.x0().clone();
        double[] g = new double[d];
        matVec(h, x, g, d);
        double f = 0.5 * dot(x, g, d);
        for (int t = 0; t < STEPS; t++) {
            double gg = dot(g, g, d);
            for (int i = 0; i < d; i++) {
                x[i] -= p.eta() * g[i];
            }
            matVec(h, x, g, d);
            double f1 = 0.5 * dot(x, g, d);
            double rhs = f - 0.5 * p.eta() * gg;
            // Relative rounding tolerance, plus an absolute floor: once f underflows into the
            // subnormal range (eta L near 1 contracts f by (1 - eta L)^2 per step) relative precision
            // is gone, and the engine's edge cases found exactly that (f = 0.0 vs -1.2e-321).
            double tol = 16 * d * Math.ulp(1.0) * (Math.abs(f) + Math.abs(f1) + p.eta() * gg) + Double.MIN_NORMAL;
            if (f1 > rhs + tol) {
                throw new AssertionError(String.format(
                        Locale.ROOT, "step %d: f(x+) = %s > f(x) - eta/2 |g|^2 = %s (tol %s)", t, f1, rhs, tol));
            }
            f = f1;
        }
        return f;
    }

    static void matVec(double[] h, double[] x, double[] out, int d) {
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += h[row + j] * x[j];
            }
            out[i] = s;
        }
    }

    static double dot(double[] a, double[] b, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** (a) through the engine; returns elapsed nanoseconds. */
    static long engine(int tries, long seed) {
        long t0 = System.nanoTime();
        PropertyResult<Problem> r = Property.forAll("gd.descent-lemma", PROBLEMS, (p, trial) -> sink += check(p))
                .tries(tries)
                .seed(seed)
                .run();
        long dt = System.nanoTime() - t0;
        if (!r.passed() || r.tries() != tries) {
            throw new IllegalStateException(FailureReport.message(r));
        }
        return dt;
    }

    /** (b) the same work by hand: same draws from a SplittableRandom per try, same math. */
    static long handWritten(int tries, long seed) {
        long t0 = System.nanoTime();
        for (int k = 0; k < tries; k++) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + k);
            int d = 1 + rng.nextInt(20);
            sink += check(drawByHand(rng, d).build());
        }
        return System.nanoTime() - t0;
    }

    /**
     * The hand-written loop on the engine's inputs: per try, the hand-written loop's own draws of
     * the same shape (the engine's d, so as many values), then the build and check on the engine's
     * draws, which the hand-written values do not replace. It is {@link #handWritten} with the
     * inputs' cost held equal, and {@link #byHandOn} plus the loop's draws; returns elapsed
     * nanoseconds.
     */
    static long handWrittenOn(List<Draws> draws, long seed) {
        long t0 = System.nanoTime();
        int k = 0;
        for (Draws p : draws) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + k++);
            sink += 1 + rng.nextInt(20);
            Draws own = drawByHand(rng, p.d());
            sink += own.h() + own.qSeed() + own.lambda()[0] + own.x0()[0];
            sink += check(p.build());
        }
        return System.nanoTime() - t0;
    }

    private static final double LOG_MIN = StrictMath.log(1e-3);
    private static final double LOG_MAX = StrictMath.log(1e3);

    /** The hand-written loop's draws after d, in {@link #PROBLEMS}' order. */
    static Draws drawByHand(SplittableRandom rng, int d) {
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            lambda[i] = StrictMath.exp(LOG_MIN + rng.nextDouble() * (LOG_MAX - LOG_MIN));
        }
        long qSeed = rng.nextLong(Integer.MAX_VALUE + 1L);
        double[] x0 = new double[d];
        for (int i = 0; i < d; i++) {
            x0[i] = -10 + 20 * rng.nextDouble();
        }
        double h = 1e-3 + rng.nextDouble() * (1 - 1e-3);
        return new Draws(d, lambda, qSeed, x0, h);
    }

    static double median(List<Long> xs) {
        long[] a = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2.0;
    }

    /** Runs the peer script and returns its tries/s, or NaN with a message on stderr. */
    static double hypothesis(String script, int tries) throws Exception {
        Process p = new ProcessBuilder("python3", script, Integer.toString(tries))
                .redirectErrorStream(true)
                .start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        int code = p.waitFor();
        System.out.print("  peer output: " + out);
        Matcher m = Pattern.compile("=\\s*([0-9.]+)\\s*tries/s").matcher(out);
        if (code != 0 || !m.find()) {
            System.err.println("  could not read a 'N tries/s' figure from the peer (exit code " + code + ")");
            return Double.NaN;
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * Engine, hand-written loop, the hand-written check on the engine's own inputs
     * ({@link #byHandOn}) and the hand-written loop on them ({@link #handWrittenOn}), in an order
     * that rotates and reverses from round to round, {@code rounds} times 200 tries each, timed by
     * the thread's CPU time, which other processes on a loaded machine do not inflate the way they
     * inflate wall time; prints the medians of the last
     * two thirds and the median per-round ratios. The ratio to the hand-written loop on the
     * engine's inputs is the engine's overhead with the inputs' cost held equal; the ratio to the
     * check alone also counts the loop's own draws as engine cost.
     */
    static void paired(int rounds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Draws> same = engineDraws(200, 42);
        long[] eng = new long[rounds];
        long[] hand = new long[rounds];
        long[] onSame = new long[rounds];
        long[] handOnSame = new long[rounds];
        double[] ratio = new double[rounds];
        double[] ratioSame = new double[rounds];
        double[] ratioHandSame = new double[rounds];
        Runnable[] sides = {
            () -> engine(200, 42), () -> handWritten(200, 42), () -> byHandOn(same), () -> handWrittenOn(same, 42)
        };
        long[][] cpu = {eng, hand, onSame, handOnSame};
        for (int r = 0; r < rounds; r++) {
            // The order rotates and, every other round, reverses: each side runs at every position and
            // after different sides, so that none always inherits the caches of the same predecessor.
            for (int k = 0; k < sides.length; k++) {
                int side = Math.floorMod(r % 2 == 0 ? r + k : r - k, sides.length);
                long c0 = mx.getCurrentThreadCpuTime();
                sides[side].run();
                cpu[side][r] = mx.getCurrentThreadCpuTime() - c0;
            }
            ratio[r] = (double) eng[r] / hand[r];
            ratioSame[r] = (double) eng[r] / onSame[r];
            ratioHandSame[r] = (double) eng[r] / handOnSame[r];
        }
        int from = rounds / 3; // the first third warms up
        double[] e = sortedTail(eng, from);
        double[] h = sortedTail(hand, from);
        double[] s = sortedTail(onSame, from);
        double[] q = sortedTail(ratio, from);
        double[] qs = sortedTail(ratioSame, from);
        double[] hs = sortedTail(handOnSame, from);
        double[] qh = sortedTail(ratioHandSame, from);
        System.out.printf(
                Locale.ROOT,
                "paired, thread CPU time, 200 tries per round, median of %d rounds: engine %.3f ms, hand-written %.3f ms,"
                        + " hand-written check on the engine's inputs %.3f ms, hand-written loop on the engine's inputs"
                        + " %.3f ms%n"
                        + "  engine / hand-written: median ratio %.3fx (quartiles %.3f to %.3f)%n"
                        + "  engine / check on the engine's inputs: median ratio %.3fx (quartiles %.3f to %.3f)%n"
                        + "  engine / hand-written loop on the engine's inputs: median ratio %.3fx (quartiles %.3f to"
                        + " %.3f)%n",
                e.length,
                e[e.length / 2] / 1e6,
                h[h.length / 2] / 1e6,
                s[s.length / 2] / 1e6,
                hs[hs.length / 2] / 1e6,
                q[q.length / 2],
                q[q.length / 4],
                q[3 * q.length / 4],
                qs[qs.length / 2],
                qs[qs.length / 4],
                qs[3 * qs.length / 4],
                qh[qh.length / 2],
                qh[qh.length / 4],
                qh[3 * qh.length / 4]);
    }

    private static double[] sortedTail(long[] xs, int from) {
        double[] out = Arrays.stream(xs, from, xs.length).asDoubleStream().toArray();
        Arrays.sort(out);
        return out;
    }

    private static double[] sortedTail(double[] xs, int from) {
        double[] out = Arrays.copyOfRange(xs, from, xs.length);
        Arrays.sort(out);
        return out;
    }

    public static void main(String[] args) throws Exception {
        String script = null;
        int tries = 20_000;
        int rounds = 7;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tries" -> tries = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--paired" -> {
                    paired(Integer.parseInt(args[++i]));
                    return;
                }
                default -> script = args[i];
            }
        }
        System.out.printf(
                Locale.ROOT,
                "descent-lemma workload: dim 1..20, 50 GD steps per try; %d tries per round, %d rounds after warm-up (Java %s)%n",
                tries,
                rounds,
                System.getProperty("java.version"));
        for (int w = 0; w < 3; w++) { // warm-up: JIT both paths
            engine(tries / 2, 1000 + w);
            handWritten(tries / 2, 1000 + w);
        }
        List<Long> eng = new ArrayList<>();
        List<Long> hand = new ArrayList<>();
        for (int r = 0; r < rounds; r++) { // interleaved, alternating which goes first
            if (r % 2 == 0) {
                eng.add(engine(tries, r));
                hand.add(handWritten(tries, r));
            } else {
                hand.add(handWritten(tries, r));
                eng.add(engine(tries, r));
            }
        }
        double engRate = tries / (median(eng) / 1e9);
        double handRate = tries / (median(hand) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "(a) engine:       %,.0f tries/s (median of %d rounds; rounds in ms: %s)%n",
                engRate,
                rounds,
                Arrays.toString(eng.stream().mapToLong(x -> x / 1_000_000).toArray()));
        System.out.printf(
                Locale.ROOT,
                "(b) hand-written: %,.0f tries/s (median of %d rounds; rounds in ms: %s)%n",
                handRate,
                rounds,
                Arrays.toString(hand.stream().mapToLong(x -> x / 1_000_000).toArray()));
        System.out.printf(
                Locale.ROOT,
                "engine overhead: engine time / hand-written time = %.2fx (target <= 1.5x)%n",
                median(eng) / median(hand));
        if (script != null) {
            double hyp = hypothesis(script, 2000);
            if (!Double.isNaN(hyp)) {
                System.out.printf(
                        Locale.ROOT,
                        "(c) hypothesis:   %,.0f tries/s; engine / hypothesis = %.1fx (target >= 20x)%n",
                        hyp,
                        engRate / hyp);
            }
        } else {
            System.out.println("(c) hypothesis: not run (pass the peer script's path as the first argument)");
        }
    }
}
