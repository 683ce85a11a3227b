package io.optcheck.theory.gd;

import static io.optcheck.theory.Assumptions.ARMIJO_C_IN_0_1;
import static io.optcheck.theory.Assumptions.BACKTRACKING_BETA_IN_0_1;
import static io.optcheck.theory.Assumptions.BOUNDED_BELOW;
import static io.optcheck.theory.Assumptions.DESCENT_DIRECTION;
import static io.optcheck.theory.Assumptions.L_SMOOTH;
import static io.optcheck.theory.Assumptions.WOLFE_C1_LT_C2;

import io.optcheck.api.LineSearch;
import io.optcheck.method.plugin.LineSearchMethod;
import io.optcheck.problem.Problems;
import io.optcheck.problem.Quadratic;
import io.optcheck.problem.Vectors;
import io.optcheck.prop.Gen;
import io.optcheck.result.Expected;
import io.optcheck.theory.Check;
import io.optcheck.theory.Evaluation;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Theorem;
import io.optcheck.theory.TrajectoryCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The line-search theorems checked on a user's {@link LineSearch}, with the constants it
 * declares: steepest descent with the search runs {@value #STEPS} steps on the generated
 * quadratics (L-smooth, bounded below, every size and conditioning {@link Problems#quadratics()}
 * makes), and the checker reads every accepted step from the iterates and recomputes f and
 * grad f itself.
 * <ul>
 *   <li><b>gd.armijo</b> (conclusion {@code backtracking-bound}): the accepted step satisfies
 *       f(x+) &lt;= f(x) - c1 a ||g||^2; for a search that declares itself a backtracking search
 *       (alpha0, beta), also a &gt;= min(alpha0, 2 beta (1 - c1)/L) (Nocedal &amp; Wright sec. 3.1:
 *       every a &lt;= 2(1 - c1)/L is accepted, so backtracking never goes below beta times that).</li>
 *   <li><b>gd.wolfe</b> ({@code wolfe-step}), for a search claiming strong Wolfe: sufficient
 *       decrease with c1 and |grad f(x+)^T p| &lt;= c2 |grad f(x)^T p|.</li>
 *   <li><b>gd.zoutendijk</b> ({@code zoutendijk-sum}), for a strong Wolfe search: sum_{s&lt;t}
 *       cos^2(theta_s) ||grad f(x_s)||^2 &lt;= L (f(x0) - f_low)/(c1 (1 - c2)) at every t
 *       (Nocedal &amp; Wright Thm 3.2, finite form).</li>
 * </ul>
 * Termination is part of every regime: a search that does not return is stopped by the per-try
 * time box (an error result), and a step that is not finite and positive is an error naming it
 * ({@link LineSearchMethod}).
 */
public final class PluginLineSearch implements OnQuadratics<PluginLineSearch.Instance> {

    static final int STEPS = 30;

    /** Which theorem. */
    public enum Which {
        ARMIJO("gd.armijo", "backtracking-bound"),
        WOLFE("gd.wolfe", "wolfe-step"),
        ZOUTENDIJK("gd.zoutendijk", "zoutendijk-sum");

        final String id;
        final String conclusion;

        Which(String id, String conclusion) {
            this.id = id;
            this.conclusion = conclusion;
        }
    }

    /** A quadratic and a start x0 != x*. */
    public record Instance(Quadratic q, double[] x0) {
        double l() {
            return q.certificate().L().orElseThrow();
        }
    }

    private final Which which;
    private final LineSearchMethod method;
    private final double tighten;
    private final Regime regime;

    private PluginLineSearch(Which which, LineSearchMethod method, double tighten) {
        this.which = which;
        this.method = method;
        this.tighten = tighten;
        List<String> a = new ArrayList<>(List.of(L_SMOOTH, BOUNDED_BELOW, ARMIJO_C_IN_0_1, DESCENT_DIRECTION));
        if (backtracking()) {
            a.add(BACKTRACKING_BETA_IN_0_1);
        }
        if (method.search().condition() == LineSearch.Condition.STRONG_WOLFE) {
            a.add(WOLFE_C1_LT_C2);
        }
        this.regime = new Regime(
                "holds",
                which.conclusion,
                Expected.HOLDS,
                a,
                null,
                switch (which) {
                    case ARMIJO ->
                        "the accepted step satisfies Armijo with the declared c1"
                                + (backtracking() ? ", and a >= min(alpha0, 2 beta (1 - c1)/L)" : "");
                    case WOLFE -> "the accepted step satisfies strong Wolfe with the declared c1, c2";
                    case ZOUTENDIJK ->
                        "sum cos^2 ||g||^2 <= L (f(x0) - f_low)/(c1 (1 - c2)) at every t, declared c1, c2";
                },
                null);
    }

    /**
     * The three line-search theorems for {@code search}, sorted by id (gd.wolfe and gd.zoutendijk
     * report not_applicable for a search that claims Armijo only).
     *
     * @throws IllegalArgumentException naming the class when its declaration is unusable
     */
    public static List<Theorem<?>> all(LineSearch search) {
        LineSearchMethod m = LineSearchMethod.of(search);
        return List.of(
                new PluginLineSearch(Which.ARMIJO, m, 0),
                new PluginLineSearch(Which.WOLFE, m, 0),
                new PluginLineSearch(Which.ZOUTENDIJK, m, 0));
    }

    private boolean backtracking() {
        return !Double.isNaN(method.search().initialStep());
    }

    @Override
    public String id() {
        return which.id;
    }

    @Override
    public String methodId() {
        return method.id();
    }

    @Override
    public List<String> assumptions() {
        return regime.assumptions();
    }

    @Override
    public List<Regime> regimes() {
        return List.of(regime);
    }

    @Override
    public Optional<String> notApplicable(Regime r) {
        if (which != Which.ARMIJO && method.search().condition() != LineSearch.Condition.STRONG_WOLFE) {
            return Optional.of(method.id() + " claims " + method.search().condition() + " only; " + which.id
                    + " is about strong Wolfe steps");
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> conventions() {
        Map<String, String> m = new LinkedHashMap<>();
        LineSearch s = method.search();
        m.put("condition", s.condition().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("c1", Double.toString(s.c1()));
        if (s.condition() == LineSearch.Condition.STRONG_WOLFE) {
            m.put("c2", Double.toString(s.c2()));
        }
        if (backtracking()) {
            m.put("alpha0", Double.toString(s.initialStep()));
            m.put("beta", Double.toString(s.shrinkFactor()));
        }
        return m;
    }

    @Override
    public Gen<Instance> instances(Regime r) {
        return Problems.quadratics()
                .flatMap(q -> Problems.points(q.dimension(), 10)
                        .filter("x0 != x*", x -> !LineSearchChecks.zero(x))
                        .map(x -> new Instance(q, x)));
    }

    @Override
    public Evaluation evaluate(Instance in, Regime r) {
        Quadratic q = in.q();
        int d = q.dimension();
        double l = in.l();
        LineSearch s = method.search();
        double c1 = s.c1();
        double fLow = q.certificate().fLow().orElseThrow();
        double f0 = q.value(in.x0());
        double zBound = which == Which.ZOUTENDIJK ? l * (f0 - fLow) / (c1 * (1 - s.c2())) * (1 - tighten) : 0;
        double[] sum = {0};
        return TrajectoryCheck.run(method, q, in.x0(), STEPS, (t, prev, cur, series) -> {
            double[] g = q.gradient(prev);
            double gn = Vectors.norm(g);
            if (gn < Wolfe.FLOOR) {
                return LineSearchChecks.stationary(t);
            }
            double[] delta = Vectors.minus(cur, prev);
            switch (which) {
                case WOLFE -> {
                    return LineSearchChecks.strongWolfe(q, l, prev, cur, c1, s.c2(), tighten, t);
                }
                case ZOUTENDIJK -> {
                    double dn = Vectors.norm(delta);
                    if (dn > 0) {
                        double cos = -Vectors.dot(g, delta) / (gn * dn);
                        sum[0] += cos * cos * gn * gn;
                    }
                    series.point("sum cos^2 ||g||^2", sum[0]);
                    series.point("bound", zBound);
                    double scale = (t + 1) * sum[0] + zBound + l / (c1 * (1 - s.c2())) * q.valueScale(in.x0());
                    return Check.atMost(
                            "sum_{s<t} cos^2(theta_s) ||grad f(x_s)||^2",
                            t,
                            sum[0],
                            zBound,
                            LineSearchChecks.tol(scale, d));
                }
                default -> {
                    double slope = -Vectors.dot(g, delta); // a ||g||^2
                    Check arm = Armijo.armijo(q, prev, cur, slope, c1, tighten, t, "accepted step", series);
                    Check step = null;
                    if (backtracking()) {
                        double aObs = slope / (gn * gn);
                        double lower = Math.min(s.initialStep(), 2 * s.shrinkFactor() * (1 - c1) / l) * (1 + tighten);
                        step = Check.atLeast(
                                "accepted step a (read from the iterates) vs min(alpha0, 2 beta (1-c1)/L)",
                                t,
                                aObs,
                                lower,
                                LineSearchChecks.tol(aObs + lower + (Vectors.norm(prev) + Vectors.norm(cur)) / gn, d));
                    }
                    return LineSearchChecks.worstOf(arm, step);
                }
            }
        });
    }

    @Override
    public PluginLineSearch withTightenedBounds(double eps) {
        return new PluginLineSearch(which, method, eps);
    }

    @Override
    public Map<String, Object> describe(Instance in) {
        Map<String, Object> m = LineSearchChecks.describe(in.q(), in.l(), in.x0());
        m.putAll(conventions());
        return m;
    }

    @Override
    public Quadratic quadratic(Instance in) {
        return in.q();
    }

    @Override
    public String toString() {
        return which.id + " on " + method;
    }
}
