package io.optcheck.theory.gd;

import io.optcheck.method.exact.ExactGd;
import io.optcheck.problem.CenteredHuberSum;
import io.optcheck.problem.HighPrecision;
import io.optcheck.problem.Interpolations;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.SmoothInterpolant;
import io.optcheck.problem.Vectors;
import io.optcheck.theory.Described;
import io.optcheck.theory.StepSize;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient descent with step eta = h/L on a certified objective (a quadratic or a Huber sum),
 * for the rate theorems. Everything the checker needs comes from the instance's certificate:
 * the true L, the curvature range [curvLow, L] of f (curvLow &lt; 0 for a non-convex f), the
 * minimizer nearest x0 and f*, and an exact model for rechecks.
 *
 * @param f the objective
 * @param lTrue L from the certificate (exact, or an upper bound)
 * @param curvLow a lower bound on the curvature of f (mu for strongly convex f, negative when f is
 *     not convex)
 * @param muBase the mu the holds family certifies (for a non-convex Huber sum, its q: the mu the
 *     function would have without its dip)
 * @param muScale the factor by which the mu given to the theorem exceeds muBase (1 unless mu is
 *     overstated); the claimed mu is min(muScale muBase, L)
 * @param x0 the start
 * @param xStar the minimizer nearest x0 (rounded to double)
 * @param fStar f* (rounded to double)
 * @param h eta = h / lTrue
 * @param rejection why the instance fails its family's assumptions on the realised function
 *     (interpolants only), or null
 */
