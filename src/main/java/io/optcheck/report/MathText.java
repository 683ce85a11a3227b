package io.optcheck.report;

import java.util.Map;
import java.util.Set;

/**
 * Renders the LaTeX of our specs as HTML that reads without a math library: Greek letters and
 * relations become Unicode ({@code \le} to ≤, {@code \eta} to η, {@code \|x\|} to ‖x‖,
 * {@code \nabla} to ∇), {@code _} and {@code ^} become {@code <sub>}/{@code <sup>},
 * {@code \frac{a}{b}} becomes a/b (with parentheses around a numerator or denominator of more than
 * one symbol), {@code \sqrt{x}} becomes √(x), {@code \text{...}} its text, sizing commands
 * ({@code \left}, {@code \bigl}, ...) disappear, spacing commands become spaces and accents
 * ({@code \hat}, {@code \tilde}, {@code \bar}) become combining characters.
 *
 * <p>It covers the common LaTeX of the specs, not LaTeX: an unknown command is kept as written
 * (backslash and name), so nothing is silently dropped. Every character of the input reaches the
 * output only through {@link Html#text}; the only markup added is {@code <sub>}, {@code <sup>} and
 * {@code <span class="math">}, so hostile spec text stays text.
 */
public final class MathText {
    private MathText() {}

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("le", "≤"),
            Map.entry("leq", "≤"),
            Map.entry("ge", "≥"),
            Map.entry("geq", "≥"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("ne", "≠"),
            Map.entry("neq", "≠"),
            Map.entry("approx", "≈"),
            Map.entry("sim", "∼"),
            Map.entry("equiv", "≡"),
            Map.entry("iff", "⟺"),
            Map.entry("implies", "⟹"),
            Map.entry("to", "→"),
            Map.entry("rightarrow", "→"),
            Map.entry("leftarrow", "←"),
            Map.entry("Rightarrow", "⇒"),
            Map.entry("Leftarrow", "⇐"),
            Map.entry("Leftrightarrow", "⇔"),
            Map.entry("succ", "≻"),
            Map.entry("succeq", "⪰"),
            Map.entry("prec", "≺"),
            Map.entry("preceq", "⪯"),
            Map.entry("in", "∈"),
            Map.entry("notin", "∉"),
            Map.entry("subset", "⊂"),
            Map.entry("forall", "∀"),
            Map.entry("exists", "∃"),
            Map.entry("cdot", "·"),
            Map.entry("times", "×"),
            Map.entry("pm", "±"),
            Map.entry("mp", "∓"),
            Map.entry("infty", "∞"),
            Map.entry("nabla", "∇"),
            Map.entry("partial", "∂"),
            Map.entry("sum", "Σ"),
            Map.entry("prod", "Π"),
            Map.entry("langle", "⟨"),
            Map.entry("rangle", "⟩"),
            Map.entry("ldots", "…"),
            Map.entry("cdots", "⋯"),
            Map.entry("dots", "…"),
            Map.entry("|", "‖"),
            Map.entry("Vert", "‖"),
            Map.entry("vert", "|"),
            Map.entry("mid", "|"),
            Map.entry("{", "{"),
            Map.entry("}", "}"),
            Map.entry("%", "%"),
            Map.entry("&", "&"),
            Map.entry("_", "_"),
            Map.entry("#", "#"),
            Map.entry("lceil", "⌈"),
            Map.entry("rceil", "⌉"),
            Map.entry("lfloor", "⌊"),
            Map.entry("rfloor", "⌋"),
            Map.entry("top", "ᵀ"),
            Map.entry("star", "⋆"),
            Map.entry("circ", "∘"),
            Map.entry("alpha", "α"),
            Map.entry("beta", "β"),
            Map.entry("gamma", "γ"),
            Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"),
            Map.entry("varepsilon", "ε"),
            Map.entry("zeta", "ζ"),
            Map.entry("eta", "η"),
            Map.entry("theta", "θ"),
            Map.entry("iota", "ι"),
            Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"),
            Map.entry("nu", "ν"),
            Map.entry("xi", "ξ"),
            Map.entry("pi", "π"),
            Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"),
            Map.entry("tau", "τ"),
            Map.entry("phi", "φ"),
            Map.entry("varphi", "φ"),
            Map.entry("chi", "χ"),
            Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"),
            Map.entry("Gamma", "Γ"),
            Map.entry("Delta", "Δ"),
            Map.entry("Theta", "Θ"),
            Map.entry("Lambda", "Λ"),
            Map.entry("Xi", "Ξ"),
            Map.entry("Pi", "Π"),
            Map.entry("Sigma", "Σ"),
            Map.entry("Phi", "Φ"),
            Map.entry("Psi", "Ψ"),
            Map.entry("Omega", "Ω"),
            // spacing
            Map.entry(",", "\u2009"),
            Map.entry(";", " "),
            Map.entry(":", " "),
            Map.entry("!", ""),
            Map.entry(" ", " "),
            Map.entry("quad", "\u2003"),
            Map.entry("qquad", "\u2003\u2003"));

    /** Prefix operators and spacing commands: the spaces after them are not shown (relations keep theirs). */
    private static final Set<String> EATS_SPACE =
            Set.of("nabla", "partial", "sum", "prod", ",", ";", ":", "!", "quad", "qquad");

    /** Operator names written upright as words. */
    private static final Set<String> WORDS = Set.of(
            "max", "min", "sup", "inf", "log", "ln", "exp", "sin", "cos", "tan", "det", "lim", "arg", "argmin",
            "argmax", "tr", "sign", "diag");

