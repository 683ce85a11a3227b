package io.optcheck.api;

import java.util.Arrays;
import java.util.List;

/**
 * What a method claims to be. The kind decides which theorems apply to it and which reference
 * implementation its steps are compared with; the hyperparameter names are those a theorem sets
 * when it builds an instance of the method (see {@link Hyperparameters}).
 *
 * <p>Update rules (t counts steps from 0, g = the oracle's gradient at the point named):
 * <ul>
 *   <li>{@link #GD}: x+ = x - lr g(x).</li>
 *   <li>{@link #HEAVY_BALL}: x+ = x - lr g(x) + momentum (x - x_prev) (Polyak 1964).</li>
 *   <li>{@link #NESTEROV}: Nesterov's method for convex f with the lambda momentum sequence
 *       (see {@code io.optcheck.method.NesterovAcceleratedGradient}), step lr.</li>
 *   <li>{@link #NESTEROV_CONSTANT}: y = x + momentum (x - x_prev), x+ = y - lr g(y)
 *       (see {@code io.optcheck.method.NesterovConstantMomentum}).</li>
 *   <li>{@link #SGD}: x+ = x - lr_t g_t with a stochastic gradient; lr_t = a/(t + b)^p, where a
 *       constant step is p = 0.</li>
 *   <li>{@link #ADAM}, {@link #ADAMW}, {@link #AMSGRAD}, {@link #ADAGRAD}, {@link #RMSPROP},
 *       {@link #SIGN_SGD}: see the reference classes of the same names; conventions (eps inside
 *       the square root, decoupled decay, ...) are declared, not hyperparameters.</li>
 *   <li>{@link #NADAM}, {@link #ADAMAX}, {@link #ADADELTA}, {@link #ADABELIEF}: see {@code io.optcheck.method.Nadam},
 *       {@code io.optcheck.method.AdaMax}, {@code io.optcheck.method.AdaDelta} (lr is the libraries' multiplier, 1 in Zeiler 2012) and
 *       {@code io.optcheck.method.AdaBelief}; their conventions are listed in {@code io.optcheck.method.MethodProviders}.</li>
 * </ul>
 */
public enum MethodKind {
    GD("gd", List.of("lr")),
    HEAVY_BALL("heavy-ball", List.of("lr", "momentum")),
    NESTEROV("nesterov", List.of("lr")),
    NESTEROV_CONSTANT("nesterov-constant", List.of("lr", "momentum")),
    SGD("sgd", List.of("a", "b", "p")),
    ADAM("adam", List.of("lr", "b1", "b2", "eps")),
    ADAMW("adamw", List.of("lr", "b1", "b2", "eps", "wd")),
    AMSGRAD("amsgrad", List.of("lr", "b1", "b2", "eps")),
    ADAGRAD("adagrad", List.of("lr", "eps")),
    RMSPROP("rmsprop", List.of("lr", "rho", "eps")),
    SIGN_SGD("signsgd", List.of("lr")),
    NADAM("nadam", List.of("lr", "b1", "b2", "eps")),
    ADAMAX("adamax", List.of("lr", "b1", "b2", "eps")),
    ADADELTA("adadelta", List.of("lr", "rho", "eps")),
    ADABELIEF("adabelief", List.of("lr", "b1", "b2", "eps"));

    private final String id;
    private final List<String> hyperparameters;

    MethodKind(String id, List<String> hyperparameters) {
        this.id = id;
        this.hyperparameters = hyperparameters;
    }

    /** The kebab-case id used in specs, reports and the command line. */
    public String id() {
        return id;
    }

    /** The names of the hyperparameters a theorem sets, in a fixed order. */
    public List<String> hyperparameters() {
        return hyperparameters;
    }

    /**
     * The kind with this id.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public static MethodKind byId(String id) {
        for (MethodKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown method kind '" + id + "'; known kinds: "
                + Arrays.stream(values()).map(MethodKind::id).toList());
    }
}
