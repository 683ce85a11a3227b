package io.optcheck.theory.land;

import io.optcheck.problem.CriticalPoints;
import io.optcheck.problem.CubicCriticalPoint;
import io.optcheck.problem.FieldFormula;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.LandscapeProblems;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.prop.Source;
import io.optcheck.theory.Cases;
import io.optcheck.theory.Check;
import io.optcheck.theory.DeclaredTheorem;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Tolerance;
import java.util.List;
import java.util.Map;
import org.hipparchus.dfp.Dfp;

/**
 * land.critical-point-class. At a critical point x* (grad f(x*) = 0) of a twice differentiable f:
 * H positive definite makes x* a strict local minimum; a negative eigenvalue makes it a strict
 * saddle or maximum; H positive semidefinite and singular leaves the second-order test
 * inconclusive.
 *
 * <p>Quantitative form checked (Taylor's theorem with the Lagrange remainder, |D^3 f| &lt;= M3):
 * for unit u and r &gt; 0, f(x* + r u) - f(x*) &gt;= (lambda_min/2) r^2 - (M3/6) r^3, positive for
 * r &lt; 3 lambda_min / M3 (a strict minimum on that ball); along the unit eigenvector v of a
 * negative lambda_min, f(x* + r v) - f(x*) &lt;= (lambda_min/2) r^2 + (M3/6) r^3, negative for
 * r &lt; 3 |lambda_min| / M3. Both are equalities in one dimension with the cubic term against
 * the quadratic one. The classifier ({@link CriticalPoints}) must agree with the construction.
 * The breaking regime checks the second-order test as if it decided the PSD-singular case
 * ("H PSD =&gt; local minimum"); its finite witness is a decrease f(x* + r' u) &lt; f(x*) at all of
 * r' = r, r/10, r/100.
 */
public final class CriticalPointClass extends DeclaredTheorem<CriticalInstance> {

    /** The theorem as its spec declares it. */
    public CriticalPointClass() {
        super("land.critical-point-class");
    }

    /** The Hessian spectrum a regime draws at the critical point. */
    private enum Spectrum {
        /** Every eigenvalue positive. */
        POSITIVE,
        /** lambda_0 negative, each other eigenvalue negative with probability 1/2. */
        NEGATIVE_EIGENVALUE,
        /** lambda_0 = 0, each other eigenvalue 0 with probability 1/4 (the monkey saddle has H = 0). */
        SINGULAR
    }

    private static double magnitude(Source s) {
        return Gens.logDoubles(0.1, 10).draw(s);
    }

    @Override
    public Gen<CriticalInstance> instances(Regime r) {
        Spectrum spectrum = Cases.<Spectrum>on(r)
                .when("holds", () -> Spectrum.POSITIVE)
                .when("saddle", () -> Spectrum.NEGATIVE_EIGENVALUE)
                // drop: the holds generator with lambda_min set to 0
                .when(List.of("degenerate", "drop:hessian-positive-definite"), () -> Spectrum.SINGULAR)
                .get();
        Gen<CubicCriticalPoint> family = LandscapeProblems.cubicCriticalPoints((s, d) -> {
            double[] lambda = new double[d];
            for (int i = 0; i < d; i++) {
                lambda[i] = magnitude(s);
                if (spectrum == Spectrum.NEGATIVE_EIGENVALUE && i > 0 && s.drawBoolean(0.5)) {
                    lambda[i] = -lambda[i];
                }
            }
            if (spectrum == Spectrum.NEGATIVE_EIGENVALUE) {
                lambda[0] = -lambda[0];
            } else if (spectrum == Spectrum.SINGULAR) {
                lambda[0] = 0;
                // Further zeros (the monkey saddle has H = 0) on some instances.
                for (int i = 1; i < d; i++) {
                    if (s.drawBoolean(0.25)) {
                        lambda[i] = 0;
                    }
                }
            }
            return lambda;
        });
        return family.flatMap(f -> Gens.named("direction and radius", s -> {
            int d = f.dimension();
            double[] u;
            if (s.drawBoolean(0.5)) {
                // The eigenvector of lambda_min, with a random sign.
                u = f.eigenvector(argMin(f.lambda()));
                if (s.drawBoolean(0.5)) {
                    for (int i = 0; i < d; i++) {
                        u[i] = -u[i];
                    }
                }
            } else {
                u = new double[d];
                for (int i = 0; i < d; i++) {
                    u[i] = Problems.gaussian(s);
                }
                double n = Vectors.norm(u);
                if (n == 0) {
                    u[0] = 1;
                } else {
                    for (int i = 0; i < d; i++) {
                        u[i] /= n;
                    }
                }
            }
            double sv = Gens.doubles(0, 1)
                    .withSpecials(1.0)
                    .knob("r / certified radius")
                    .filter("s > 0", v -> v > 0)
                    .generate(s);
            return new CriticalInstance(f, u, sv);
        }));
    }

