package io.optcheck.theory.conf;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.PluggableOptimizer.Range;
import io.optcheck.method.MethodProviders;
import io.optcheck.problem.Problems;
import io.optcheck.prop.DoubleGen;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Generators of conformance instances, with hyperparameters from the declared ranges. */
final class ConfGens {

    private ConfGens() {}

    /** Kinds whose update is a linear combination of gradients and iterates with scalar coefficients. */
    static final Set<MethodKind> LINEAR = EnumSet.of(
            MethodKind.GD, MethodKind.HEAVY_BALL, MethodKind.NESTEROV, MethodKind.NESTEROV_CONSTANT, MethodKind.SGD);

    /** Kinds that normalize each gradient coordinate (or take its sign). */
    static final Set<MethodKind> NORMALIZED = EnumSet.complementOf(EnumSet.copyOf(LINEAR));

    /** optcheck's default range of a hyperparameter, used where the method declares none. */
    static Range defaultRange(String name) {
        return switch (name) {
            case "lr", "a" -> new Range(1e-4, 1);
            case "momentum" -> new Range(0, 0.9);
            case "b1" -> new Range(0, 0.99);
            case "b2" -> new Range(0, 0.9999);
            case "eps" -> new Range(0, 1e-2);
            case "wd" -> new Range(0, 0.1);
            case "rho" -> new Range(0, 0.99);
            case "b" -> new Range(1, 10);
            case "p" -> new Range(0, 1);
            default -> throw new IllegalArgumentException("no default range for hyperparameter '" + name + "'");
        };
    }

    static Range range(Map<String, Range> declared, String name) {
        Range r = declared.get(name);
        return r == null ? defaultRange(name) : r;
    }

    /** A generator over a range: log-uniform when it spans decades above 0, with both ends as edges. */
    static Gen<Double> over(String name, Range r) {
        if (r.min() == r.max()) {
            return Gens.just(r.min());
        }
        if (r.min() > 0 && r.max() / r.min() >= 100) {
            return Gens.logDoubles(r.min(), r.max()).withEdges(r.min(), r.max()).knob(name);
        }
        if (r.min() == 0 && name.equals("eps")) {
            // eps: exactly 0 or log-uniform in [1e-12, max]; 0 is a boundary value and always tried
            DoubleGen log = Gens.logDoubles(Math.min(1e-12, r.max()), r.max())
                    .withSpecials(0.0)
                    .knob(name);
            return log;
        }
        return Gens.doubles(r.min(), r.max()).withEdges(r.min(), r.max()).knob(name);
    }

    /** What a property needs besides the base instance. */
    record Options(
            boolean zeroWd,
            boolean zeroEps,
            boolean atMinimizer,
            boolean awayFromMinimizer,
            boolean translation,
            boolean rotation,
            boolean powerOfTwoScale,
            boolean checkpoint,
            boolean wideScales) {
        static Options plain() {
            return new Options(false, false, false, false, false, false, false, false, false);
        }
    }

    /** The learning-rate-like hyperparameter of a linear kind: lr, or a for SGD. */
    static String stepName(MethodKind kind) {
        return kind == MethodKind.SGD ? "a" : "lr";
    }

    static Gen<ConfInstance> instances(MethodKind kind, Map<String, Range> declared, Options o, int steps) {
        return Gens.named("conformance instances (" + kind.id() + ")", s -> draw(s, kind, declared, o, steps));
    }

    private static ConfInstance draw(Source s, MethodKind kind, Map<String, Range> declared, Options o, int steps) {
        int d = s.draw(Gens.integers(1, 6));
        Hyperparameters h = Hyperparameters.none();
        for (String name : kind.hyperparameters()) {
            double v;
            if (name.equals("wd") && o.zeroWd()) {
                v = 0;
            } else if (name.equals("eps") && o.zeroEps()) {
                v = 0;
            } else {
                v = s.draw(over(name, range(declared, name)));
            }
            h = h.with(name, v);
        }
        double top;
        if (LINEAR.contains(kind)) {
            // lr L = frac in (0, 1]: every linear kind is stable there on a convex quadratic
            double frac = s.draw(Gens.doubles(0, 1).withEdges(1.0).knob("lr L").filter("lr L > 0", v -> v > 0));
            top = frac / h.get(stepName(kind));
        } else {
            top = s.draw(
                    o.wideScales()
                            ? Gens.logDoubles(1e-100, 1e100)
                                    .withEdges(1e-100, 1e100)
                                    .knob("L")
                            : Gens.logDoubles(1e-3, 1e3).withEdges(1.0).knob("L"));
        }
        double[] lambda = new double[d];
        lambda[0] = top;
        for (int i = 1; i < d; i++) {
            lambda[i] = top * s.draw(Gens.logDoubles(1e-3, 1).withEdges(1.0));
        }
        double[][] basis = null;
        if (d >= 2 && s.drawBoolean(0.5)) {
            basis = Problems.orthogonal(s, d);
        }
        double[] xs = s.draw(Problems.points(d, 10));
        double[] x0;
        if (o.atMinimizer()) {
            x0 = xs.clone();
        } else if (o.awayFromMinimizer()) {
            // every coordinate at least 1 from x* = 0, so no gradient coordinate starts at exactly 0
            xs = new double[d];
            x0 = new double[d];
            for (int i = 0; i < d; i++) {
                x0[i] = (s.drawBoolean(0.5) ? -1 : 1)
                        * s.draw(Gens.doubles(1, 10).shrinkDigits(0));
            }
            basis = null;
        } else {
            x0 = s.draw(Problems.points(d, 10));
        }
        if (o.wideScales()) {
            double scale = Math.pow(
                    10,
                    Math.rint(s.draw(
                            Gens.doubles(-100, 100).withEdges(-100.0, 100.0).knob("log10 |x0|"))));
            for (int i = 0; i < d; i++) {
                x0[i] *= scale;
                xs[i] *= scale;
            }
        }
        double[] vec = null;
        if (o.translation()) {
            vec = s.draw(Problems.points(d, 100));
        } else if (o.powerOfTwoScale()) {
            // d_i = 2^k_i: scaling by a power of two commutes with IEEE rounding (see adapt.scale-invariance)
            vec = new double[d];
            for (int i = 0; i < d; i++) {
                vec[i] = Math.scalb(1.0, (int)
                        Math.round(s.draw(Gens.doubles(-10, 10).shrinkDigits(0).knob("log2 d"))));
            }
        }
        double[][] rot = o.rotation() ? Problems.orthogonal(s, d) : null;
        int k = o.checkpoint() ? s.draw(Gens.integers(1, steps - 1)) : 0;
        return new ConfInstance(lambda, basis, xs, x0, h, vec, rot, k);
    }

    /** Hyperparameters that the provider accepts for a non-applicability probe: defaults clamped to the ranges. */
    static Hyperparameters probe(MethodKind kind, Map<String, Range> declared) {
        Hyperparameters h = Hyperparameters.none();
        for (String name : kind.hyperparameters()) {
            Range r = range(declared, name);
            double v = MethodProviders.defaults(kind).get(name);
            h = h.with(name, Math.min(r.max(), Math.max(r.min(), v)));
        }
        return h;
    }
}
