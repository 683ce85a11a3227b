package io.optcheck.theory.gd;

import io.optcheck.problem.Certificate;
import io.optcheck.problem.Exactness;
import io.optcheck.problem.MomentumProblems;
import io.optcheck.problem.Num;
import io.optcheck.problem.Objective;
import io.optcheck.problem.Problem;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.prop.Gen;
import io.optcheck.prop.Gens;
import io.optcheck.theory.Described;
import io.optcheck.theory.Tolerance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A momentum-method instance: a problem with its certificate, a start, the step as a fraction
 * h of 1/L (a = h/L), and the mu the method and the bound are given (the certificate's mu in
 * every regime but the one where it is overstated; NaN where no mu is used).
 */
public record MomentumInstance(Problem problem, double[] x0, double h, double muUsed) implements Described {

    /**
     * The strongly convex problems of the momentum rate theorems: quadratics (3 in 4) and
     * Lessard's function (1 in 4).
     */
    @SuppressWarnings("unchecked")
    static Gen<Problem> stronglyConvexProblems() {
        return Gens.frequency(
                Gens.weight(3, MomentumProblems.problems(Problems.quadratics())),
                Gens.weight(1, MomentumProblems.lessard()));
    }

    public Objective f() {
        return problem.objective();
    }

    public Certificate certificate() {
        return problem.certificate();
    }

    public int dimension() {
        return x0.length;
    }

    /** The true L (certificate). */
    public double l() {
        return certificate().L().orElseThrow();
    }

    /**
     * How far the eigenvalues of the objective as stored may lie outside the certificate's
     * [mu, L]: 0 when L is EXACT (a diagonal H, whose stored doubles are its eigenvalues); for a
     * ROUNDED certificate (a rotated H = Q diag(lambda) Q^T rounded entrywise) d C d 2^-52 L, which
     * bounds the 2-norm of the entrywise rounding (each entry off by at most C d 2^-52 L) and of
     * Q's departure from orthogonality. A bound that is an equality at the edge of the spectrum
     * (heavy ball's Jordan block at lambda = mu or L) moves by the square root of such an excess: a
     * stored eigenvalue 5e-30 above L broke the heavy-ball bound by a ratio of 1 + 8e-13. Theorems
     * that tune on [mu, L] tune on the enclosure [mu - margin, L + margin], which contains the
     * stored spectrum, so the instance satisfies the assumption it is run under.
     */
    public double spectralMargin() {
        boolean exact = certificate()
                .entry(Certificate.Constant.L)
                .map(k -> k.exactness() == Exactness.EXACT)
                .orElse(false);
        int d = Math.max(1, dimension());
        return exact ? 0 : d * Tolerance.of(l(), d);
    }

    /** The true mu (certificate); 0 when not strongly convex. */
    public double trueMu() {
        return certificate().mu().orElse(0);
    }

    public double fStar() {
        return certificate().fStar().orElseThrow();
    }

    /**
     * The minimizer nearest to x0. For a diagonal quadratic with b = 0 and zero eigenvalues (the
     * singular family) the minimizers are {x : x_i = 0 where lambda_i > 0}, so the nearest keeps
     * x0's null-space coordinates exactly. Otherwise the certificate's x* (unique when mu > 0; for
     * rotated singular quadratics one minimizer, which makes R larger and the bound weaker,
     * never wrong).
     */
    public double[] nearestMinimizer() {
        double[] xs = certificate().xStar().orElseThrow();
        if (f() instanceof Quadratic q && q.isDiagonal() && trueMu() == 0) {
            double[] lam = q.eigenvalues();
            double[] b = q.b();
            double[] out = xs.clone();
            boolean bZero = true;
            for (double v : b) {
                bZero &= v == 0;
            }
            if (bZero) {
                for (int i = 0; i < lam.length; i++) {
                    out[i] = lam[i] == 0 ? x0[i] : 0;
                }
                return out;
            }
        }
        return xs;
    }

    /** Fields for a counterexample. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", problem.family());
        m.put("dimension", dimension());
        m.put("objective", f().describe());
        if (f() instanceof Quadratic q) {
            m.put("eigenvalues", Num.fmt(q.eigenvalues()));
        }
        m.put("L", l());
        m.put("mu", trueMu());
        m.put("x0", Num.fmt(x0));
        if (!Double.isNaN(h)) {
            m.put("step L", h);
        }
        if (!Double.isNaN(muUsed) && muUsed != trueMu()) {
            m.put("mu used by the method", muUsed);
            m.put("mu used / mu", trueMu() == 0 ? Double.POSITIVE_INFINITY : muUsed / trueMu());
        }
        return m;
    }
}
