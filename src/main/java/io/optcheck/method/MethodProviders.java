package io.optcheck.method;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * optcheck's own reference implementations as {@link MethodProvider}s, one per kind, and the
 * parsing of declared conventions.
 *
 * <p>Convention keys and values (anything else is an error that names the key and the choices):
 * <ul>
 *   <li>{@code eps}: {@code outside-sqrt} (default, Kingma &amp; Ba) or {@code inside-sqrt};</li>
 *   <li>{@code bias-correction}: {@code on} (default) or {@code off};</li>
 *   <li>{@code weight-decay} (AdamW): {@code decoupled} (default) or {@code coupled-l2};</li>
 *   <li>{@code decay-times-lr} (AdamW, decoupled): {@code yes} (default, PyTorch) or {@code no};</li>
 *   <li>{@code nesterov-form} (NESTEROV): {@code lambda} (default) or {@code simplified}.</li>
 *   <li>{@code eps} (ADAM) may also be {@code eps-hat}: Kingma &amp; Ba's reordered form
 *       ({@link AdamEpsHat});</li>
 *   <li>{@code nesterov-form} (NESTEROV_CONSTANT): {@code sutskever} (default) or {@code lookahead}
 *       ({@link NesterovLookahead}).</li>
 * </ul>
 */
public final class MethodProviders {

    private MethodProviders() {
    }

    /** The reference implementation of a kind, with default conventions. */
    public static MethodProvider reference(MethodKind kind) {
        return reference(kind, Map.of());
    }

    /**
     * The reference implementation of a kind under declared conventions.
     *
     * @throws IllegalArgumentException for an unknown convention key or value, or a kind without
     *     a reference implementation
     */
    public static MethodProvider reference(MethodKind kind, Map<String, String> conventions) {
        Map<String, String> conv = resolvedConventions(kind, conventions);
        return new MethodProvider() {
            @Override
            public String id() {
                return create(defaults(kind)).id();
            }

            @Override
            public MethodKind kind() {
                return kind;
            }

            @Override
            public Map<String, String> conventions() {
                return conv;
            }

            @Override
            public Method<?> create(Hyperparameters h) {
                return build(kind, h, conv);
            }

            @Override
            public String toString() {
                return "reference " + kind.id() + " " + conv;
            }
        };
    }

    /** Hyperparameters that every kind accepts, for ids and smoke tests. */
    public static Hyperparameters defaults(MethodKind kind) {
        Hyperparameters h = Hyperparameters.none();
        for (String name : kind.hyperparameters()) {
            h = h.with(name, switch (name) {
                case "lr", "a" -> 0.01;
                case "momentum" -> 0.5;
                case "b" -> 1.0;
                case "p" -> 0.0;
                case "b1" -> 0.9;
                case "b2" -> 0.999;
                case "eps" -> 1e-8;
                case "wd" -> 0.0;
                case "rho" -> 0.9;
                default -> throw new IllegalStateException("no default for " + name);
            });
        }
        return h;
    }

    /**
     * The conventions of a kind with defaults filled in, sorted by key.
     *
     * @throws IllegalArgumentException for a key the kind does not have or a value not allowed
     */
    public static Map<String, String> resolvedConventions(MethodKind kind, Map<String, String> declared) {
        Map<String, String[]> allowed = new LinkedHashMap<>();
        switch (kind) {
            case ADAM, AMSGRAD -> {
                allowed.put("eps", new String[] {"outside-sqrt", "inside-sqrt"});
                allowed.put("bias-correction", new String[] {"on", "off"});
            }
            case ADAMW -> {
                allowed.put("eps", new String[] {"outside-sqrt", "inside-sqrt"});
                allowed.put("bias-correction", new String[] {"on", "off"});
                allowed.put("weight-decay", new String[] {"decoupled", "coupled-l2"});
                allowed.put("decay-times-lr", new String[] {"yes", "no"});
            }
            case NESTEROV -> allowed.put("nesterov-form", new String[] {"lambda", "simplified"});
            default -> { }
        }
        // Additive: Kingma & Ba's reordered form (eps added to sqrt of the uncorrected v; TensorFlow,
        // Tribuo) for ADAM, and the lookahead form of constant-momentum Nesterov (PyTorch, Tribuo).
        if (kind == MethodKind.ADAM) {
            allowed.put("eps", new String[] {"outside-sqrt", "inside-sqrt", "eps-hat"});
        }
        if (kind == MethodKind.NESTEROV_CONSTANT) {
            allowed.put("nesterov-form", new String[] {"sutskever", "lookahead"});
        }
        Map<String, String> out = new TreeMap<>();
        allowed.forEach((k, v) -> out.put(k, v[0]));
        for (Map.Entry<String, String> e : declared.entrySet()) {
            String[] choices = allowed.get(e.getKey());
            if (choices == null) {
                throw new IllegalArgumentException("method kind " + kind.id() + " has no convention '"
                    + e.getKey() + "'; its conventions: " + allowed.keySet());
            }
            if (!java.util.Arrays.asList(choices).contains(e.getValue())) {
                throw new IllegalArgumentException("convention " + e.getKey() + " of kind " + kind.id()
                    + " must be one of " + java.util.Arrays.toString(choices) + ", got '" + e.getValue() + "'");
            }
            out.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Method<?> build(MethodKind kind, Hyperparameters h, Map<String, String> conv) {
        return switch (kind) {
            case GD -> new GradientDescent(h.get("lr"));
            case HEAVY_BALL -> new HeavyBall(h.get("lr"), h.get("momentum"));
            case NESTEROV -> new NesterovAcceleratedGradient(h.get("lr"),
                "simplified".equals(conv.get("nesterov-form"))
                    ? NesterovAcceleratedGradient.Form.SIMPLIFIED : NesterovAcceleratedGradient.Form.LAMBDA);
            case NESTEROV_CONSTANT -> "lookahead".equals(conv.get("nesterov-form"))
                ? new NesterovLookahead(h.get("lr"), h.get("momentum"))
                : new NesterovConstantMomentum(h.get("lr"), h.get("momentum"));
            case ADAM -> "eps-hat".equals(conv.get("eps"))
                ? new AdamEpsHat(h.get("lr"), h.get("b1"), h.get("b2"), h.get("eps"))
                : new Adam(h.get("lr"), adaptive(h, conv));
            case AMSGRAD -> new AmsGrad(h.get("lr"), adaptive(h, conv));
            case ADAMW -> "coupled-l2".equals(conv.get("weight-decay"))
                ? new Adam(h.get("lr"), adaptive(h, conv).withWeightDecay(h.get("wd"), false, false))
                : new AdamW(h.get("lr"), h.get("wd"), "yes".equals(conv.get("decay-times-lr")), adaptive(h, conv));
            case ADAGRAD -> new AdaGrad(h.get("lr"), h.get("eps"));
            case RMSPROP -> new RmsProp(h.get("lr"), h.get("rho"), h.get("eps"));
            case SIGN_SGD -> new SignSgd(h.get("lr"));
            case SGD -> new StochasticGradientDescent(h.get("a"), h.get("b"), h.get("p"));
        };
    }

    private static AdaptiveOptions adaptive(Hyperparameters h, Map<String, String> conv) {
        return AdaptiveOptions.defaults()
            .withBetas(h.get("b1"), h.get("b2"))
            .withEps(h.get("eps"), "inside-sqrt".equals(conv.get("eps")))
            .withBiasCorrection(!"off".equals(conv.get("bias-correction")));
    }
}
