package io.optcheck.method;

import io.optcheck.api.Hyperparameters;
import io.optcheck.api.MethodKind;
import io.optcheck.api.Precision;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
 *   <li>{@code nesterov-form} (NESTEROV) may also be {@code simplified-t-from-1}: momentum
 *       (k - 1)/(k + 2) in step k = 1, 2, ... (1/4 in step 2, where {@code simplified} has 0);</li>
 *   <li>{@code initial-accumulator} (ADAGRAD): the accumulator's initial value v_0, {@code 0}
 *       (default, Duchi et al., PyTorch), {@code eps} (v_0 = the hyperparameter eps) or a
 *       non-negative decimal number such as {@code 0.1} (TensorFlow and Keras);</li>
 *   <li>{@code max-over} (AMSGRAD): {@code raw} (default: vhat = max(vhat, v), divided by
 *       1 - b2^t afterwards, PyTorch) or {@code corrected} (vhat = max(vhat, v / (1 - b2^t)));</li>
 *   <li>{@code eps} (AMSGRAD) may also be {@code eps-hat}: the reordered form with the maximum over
 *       the raw v, lr_t = lr sqrt(1 - b2^t) / (1 - b1^t) and eps added to sqrt(vhat) (ND4J;
 *       {@link AdamEpsHat#amsGrad}); it needs {@code max-over = raw};</li>
 *   <li>{@code initial-accumulator} (RMSPROP): v_0 as for ADAGRAD, {@code 0} (default, Tieleman
 *       &amp; Hinton, PyTorch), {@code eps} (ND4J) or a number (TensorFlow 1's RMSPropOptimizer: 1);</li>
 *   <li>NADAM: {@code eps}, {@code bias-correction} as for Adam, and {@code momentum-correction}
 *       {@code next-power} (default, Dozat 2016) or {@code same-power} (Ruder 2016);</li>
 *   <li>ADAMAX: {@code eps} {@code outside-max} (default, u + eps) or {@code inside-max}
 *       (max(b2 u, |g| + eps), PyTorch), {@code bias-correction};</li>
 *   <li>ADADELTA: {@code eps} {@code inside-sqrt} (default, Zeiler) or {@code outside-sqrt};</li>
 *   <li>ADABELIEF: {@code eps} {@code recursion-and-outside} (default, Algorithm 2) or
 *       {@code outside-sqrt} (Algorithm 1), {@code bias-correction}.</li>
 * </ul>
 * A convention selects the reference implementation; it never changes a tolerance.
 */
public final class MethodProviders {

    private MethodProviders() {}

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
        return reference(kind, conventions, Precision.FLOAT64);
    }

    /** The kinds whose reference implementation can compute in float32 and bfloat16. */
    public static final Set<MethodKind> LOW_PRECISION_KINDS = Set.of(MethodKind.GD, MethodKind.ADAM, MethodKind.ADAMW);

    /**
     * The reference implementation of a kind computing in {@code precision}.
     *
     * @throws IllegalArgumentException as {@link #reference(MethodKind, Map)}, and for a format
     *     other than float64 on a kind outside {@link #LOW_PRECISION_KINDS}
     */
    public static MethodProvider reference(MethodKind kind, Map<String, String> conventions, Precision precision) {
        Map<String, String> conv = resolvedConventions(kind, conventions);
        if (precision != Precision.FLOAT64 && !LOW_PRECISION_KINDS.contains(kind)) {
            throw new IllegalArgumentException("the built-in " + kind.id() + " computes in float64 only; "
                    + precision.id() + " is available for "
                    + LOW_PRECISION_KINDS.stream().map(MethodKind::id).sorted().toList());
        }
        return new MethodProvider() {
            @Override
            public Precision precision() {
                return precision;
            }

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
                return precision == Precision.FLOAT64 ? build(kind, h, conv) : buildIn(kind, h, conv, precision);
            }

            @Override
            public String toString() {
                return "reference " + kind.id() + " " + conv
                        + (precision == Precision.FLOAT64 ? "" : " in " + precision.id());
            }
        };
    }

    /** Hyperparameters that every kind accepts, for ids and smoke tests. */
    public static Hyperparameters defaults(MethodKind kind) {
        Hyperparameters h = Hyperparameters.none();
        for (String name : kind.hyperparameters()) {
            h = h.with(
                    name,
                    switch (name) {
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
            default -> {}
        }
        // Additive: Kingma & Ba's reordered form (eps added to sqrt of the uncorrected v; TensorFlow,
        // Tribuo) for ADAM, and the lookahead form of constant-momentum Nesterov (PyTorch, Tribuo).
        if (kind == MethodKind.ADAM || kind == MethodKind.AMSGRAD) {
            allowed.put("eps", new String[] {"outside-sqrt", "inside-sqrt", "eps-hat"});
        }
        if (kind == MethodKind.NESTEROV_CONSTANT) {
            allowed.put("nesterov-form", new String[] {"sutskever", "lookahead"});
        }
        switch (kind) {
            case NESTEROV -> allowed.put("nesterov-form", new String[] {"lambda", "simplified", "simplified-t-from-1"});
            case ADAGRAD, RMSPROP -> allowed.put("initial-accumulator", new String[] {"0", "eps", NUMBER});
            case AMSGRAD -> allowed.put("max-over", new String[] {"raw", "corrected"});
            case NADAM -> {
                allowed.put("eps", new String[] {"outside-sqrt", "inside-sqrt"});
                allowed.put("bias-correction", new String[] {"on", "off"});
                allowed.put("momentum-correction", new String[] {"next-power", "same-power"});
            }
            case ADAMAX -> {
                allowed.put("eps", new String[] {"outside-max", "inside-max"});
                allowed.put("bias-correction", new String[] {"on", "off"});
            }
            case ADADELTA -> allowed.put("eps", new String[] {"inside-sqrt", "outside-sqrt"});
            case ADABELIEF -> {
                allowed.put("eps", new String[] {"recursion-and-outside", "outside-sqrt"});
                allowed.put("bias-correction", new String[] {"on", "off"});
            }
            default -> {}
        }
        Map<String, String> out = new TreeMap<>();
        allowed.forEach((k, v) -> out.put(k, v[0]));
        for (Map.Entry<String, String> e : declared.entrySet()) {
            String[] choices = allowed.get(e.getKey());
            if (choices == null) {
                throw new IllegalArgumentException("method kind " + kind.id() + " has no convention '" + e.getKey()
                        + "'; its conventions: " + allowed.keySet());
            }
            if (!Arrays.asList(choices).contains(e.getValue())
                    && !(Arrays.asList(choices).contains(NUMBER) && nonNegativeNumber(e.getValue()))) {
                throw new IllegalArgumentException("convention " + e.getKey() + " of kind " + kind.id()
                        + " must be one of " + Arrays.toString(choices) + ", got '" + e.getValue() + "'");
            }
            out.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The choice that stands for a non-negative decimal number. */
    private static final String NUMBER = "<a number >= 0>";

    private static boolean nonNegativeNumber(String s) {
        try {
            double v = Double.parseDouble(s);
            return v >= 0 && Double.isFinite(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** AdaGrad's and RMSProp's v_0 under the initial-accumulator convention. */
    private static double initialAccumulator(Hyperparameters h, Map<String, String> conv) {
        String v = conv.getOrDefault("initial-accumulator", "0");
        return v.equals("eps") ? h.get("eps") : Double.parseDouble(v);
    }

    /** The reference of a {@link #LOW_PRECISION_KINDS} kind computing in {@code p}. */
    private static Method<?> buildIn(MethodKind kind, Hyperparameters h, Map<String, String> conv, Precision p) {
        if ("eps-hat".equals(conv.get("eps"))) {
            throw new IllegalArgumentException("the eps-hat form computes in float64 only");
        }
        return switch (kind) {
            case GD -> new GradientDescent(h.get("lr"), p);
            case ADAM -> new Adam(h.get("lr"), adaptive(h, conv).withPrecision(p));
            case ADAMW ->
                "coupled-l2".equals(conv.get("weight-decay"))
                        ? new Adam(
                                h.get("lr"),
                                adaptive(h, conv).withPrecision(p).withWeightDecay(h.get("wd"), false, false))
                        : new AdamW(
                                h.get("lr"),
                                h.get("wd"),
                                "yes".equals(conv.get("decay-times-lr")),
                                adaptive(h, conv).withPrecision(p));
            default -> throw new IllegalArgumentException("the built-in " + kind.id() + " computes in float64 only");
        };
    }

    private static Method<?> build(MethodKind kind, Hyperparameters h, Map<String, String> conv) {
        return switch (kind) {
            case GD -> new GradientDescent(h.get("lr"));
            case HEAVY_BALL -> new HeavyBall(h.get("lr"), h.get("momentum"));
            case NESTEROV ->
                new NesterovAcceleratedGradient(
                        h.get("lr"),
                        switch (conv.get("nesterov-form")) {
                            case "simplified" -> NesterovAcceleratedGradient.Form.SIMPLIFIED;
                            case "simplified-t-from-1" -> NesterovAcceleratedGradient.Form.SIMPLIFIED_T_FROM_1;
                            default -> NesterovAcceleratedGradient.Form.LAMBDA;
                        });
            case NESTEROV_CONSTANT ->
                "lookahead".equals(conv.get("nesterov-form"))
                        ? new NesterovLookahead(h.get("lr"), h.get("momentum"))
                        : new NesterovConstantMomentum(h.get("lr"), h.get("momentum"));
            case ADAM ->
                "eps-hat".equals(conv.get("eps"))
                        ? new AdamEpsHat(h.get("lr"), h.get("b1"), h.get("b2"), h.get("eps"))
                        : new Adam(h.get("lr"), adaptive(h, conv));
            case AMSGRAD ->
                "eps-hat".equals(conv.get("eps"))
                        ? AdamEpsHat.amsGrad(
                                h.get("lr"),
                                h.get("b1"),
                                h.get("b2"),
                                h.get("eps"),
                                "corrected".equals(conv.get("max-over")))
                        : new AmsGrad(h.get("lr"), adaptive(h, conv), "corrected".equals(conv.get("max-over")));
            case ADAMW ->
                "coupled-l2".equals(conv.get("weight-decay"))
                        ? new Adam(h.get("lr"), adaptive(h, conv).withWeightDecay(h.get("wd"), false, false))
                        : new AdamW(
                                h.get("lr"), h.get("wd"), "yes".equals(conv.get("decay-times-lr")), adaptive(h, conv));
            case ADAGRAD -> new AdaGrad(h.get("lr"), h.get("eps"), initialAccumulator(h, conv));
            case RMSPROP -> new RmsProp(h.get("lr"), h.get("rho"), h.get("eps"), initialAccumulator(h, conv));
            case SIGN_SGD -> new SignSgd(h.get("lr"));
            case SGD -> new StochasticGradientDescent(h.get("a"), h.get("b"), h.get("p"));
            case NADAM ->
                new Nadam(h.get("lr"), adaptive(h, conv), "same-power".equals(conv.get("momentum-correction")));
            case ADAMAX ->
                new AdaMax(
                        h.get("lr"),
                        h.get("b1"),
                        h.get("b2"),
                        h.get("eps"),
                        "inside-max".equals(conv.get("eps")),
                        !"off".equals(conv.get("bias-correction")));
            case ADADELTA ->
                new AdaDelta(h.get("lr"), h.get("rho"), h.get("eps"), !"outside-sqrt".equals(conv.get("eps")));
            case ADABELIEF ->
                new AdaBelief(
                        h.get("lr"),
                        AdaptiveOptions.defaults()
                                .withBetas(h.get("b1"), h.get("b2"))
                                .withEps(h.get("eps"), false)
                                .withBiasCorrection(!"off".equals(conv.get("bias-correction"))),
                        !"outside-sqrt".equals(conv.get("eps")));
        };
    }

    private static AdaptiveOptions adaptive(Hyperparameters h, Map<String, String> conv) {
        return AdaptiveOptions.defaults()
                .withBetas(h.get("b1"), h.get("b2"))
                .withEps(h.get("eps"), "inside-sqrt".equals(conv.get("eps")))
                .withBiasCorrection(!"off".equals(conv.get("bias-correction")));
    }
}
