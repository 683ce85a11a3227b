package io.optcheck.cli;

import io.optcheck.theory.Assumptions;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code optcheck list}: theorems with their regimes, methods, and the assumption vocabulary. */
@Command(name = "list", mixinStandardHelpOptions = true,
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
      o.println("  " + t.id() + "  " + spec.title() + "  (method " + t.methodId() + ")");
      int w = t.regimes().stream().mapToInt(r -> r.id().length()).max().orElse(0);
      for (Regime r : t.regimes()) {
        o.println("    " + pad(r.id(), w) + "  expected " + pad(r.expected().json(), 6)
            + "  conclusion " + r.conclusion());
      }
    }
    o.println();
    o.println("Methods");
    for (String m : ctx.catalog().methodIds()) {
      o.println("  " + m);
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
