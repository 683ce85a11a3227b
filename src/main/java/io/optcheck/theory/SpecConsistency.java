package io.optcheck.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares a theorem in code with its spec; every problem names the spec file. */
public final class SpecConsistency {

  private SpecConsistency() {
  }

  /** The disagreements between a theorem and its spec, empty when they agree. */
  public static List<String> check(Theorem<?> t, Spec s) {
    List<String> p = new ArrayList<>();
    String f = s.file();
    if (!s.id().equals(t.id())) {
      p.add(f + ": id '" + s.id() + "' but the catalog's theorem is '" + t.id() + "'");
    }
    // "any": a conformance property, checked on whichever method it is given (a user's plug-in).
    if (!s.method().equals(t.methodId()) && !"any".equals(s.method())) {
      p.add(f + ": method '" + s.method() + "' but the code checks method '" + t.methodId() + "'");
    }
    if (!s.assumptions().equals(t.assumptions())) {
      p.add(f + ": assumptions " + s.assumptions() + " but the code has " + t.assumptions());
    }
    List<String> conclusions = s.conclusions().stream().map(Spec.Conclusion::id).toList();
    for (Regime r : t.regimes()) {
      Spec.RegimeSpec rs = s.regimes().stream().filter(x -> x.id().equals(r.id())).findFirst().orElse(null);
      if (rs == null) {
        p.add(f + ": regime '" + r.id() + "' is in the code but not in the spec's regimes");
        continue;
      }
      if (!rs.conclusion().equals(r.conclusion())) {
        p.add(f + ": regime '" + r.id() + "' checks conclusion '" + rs.conclusion() + "' in the spec but '"
            + r.conclusion() + "' in the code");
      }
      if (!rs.expected().equals(r.expected().name().toLowerCase(Locale.ROOT))) {
        p.add(f + ": regime '" + r.id() + "' expects '" + rs.expected() + "' in the spec but '"
            + r.expected().name().toLowerCase(Locale.ROOT) + "' in the code");
      }
      if (!conclusions.contains(r.conclusion())) {
        p.add(f + ": conclusion '" + r.conclusion() + "' (regime '" + r.id() + "') has no statement in the spec");
      }
      for (String a : r.assumptions()) {
        if (!Assumptions.known(a)) {
          p.add(f + ": regime '" + r.id() + "' uses unknown assumption '" + a + "'");
        }
      }
    }
    for (Spec.RegimeSpec rs : s.regimes()) {
      if (t.regimes().stream().noneMatch(r -> r.id().equals(rs.id()))) {
        p.add(f + ": regime '" + rs.id() + "' is in the spec but not in the code");
      }
    }
    return p;
  }
}