    static int argMin(double[] v) {
        int k = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[k]) {
                k = i;
            }
        }
        return k;
    }

    private static double[] scaled(double[] u, double r) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = r * u[i];
        }
        return x;
    }

    @Override
    public Evaluation evaluate(CriticalInstance in, Regime r) {
        CubicCriticalPoint f = in.f();
        int d = f.dimension();
        double[] lambda = f.lambda();
        double lmin = lambda[argMin(lambda)];
        double m3 = f.thirdDerivativeBound();
        double f0 = f.value(new double[d]);
        Evaluation.Builder b = new Evaluation.Builder();
        if (r.conclusion().equals("psd-local-min")) {
            double worst = Double.NEGATIVE_INFINITY;
            double scale = Math.abs(f0);
            for (double rr : new double[] {in.s(), in.s() / 10, in.s() / 100}) {
                double[] x = scaled(in.u(), rr);
                double df = f.value(x) - f0;
                worst = Math.max(worst, df);
                scale += Math.abs(f.value(x)) + Vectors.norm(f.gradient(x)) * rr;
            }
            double s0 = in.s();
            b.add(Check.atLeast(
                            "max over r' in {r, r/10, r/100} of f(r' u) - f(0)", 1, worst, 0, Tolerance.of(scale, d))
                    .withExact(AT_POINTS, () -> {
                        Dfp best = null;
                        for (double rr : new double[] {s0, s0 / 10, s0 / 100}) {
                            Dfp df = rise(f, scaled(in.u(), rr));
                            best = best == null || df.greaterThan(best) ? df : best;
                        }
                        return !best.negativeOrNull() || best.isZero();
                    }));
            return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
        }
        CriticalPoints.Kind expected = switch (r.conclusion()) {
            case "strict-local-min" -> CriticalPoints.Kind.STRICT_MIN;
            case "inconclusive" -> CriticalPoints.Kind.DEGENERATE;
            default -> lambda[argMax(lambda)] < 0 ? CriticalPoints.Kind.STRICT_MAX : CriticalPoints.Kind.STRICT_SADDLE;
        };
        // Wrong constant for the sensitivity test of the degenerate class: tau 1e-3 times too small.
        CriticalPoints.Classification cls = CriticalPoints.classify(
                f,
                new double[d],
                0,
                r.conclusion().equals("inconclusive") && tighten() != 0
                        ? CriticalPoints.C * tighten()
                        : CriticalPoints.C);
        if (b.add(Check.atMost(
                        "classifier disagrees with the construction (" + cls.kind() + " vs " + expected + ")",
                        1,
                        cls.kind() == expected ? 0 : 1,
                        0,
                        0))
                || r.conclusion().equals("inconclusive")) {
            return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
        }
        double lam = Math.abs(lmin);
        double radius = m3 > 0 ? 3 * lam / m3 : 1;
        double rr = in.s() * radius;
        double[] x = scaled(in.u(), rr);
        double df = f.value(x) - f0;
        double scale = Math.abs(f.value(x))
                + Math.abs(f0)
                + 0.5 * lam * rr * rr
                + m3 * rr * rr * rr / 6
                + Vectors.norm(f.gradient(x)) * rr;
        double tol = Tolerance.of(scale, d);
        if (r.conclusion().equals("strict-local-min")) {
            double bound = (0.5 * lmin * rr * rr - m3 * rr * rr * rr / 6);
            bound = bound > 0 ? bound * (1 + tighten()) : bound;
            double[] at = x;
            double eps = tighten();
            b.add(Check.atLeast("f(r u) - f(0)", 1, df, bound, tol)
                    .withExact(
                            AT_POINTS,
                            () -> HighPrecision.holds(false, rise(f, at), cubicBound(lmin, m3, rr, -1, eps))));
        } else {
            // u is the eigenvector of lambda_min in this regime's check.
            double[] v = f.eigenvector(argMin(lambda));
            if (Vectors.dot(v, in.u()) < 0) {
                for (int i = 0; i < d; i++) {
                    v[i] = -v[i];
                }
            }
            x = scaled(v, rr);
            df = f.value(x) - f0;
            double bound = 0.5 * lmin * rr * rr + m3 * rr * rr * rr / 6;
            bound = bound < 0 ? bound * (1 + tighten()) : bound;
            double[] at = x;
            double eps = tighten();
            b.add(Check.atMost("f(r v_min) - f(0)", 1, df, bound, tol)
                    .withExact(
                            AT_POINTS, () -> HighPrecision.holds(true, rise(f, at), cubicBound(lmin, m3, rr, 1, eps))));
        }
        return b.build(Evaluation.Ending.COMPLETED, null, -1, Map.of());
    }

    static int argMax(double[] v) {
        int k = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[k]) {
                k = i;
            }
        }
        return k;
    }

    /** How the rechecks evaluate, for the report. */
    static final String AT_POINTS =
            HighPrecision.DFP_DESCRIPTION + ", f at the checked points (the statement is about f there)";

    /** f(x) - f(0) in Dfp. */
    private static Dfp rise(CubicCriticalPoint f, double[] x) {
        FieldFormula ff = f.fieldFormula();
        return HighPrecision.value(ff, HighPrecision.dfp(x))
                .subtract(HighPrecision.value(ff, HighPrecision.dfp(new double[x.length])));
    }

    /**
     * lambda r^2/2 + sign M3 r^3/6 in Dfp, a negative bound (saddle, sign +1) or a positive one
     * (local min, sign -1) scaled by 1 + tighten as the double check does.
     */
    private static Dfp cubicBound(double lambda, double m3, double r, int sign, double tighten) {
        Dfp dr = HighPrecision.dfp(r);
        Dfp b = HighPrecision.dfp(lambda).multiply(dr).multiply(dr).multiply(0.5);
        Dfp c = HighPrecision.dfp(m3).multiply(dr).multiply(dr).multiply(dr).divide(6);
        b = sign > 0 ? b.add(c) : b.subtract(c);
        boolean scaled = sign > 0 ? b.negativeOrNull() && !b.isZero() : b.greaterThan(HighPrecision.DFP.getZero());
        return scaled ? b.multiply(HighPrecision.dfp(tighten).add(1)) : b;
    }

    @Override
    public List<String> labels(CriticalInstance in, Regime r) {
        return List.of("dimension " + in.f().dimension() + (in.f().diagonal() ? "" : ", rotated"));
    }
}
