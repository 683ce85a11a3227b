package io.optcheck.cli;

import io.optcheck.api.MethodKind;
import io.optcheck.theory.Assumptions;
import io.optcheck.theory.Regime;
import io.optcheck.theory.RetargetableTheorem;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code optcheck list}: theorems with their regimes, methods, the method kinds each theorem
 * applies to, and the assumption vocabulary.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the theorems (with regimes and expected outcomes), the methods and the assumptions.")
final class ListCommand implements Callable<Integer> {

    private final Context ctx;

    @Mixin
    DebugOption debugOption;

    ListCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintStream o = ctx.out();
        o.println("Theorems");
        for (Theorem<?> t : ctx.catalog().theorems()) {
            Spec spec = Specs.load(t.id());
            String kind = t instanceof RetargetableTheorem<?> rt
                    ? "  [applies to kind " + rt.methodKind().id() + "]"
                    : "";
            o.println("  " + t.id() + "  " + spec.title() + "  (method " + t.methodId() + ")" + kind);
            int w = t.regimes().stream().mapToInt(r -> r.id().length()).max().orElse(0);
            for (Regime r : t.regimes()) {
                o.println("    " + pad(r.id(), w) + "  expected "
                        + pad(r.expected().json(), 6) + "  conclusion " + r.conclusion());
            }
        }
        o.println();
        o.println("Methods");
        for (String m : ctx.catalog().methodIds()) {
            o.println("  " + m);
        }
        o.println();
        // Which theorems run on a user's method, by the kind it declares (Catalog.applicableTo).
        o.println("Method kinds (theorems that apply to any method declaring the kind)");
        Map<MethodKind, List<String>> byKind = new EnumMap<>(MethodKind.class);
        ctx.catalog()
                .kinds()
                .forEach((id, k) ->
                        byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(id));
        int kw = Arrays.stream(MethodKind.values())
                .mapToInt(k -> k.id().length())
                .max()
                .orElse(0);
        for (MethodKind k : MethodKind.values()) {
            List<String> ids = byKind.getOrDefault(k, List.of());
            o.println("  " + pad(k.id(), kw) + "  (" + String.join(", ", k.hyperparameters()) + ")  "
                    + (ids.isEmpty() ? "no theorems" : String.join(", ", ids)));
        }
        o.println();
        o.println("Assumptions");
        int w = Assumptions.ids().stream().mapToInt(String::length).max().orElse(0);
        for (String a : Assumptions.ids()) {
            o.println("  " + pad(a, w) + "  " + Assumptions.statement(a));
        }
        return Main.OK;
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
