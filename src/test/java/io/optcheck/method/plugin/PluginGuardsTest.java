package io.optcheck.method.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.PluggableOptimizer;
import io.optcheck.method.GradientDescent;
import io.optcheck.method.MethodRefusal;
import io.optcheck.method.Runner;
import io.optcheck.method.Trajectory;
import io.optcheck.oracle.ExactOracle;
import io.optcheck.problem.Quadratic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each guard of the plug-in adapter, with a deliberately bad plug-in. */
class PluginGuardsTest {

    private static final Quadratic Q = Quadratic.diagonal(new double[] {1, 4});
    private static final double[] X0 = {1, -2};

    private static Trajectory run(PluggableOptimizer p, int steps) {
        return run(PluginProvider.of(p), steps);
    }

    private static Trajectory run(PluginProvider p, int steps) {
        return Runner.run(p.create(Hyperparameters.of("lr", 0.1)), new ExactOracle(Q), X0, steps);
    }

    private static String error(Trajectory t) {
        assertThat(t.status()).isEqualTo(Trajectory.Status.ERROR);
        return ((Trajectory.Failed) t.ending()).message();
    }

    @Test
    void aWellBehavedPluginMatchesGradientDescentBitForBit() {
        Trajectory t = run(new SamplePlugins.Gd(), 20);
        assertThat(t.status()).isEqualTo(Trajectory.Status.COMPLETED);
        Trajectory ref = Runner.run(new GradientDescent(0.1), new ExactOracle(Q), X0, 20);
        assertThat(t.iterates()).isDeepEqualTo(ref.iterates());
    }

    @Test
    void anExceptionNamesMethodStepTypeAndMessage() {
        Trajectory t = run(
                SamplePlugins.gdWith("thrower", 3, (s, o, lr) -> {
                    throw new IllegalStateException("boom");
                }),
                10);
        String m = error(t);
        assertThat(m).contains("method thrower", "step 3", "java.lang.IllegalStateException", "boom", "Fix:");
        assertThat(t.steps()).isEqualTo(2);
    }

    @Test
    void aRefusalStaysARefusal() {
        Trajectory t = run(
                SamplePlugins.gdWith("refuser", 2, (s, o, lr) -> {
                    throw new MethodRefusal("no descent direction");
                }),
                10);
        assertThat(t.status()).isEqualTo(Trajectory.Status.REFUSED);
    }

    @Test
    void aNaNPositionIsAnError() {
        String m = error(run(SamplePlugins.gdWith("nan", 4, (s, o, lr) -> new double[][] {{Double.NaN, 0}, {4}}), 10));
        assertThat(m).contains("method nan", "step 4", PluginMethod.NON_FINITE, "x[0] = NaN");
    }

    @Test
    void anInfinitePositionIsAnError() {
        String m = error(run(
                SamplePlugins.gdWith("inf", 1, (s, o, lr) -> new double[][] {{0, Double.NEGATIVE_INFINITY}, {1}}), 10));
        assertThat(m).contains("method inf", "step 1", "x[1] = -Infinity");
    }

    @Test
    void aWrongLengthIsAnError() {
        String m = error(run(SamplePlugins.gdWith("short", 2, (s, o, lr) -> new double[][] {{0}, {2}}), 10));
        assertThat(m).contains("method short", "step 2", "length 1", "dimension is 2");
    }

    @Test
    void modifyingTheStateIsAnError() {
        String m = error(run(
                SamplePlugins.gdWith("in-place", 2, (s, o, lr) -> {
                    double[] g = o.gradient(s[0]);
                    for (int i = 0; i < g.length; i++) {
                        s[0][i] -= lr * g[i];
                    }
                    s[1][0] += 1;
                    return s;
                }),
                10));
        assertThat(m).contains("method in-place", "step 2", "modified the state");
    }

    @Test
    void modifyingX0InInitIsAnError() {
        String m = error(run(
                SamplePlugins.initWith(
                        "x0-writer",
                        x0 -> {
                            x0[1] = 7;
                            return x0.clone();
                        },
                        true),
                3));
        assertThat(m).contains("method x0-writer", "step 0", "modified the x0 array", "x0[1] was -2.0, became 7.0");
    }

    @Test
    void keepingX0IsAnError() {
        String m = error(run(SamplePlugins.initWith("x0-keeper", x0 -> x0, true), 3));
        assertThat(m).contains("method x0-keeper", "keeps a reference to the x0 array");
    }

    @Test
    void oracleArraysAreTheUsersToKeep() {
        // The plug-in scribbles on the gradient array it got: allowed, and GD still matches.
        Trajectory t = run(
                SamplePlugins.gdWith("scribbler", 1, (s, o, lr) -> {
                    double[] g = o.gradient(s[0]);
                    double[] n = new double[g.length];
                    for (int i = 0; i < n.length; i++) {
                        n[i] = s[0][i] - lr * g[i];
                    }
                    Arrays.fill(g, Double.NaN);
                    return new double[][] {n, {s[1][0] + 1}};
                }),
                5);
        assertThat(t.status()).isEqualTo(Trajectory.Status.COMPLETED);
    }

    @Test
    void aNaNFromTheObjectiveIsStillTheRunnersOwnError() {
        Quadratic q = Quadratic.diagonal(new double[] {1});
        Trajectory t = Runner.run(
                PluginProvider.of(new SamplePlugins.Gd()).create(Hyperparameters.of("lr", 1e308)),
                new ExactOracle(q),
                new double[] {1e308},
                5);
        assertThat(error(t)).contains("step");
    }
}
