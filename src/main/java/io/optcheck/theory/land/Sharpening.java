package io.optcheck.theory.land;

import io.optcheck.method.GradientDescent;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.ExtremeEigenvalues;
import io.optcheck.problem.LandscapeProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.TwoLayerNet;
import io.optcheck.prop.Source;
import io.optcheck.result.Observation;
import io.optcheck.theory.ObservationSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * land.sharpening: progressive sharpening and the edge of stability (Cohen, Kaur, Li, Kolter &amp;
 * Talwalkar 2021). Full-batch GD on a small two-layer ReLU network (MSE on data from a ReLU
 * teacher), recording lambda_max of the Hessian at every iterate (Lanczos with
 * {@value #LANCZOS_STEPS} steps on exact Hessian-vector products). Cohen et al. observe that
 * lambda_max rises until it reaches about 2/eta and then hovers there. This is a measurement, not a
 * theorem: whatever the run shows is reported. The settings were fixed before the first run and
 * not tuned to show the effect.
 */
public final class Sharpening implements ObservationSpec {

    static final int HIDDEN = 16;
    static final int INPUTS = 2;
    static final int EXAMPLES = 32;
    static final int TEACHER = 4;
    static final double ETA = 0.1;
    static final int STEPS = 3000;
    static final int LANCZOS_STEPS = 20;
    /** "Near 2/eta" means within this relative distance. */
    static final double BAND = 0.10;

    @Override
    public String id() {
        return "land.sharpening";
    }

    @Override
    public String methodId() {
        return "gd";
    }

    @Override
    public Observation measure(long seed) {
        Source s = Source.random(seed);
        TwoLayerNet net = LandscapeProblems.network(s, TwoLayerNet.Activation.RELU, HIDDEN, INPUTS, EXAMPLES, TEACHER);
        // Standard initialization scale: 1/sqrt(fan-in) per layer.
        double[] theta0 = new double[net.dimension()];
        for (int u = 0; u < HIDDEN; u++) {
            for (int j = 0; j < INPUTS; j++) {
                theta0[net.w1(u, j)] = Problems.gaussian(s) / Math.sqrt(INPUTS);
            }
            theta0[net.w2(u)] = Problems.gaussian(s) / Math.sqrt(HIDDEN);
        }
        Trajectory tr = Runner.run(new GradientDescent(ETA), new ExactOracle(net), theta0, STEPS);
        int n = tr.steps() + 1;
        double[] sharp = new double[n];
        double[] loss = new double[n];
        double maxResidual = 0;
        for (int t = 0; t < n; t++) {
            double[] x = tr.x(t);
            loss[t] = net.value(x);
            ExtremeEigenvalues.Result e = ExtremeEigenvalues.ofHessian(net, x, LANCZOS_STEPS, seed + t);
            sharp[t] = e.max();
            maxResidual = Math.max(maxResidual, e.maxResidual());
        }
        double edge = 2 / ETA;
        int first = -1;
        int within = 0;
        int longest = 0;
        int run = 0;
        double peak = Double.NEGATIVE_INFINITY;
        int peakStep = 0;
        for (int t = 0; t < n; t++) {
            boolean near = Math.abs(sharp[t] - edge) <= BAND * edge;
            if (near && first < 0) {
                first = t;
            }
            if (near) {
                within++;
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
            if (sharp[t] > peak) {
                peak = sharp[t];
                peakStep = t;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("network", net.describe() + ", ReLU teacher with " + TEACHER + " units, data seed " + seed);
        summary.put("eta", ETA);
        summary.put("2/eta", edge);
        summary.put("steps", tr.steps());
        summary.put("runEnding", tr.status().name().toLowerCase(Locale.ROOT));
        summary.put("lambdaMaxStart", sharp[0]);
        summary.put("lambdaMaxPeak", peak);
        summary.put("lambdaMaxPeakStep", peakStep);
        summary.put("lambdaMaxEnd", sharp[n - 1]);
        summary.put("firstStepWithin10PercentOf2OverEta", first < 0 ? "never" : (Object) first);
        summary.put("stepsWithin10PercentOf2OverEta", within);
        summary.put("longestStretchWithin10PercentOf2OverEta", longest);
        summary.put("lossStart", loss[0]);
        summary.put("lossEnd", loss[n - 1]);
        summary.put("lanczosMaxResidual", maxResidual);
        summary.put("finding", finding(sharp[0], peak, first, within, longest, n, edge));
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("lambda_max", sharp);
        series.put("loss", loss);
        return new Observation(id(), methodId(), series, summary);
    }

    /** One sentence on what the run showed, from the numbers alone. */
    static String finding(double start, double peak, int first, int within, int longest, int n, double edge) {
        String rise = String.format(
                Locale.ROOT, "lambda_max went from %.4g to a peak of %.4g (2/eta = %.4g)", start, peak, edge);
        if (first < 0) {
            return rise + "; it never came within 10% of 2/eta in " + (n - 1)
                    + " steps: this network does not show the edge of stability at this step size";
        }
        return rise
                + String.format(
                        Locale.ROOT,
                        "; first within 10%% of 2/eta at step %d, within 10%% for %d of the remaining %d iterates "
                                + "(longest stretch %d)",
                        first,
                        within,
                        n - first,
                        longest);
    }
}
