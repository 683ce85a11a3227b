package io.optcheck.method.plugin;

import io.optcheck.api.LineSearch;
import io.optcheck.method.ArmijoBacktracking;
import io.optcheck.method.LineSearchState;
import io.optcheck.method.LineStepMethod;
import io.optcheck.method.MethodFailure;
import io.optcheck.method.MethodRefusal;
import io.optcheck.oracle.GradientOracle;
import io.optcheck.problem.Vectors;
import java.util.Objects;

/**
 * Steepest descent, x+ = x + a p with p = -grad f(x), where a is chosen by a user's
 * {@link LineSearch}. Immutable. The step is read from the search and checked: a step that is
 * not finite and &gt; 0, or an exception from the search, is a {@link MethodFailure} naming the
 * search and the step (an error result); a {@link MethodRefusal} thrown by the search passes
 * through (a refused result). A search still evaluating the ray when its try's time box
 * interrupts the thread is stopped at its next evaluation. At a point where every gradient component is below 2^-500 (g = 0
 * included) the method stays put without calling the search, as the built-in searches do.
 */
public final class LineSearchMethod extends LineStepMethod {

    private final LineSearch search;

    private LineSearchMethod(LineSearch search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    /**
     * Steepest descent with {@code search}.
     *
     * @throws IllegalArgumentException naming the class when its id, condition or constants are unusable
     */
    public static LineSearchMethod of(LineSearch search) {
        Objects.requireNonNull(search, "search");
        String name = search.getClass().getName();
        String id = search.id();
        if (id == null || id.isBlank() || id.indexOf('/') >= 0) {
            throw new IllegalArgumentException(name + ".id() must be a non-blank id without '/', got '" + id + "'");
        }
        if (search.condition() == null) {
            throw new IllegalArgumentException(name + ".condition() returned null; declare ARMIJO or STRONG_WOLFE");
        }
        double c1 = search.c1();
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException(name + ".c1() must be in (0, 1), got " + c1);
        }
        if (search.condition() == LineSearch.Condition.STRONG_WOLFE && !(search.c2() > c1 && search.c2() < 1)) {
            throw new IllegalArgumentException(name + ".c2() must be in (c1, 1) = (" + c1 + ", 1) for a strong Wolfe"
                    + " search, got " + search.c2());
        }
        double a0 = search.initialStep();
        double beta = search.shrinkFactor();
        if (Double.isNaN(a0) != Double.isNaN(beta)) {
            throw new IllegalArgumentException(name + " declares only one of initialStep() and shrinkFactor();"
                    + " a backtracking search declares both, any other search neither");
        }
        if (!Double.isNaN(a0) && !(a0 > 0 && Double.isFinite(a0) && beta > 0 && beta < 1)) {
            throw new IllegalArgumentException(name + ": initialStep() must be finite and > 0 and shrinkFactor() in"
                    + " (0, 1), got " + a0 + " and " + beta);
        }
        return new LineSearchMethod(search);
    }

    /** The search. */
    public LineSearch search() {
        return search;
    }

    @Override
    public String id() {
        return search.id();
    }

    @Override
    protected LineSearchState step(LineSearchState s, GradientOracle oracle, double[] x, double[] g) {
        int d = x.length;
        int k = s.t() + 1;
        if (ArmijoBacktracking.staysPut(g)) { // below 2^-500 no line search can measure a decrease
            return new LineSearchState(x, k, 0.0, 0);
        }
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = -g[i];
        }
        int[] calls = {0};
        LineSearch.Ray ray = new LineSearch.Ray() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double[] point() {
                return x.clone();
            }

            @Override
            public double[] direction() {
                return p.clone();
            }

            @Override
            public double value(double a) {
                calls[0]++;
                stopIfInterrupted(k);
                return oracle.value(Vectors.along(x, a, p));
            }

            @Override
            public double slope(double a) {
                calls[0]++;
                stopIfInterrupted(k);
                double[] gy = new double[d];
                oracle.gradient(Vectors.along(x, a, p), gy);
                double sl = 0;
                for (int i = 0; i < d; i++) {
                    sl += gy[i] * p[i];
                }
                return sl;
            }
        };
        double a;
        try {
            a = search.step(ray);
        } catch (MethodRefusal r) {
            throw r;
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                throw e;
            }
            throw failure(k, "step(ray) threw " + e);
        } catch (RuntimeException e) {
            throw failure(k, "step(ray) threw " + e.getClass().getName() + ": " + e.getMessage());
        }
        if (!(a > 0) || !Double.isFinite(a)) {
            throw failure(k, "step(ray) returned a = " + a + "; a line search returns a finite step a > 0");
        }
        return new LineSearchState(Vectors.along(x, a, p), k, a, calls[0]);
    }

    /**
     * The time box interrupts a try that overran its limit; a search that keeps evaluating the
     * ray (a loop that never shrinks) is stopped at its next call, so its thread ends.
     */
    private void stopIfInterrupted(int k) {
        if (Thread.currentThread().isInterrupted()) {
            throw failure(k, "interrupted while searching (the try's time limit expired): the search did not return");
        }
    }

    private MethodFailure failure(int k, String what) {
        return new MethodFailure("line search " + id() + ", step " + k + ": " + what);
    }

    @Override
    public String toString() {
        return "steepest descent with line search " + id() + " (" + search.condition() + ", c1 = " + search.c1()
                + (search.condition() == LineSearch.Condition.STRONG_WOLFE ? ", c2 = " + search.c2() : "") + ")";
    }
}
