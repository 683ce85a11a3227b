package io.optcheck.cli;

import io.optcheck.theory.Assumptions;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RetargetableTheorem;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code optcheck explain ID}: a theorem's spec, rendered for a terminal. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Shows a theorem's spec: assumptions, conclusions, regimes, derivation and what is measured.")
final class ExplainCommand implements Callable<Integer> {

    private final Context ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Theorem id, e.g. gd.descent-lemma.")
    String id;

    @Mixin
    DebugOption debugOption;

    ExplainCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Theorem<?> t = ctx.catalog().get(id);
        ctx.out().print(render(Specs.load(t.id()), t));
        return Main.OK;
    }

    static String render(Spec spec, Theorem<?> t) {
        StringBuilder sb = new StringBuilder();
        heading(sb, spec.title(), '=');
        field(sb, "id", spec.id());
        field(sb, "method", spec.method());
        if (t instanceof RetargetableTheorem<?> rt) {
            field(
                    sb,
                    "kind",
                    rt.methodKind().id() + " (applies to any method of this kind; hyperparameters "
                            + String.join(", ", rt.methodKind().hyperparameters()) + ")");
        }
        field(sb, "source", spec.source());
        field(sb, "spec", spec.file());
        sb.append('\n');
        heading(sb, "Assumptions", '-');
        int w = spec.assumptions().stream().mapToInt(String::length).max().orElse(0);
        for (String a : spec.assumptions()) {
            sb.append("  ")
                    .append(ListCommand.pad(a, w))
                    .append("  ")
                    .append(Assumptions.statement(a))
                    .append('\n');
        }
        sb.append('\n');
        heading(sb, "Conclusions", '-');
        for (Spec.Conclusion c : spec.conclusions()) {
            sb.append("  ").append(c.id()).append('\n');
            sb.append("    ").append(c.latex()).append('\n');
        }
        sb.append('\n');
        heading(sb, "Regimes", '-');
        String[] head = {"regime", "conclusion", "expected", "description"};
        int[] cw = {head[0].length(), head[1].length(), head[2].length()};
        for (Spec.RegimeSpec r : spec.regimes()) {
            cw[0] = Math.max(cw[0], r.id().length());
            cw[1] = Math.max(cw[1], r.conclusion().length());
        }
        sb.append("  ")
                .append(ListCommand.pad(head[0], cw[0]))
                .append("  ")
                .append(ListCommand.pad(head[1], cw[1]))
                .append("  ")
                .append(ListCommand.pad(head[2], cw[2]))
                .append("  ")
                .append(head[3])
                .append('\n');
        for (Spec.RegimeSpec r : spec.regimes()) {
            String description = t.regimes().stream()
                    .filter(x -> x.id().equals(r.id()))
                    .map(Regime::description)
                    .findFirst()
                    .orElse("(not in the code)");
            sb.append("  ")
                    .append(ListCommand.pad(r.id(), cw[0]))
                    .append("  ")
                    .append(ListCommand.pad(r.conclusion(), cw[1]))
                    .append("  ")
                    .append(ListCommand.pad(r.expected(), cw[2]))
                    .append("  ")
                    .append(description)
                    .append('\n');
        }
        sb.append('\n');
        sb.append(markdownBody(spec.body()));
        return sb.toString();
    }

    /** Markdown headings become underlined headings; everything else is kept as written. */
    static String markdownBody(String body) {
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            String s = line.stripTrailing();
            int level = 0;
            while (level < s.length() && s.charAt(level) == '#') {
                level++;
            }
            if (level > 0 && level < s.length() && s.charAt(level) == ' ') {
                heading(sb, s.substring(level + 1).strip(), level == 1 ? '=' : '-');
            } else {
                sb.append(s).append('\n');
            }
        }
        String out = sb.toString();
        return out.endsWith("\n") ? out : out + "\n";
    }

    private static void heading(StringBuilder sb, String text, char underline) {
        sb.append(text)
                .append('\n')
                .append(String.valueOf(underline).repeat(text.length()))
                .append('\n');
    }

    private static void field(StringBuilder sb, String label, String value) {
        sb.append(ListCommand.pad(label + ":", 8)).append(' ').append(value).append('\n');
    }
}