    /** Commands that only size the delimiter after them. */
    private static final Set<String> SIZES = Set.of(
            "left",
            "right",
            "big",
            "Big",
            "bigg",
            "Bigg",
            "bigl",
            "bigr",
            "Bigl",
            "Bigr",
            "biggl",
            "biggr",
            "Biggl",
            "Biggr",
            "middle",
            "displaystyle",
            "textstyle",
            "limits",
            "nolimits");

    /** Font switches without an argument. */
    private static final Set<String> SWITCHES = Set.of("rm", "it", "bf", "sf", "tt", "cal");

    /** Commands whose one argument is shown as plain text or as is. */
    private static final Set<String> TEXT = Set.of(
            "text",
            "textrm",
            "mathrm",
            "textbf",
            "mathbf",
            "mathit",
            "textit",
            "mathsf",
            "mathcal",
            "mathbb",
            "boldsymbol",
            "operatorname",
            "mbox");

    /** The LaTeX as an HTML fragment wrapped in {@code <span class="math">}; null becomes empty. */
    public static String toHtml(String latex) {
        if (latex == null) {
            return "";
        }
        return "<span class=\"math\">" + new Parser(latex).sequence(false) + "</span>";
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        /** Reads until the end, or until the closing brace of a group when {@code inGroup}. */
        String sequence(boolean inGroup) {
            StringBuilder out = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '}') {
                    i++;
                    if (inGroup) {
                        return out.toString();
                    }
                    out.append("}"); // unbalanced: keep it visible
                    continue;
                }
                out.append(atom());
            }
            return out.toString();
        }

        /** One unit: a group, a command (with its arguments), a script, or one character. */
        String atom() {
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                return sequence(true);
            }
            if (c == '\\') {
                return command();
            }
            if (c == '_' || c == '^') {
                i++;
                String arg = i < s.length() ? argument() : "";
                return c == '_' ? "<sub>" + arg + "</sub>" : "<sup>" + arg + "</sup>";
            }
            if (c == '~') {
                i++;
                return "\u00a0";
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\'') {
                return "′";
            }
            return Html.text(new String(Character.toChars(cp)));
        }

        /** The argument of a command or script: a group or a single atom; spaces before it are skipped. */
        String argument() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= s.length()) {
                return "";
            }
            if (s.charAt(i) == '}') {
                return "";
            }
            return atom();
        }

        /** The raw text of a group argument, for \text{...}: nothing inside is interpreted except nesting. */
        String rawGroup() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '{') {
                return argument();
            }
            int depth = 0;
            StringBuilder sb = new StringBuilder();
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{') {
                    if (depth++ == 0) {
                        continue;
                    }
                } else if (c == '}') {
                    if (--depth == 0) {
                        i++;
                        break;
                    }
                }
                sb.append(c);
            }
            return Html.text(sb.toString());
        }

        String command() {
            i++; // the backslash
            if (i >= s.length()) {
                return "\\";
            }
            char c = s.charAt(i);
            String name;
            if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                name = s.substring(start, i);
            } else {
                i++;
                name = String.valueOf(c);
            }
            if (SIZES.contains(name)) {
                return "";
            }
            if (SWITCHES.contains(name)) {
                // old-style font switches ({\rm low}): the text stays, the switch and its space go
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                return "";
            }
            if (SYMBOLS.containsKey(name)) {
                if (EATS_SPACE.contains(name)) {
                    // LaTeX ignores the space after these: \nabla f is "∇f", \quad x one wide space
                    while (i < s.length() && s.charAt(i) == ' ') {
                        i++;
                    }
                }
                return Html.text(SYMBOLS.get(name));
            }
            if (WORDS.contains(name)) {
                return name;
            }
            switch (name) {
                case "frac", "tfrac", "dfrac", "cfrac" -> {
                    String num = argument();
                    String den = argument();
                    return paren(num) + "/" + paren(den);
                }
                case "hat", "widehat", "tilde", "widetilde", "bar", "overline", "dot", "ddot", "vec" -> {
                    // the accent as a combining character after its argument: \hat w is ŵ
                    String accent = switch (name) {
                        case "hat", "widehat" -> "\u0302";
                        case "tilde", "widetilde" -> "\u0303";
                        case "bar", "overline" -> "\u0304";
                        case "dot" -> "\u0307";
                        case "ddot" -> "\u0308";
                        default -> "\u20d7";
                    };
                    return argument() + accent;
                }
                case "sqrt" -> {
                    String arg = argument();
                    return "√" + paren(arg);
                }
                case "text", "textrm", "mbox" -> {
                    return rawGroup();
                }
                default -> {
                    if (TEXT.contains(name)) {
                        return argument();
                    }
                    return Html.text("\\" + name); // unknown: shown as written
                }
            }
        }

        /** Parentheses around a rendered fragment unless it is one symbol or already bracketed. */
        static String paren(String html) {
            String plain = html.replaceAll("<[^>]*>", "");
            if (plain.codePointCount(0, plain.length()) <= 1
                    || plain.matches("[A-Za-z0-9.]+")
                    || plain.startsWith("(")
                            && plain.endsWith(")")
                            && balanced(plain.substring(1, plain.length() - 1))) {
                return html;
            }
            return "(" + html + ")";
        }

        private static boolean balanced(String s) {
            int depth = 0;
            for (char c : s.toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0) {
                    return false;
                }
            }
            return depth == 0;
        }
    }
}