public record RateInstance(
        Objective f,
        double lTrue,
        double curvLow,
        double muBase,
        double muScale,
        double[] x0,
        double[] xStar,
        double fStar,
        double h,
        String rejection)
        implements Described {

    /** A quadratic 1/2 x^T H x - b^T x with eigenvalues in [mu, L]. */
    static RateInstance of(Quadratic q, double[] x0, double h, double muScale) {
        double mu = q.certificate().mu().orElseThrow();
        return new RateInstance(
                q,
                q.certificate().L().orElseThrow(),
                mu,
                mu,
                muScale,
                x0,
                q.certificate().xStar().orElseThrow(),
                q.certificate().fStar().orElseThrow(),
                h,
                null);
    }

    /** A Huber sum; x* is the global minimizer nearest x0. */
    static RateInstance of(CenteredHuberSum f, double[] x0, double h, double muScale) {
        return new RateInstance(
                f,
                f.certificate().L().orElseThrow(),
                f.minCurvature(),
                f.q(),
                muScale,
                x0,
                f.nearestMinimizer(x0),
                f.certificate().fStar().orElseThrow(),
                h,
                null);
    }

    /**
     * An interpolant of GD-path data with a minimizer x* (the last data point, g* = 0): x0 is the
     * first point, f* = f(x*) on the realised function (convex, so a zero gradient is a global
     * minimum). Rejected when the data admit no interpolating values or the realised function
     * fails its sampled class check.
     */
    static RateInstance of(Interpolations.Draw draw, int d, double h, double muScale) {
        SmoothInterpolant f = draw.f();
        if (f == null) {
            return new RateInstance(
                    Quadratic.diagonal(new double[] {1}),
                    1,
                    1,
                    1,
                    muScale,
                    new double[1],
                    new double[1],
                    0,
                    h,
                    draw.rejection());
        }
        double[] xs = f.point(f.points() - 1);
        String why = Interpolations.verify(f);
        if (why == null && Vectors.dist(f.point(0), xs) == 0) {
            why = "x0 = x*: nothing to check";
        }
        return new RateInstance(f, f.l(), f.mu(), f.mu(), muScale, f.point(0), xs, f.value(xs), h, why);
    }

    /** eta = h / L. */
    double eta() {
        return StepSize.fractionOf(h, lTrue);
    }

    /** The mu given to the theorem: min(muScale muBase, L). */
    double muClaimed() {
        return Math.min(muScale * muBase, lTrue);
    }

    /** R = ||x0 - x*||. */
    double radius() {
        return Vectors.dist(x0, xStar);
    }

    int dimension() {
        return x0.length;
    }

    /** The Lipschitz constant of the GD map x -> x - eta grad f(x): max |1 - eta c| over c in [curvLow, L]. */
    double mapLipschitz() {
        double eta = eta();
        return Math.max(Math.abs(1 - eta * curvLow), Math.abs(1 - eta * lTrue));
    }

    /**
     * The sum of the magnitudes of the terms that make up f(x), the rounding scale of evaluating
     * it: |x|^T |H| |x| / 2 + |b^T x| for a quadratic, the sum of |terms| for a Huber sum.
     */
    double valueScale(double[] x) {
        if (f instanceof CenteredHuberSum hs) {
            return hs.valueScale(x);
        }
        if (f instanceof SmoothInterpolant si) {
            return si.valueScale(x);
        }
        Quadratic q = (Quadratic) f;
        double[][] hm = q.h();
        double[] b = q.b();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double row = 0;
            for (int j = 0; j < x.length; j++) {
                row += Math.abs(hm[i][j] * x[j]);
            }
            s += 0.5 * Math.abs(x[i]) * row + Math.abs(b[i] * x[i]);
        }
        return s;
    }

    /**
     * A bound on ||x* - x*_true||, the distance from the instance's x* to the realised function's
     * minimizer. 0 for quadratics and Huber sums (x* from the certificate). For an interpolant x* is
     * the data point with g* = 0, but the realised function interpolates the repaired values as
     * rounded to doubles, so its gradient there is not exactly 0 (quick seed 13: -5.5e-15 at
     * x* = -0.1 in 300 digits); by mu-strong convexity the true minimizer lies within
     * ||grad f(x*)|| / mu of it. NaN when mu is 0.
     */
    double minimizerError() {
        if (!(f instanceof SmoothInterpolant si)) {
            return 0;
        }
        BigDecimal[] g = si.exactGradient(HighPrecision.big(xStar), ExactGd.MC);
        double gg = 0;
        for (BigDecimal v : g) {
            gg += v.doubleValue() * v.doubleValue();
        }
        // Rounded up by a relative 2^-50: the bound must not be below the exact quotient.
        return Math.sqrt(gg) / curvLow * (1 + 0x1p-50);
    }

    /** The exact model of f for rechecks. */
    ExactGd.Model exact() {
        if (f instanceof CenteredHuberSum hs) {
            return new ExactGd.Model() {
                @Override
                public BigDecimal value(BigDecimal[] x) {
                    return hs.exactValue(x);
                }

                @Override
                public BigDecimal[] gradient(BigDecimal[] x) {
                    return hs.exactGradient(x);
                }

                @Override
                public BigDecimal[] xStar() {
                    return hs.exactNearestMinimizer(x0);
                }

                @Override
                public BigDecimal fStar() {
                    return hs.exactFStar();
                }
            };
        }
        if (f instanceof SmoothInterpolant si) {
            double[] xs = xStar;
            return new ExactGd.Model() {
                @Override
                public BigDecimal value(BigDecimal[] x) {
                    return si.exactValue(x, ExactGd.MC);
                }

                @Override
                public BigDecimal[] gradient(BigDecimal[] x) {
                    return si.exactGradient(x, ExactGd.MC);
                }

                @Override
                public BigDecimal[] xStar() {
                    return HighPrecision.big(xs);
                }

                @Override
                public BigDecimal fStar() {
                    return si.exactValue(HighPrecision.big(xs), ExactGd.MC);
                }
            };
        }
        return ExactGd.quadratic((Quadratic) f);
    }

    String family() {
        return f instanceof CenteredHuberSum
                ? "centered-huber-sum"
                : f instanceof SmoothInterpolant ? RateGens.INTERPOLATED : "quadratic";
    }

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family());
        m.put("dimension", dimension());
        m.put("objective", f.describe());
        if (f instanceof SmoothInterpolant si) {
            m.put("certificate", si.certificate().describe());
            m.put("sampled class ratio", si.sampledClassRatio(16));
            m.put("interpolation residual", si.interpolationResidual());
        }
        m.put("L", lTrue);
        m.put("smallest curvature", curvLow);
        if (muScale != 1 || f instanceof CenteredHuberSum hs && hs.minCurvature() < 0) {
            m.put("mu used by the theorem", muClaimed());
        }
        m.put("x0", Num.fmt(x0));
        m.put("x*", Num.fmt(xStar));
        m.put("f*", fStar);
        m.put("R", radius());
        m.put("eta", eta());
        m.put("eta L", h);
        return m;
    }
}
