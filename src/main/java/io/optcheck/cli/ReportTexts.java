package io.optcheck.cli;

import io.optcheck.report.TheoremText;
import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.theory.Assumptions;
import io.optcheck.theory.Catalog;
import io.optcheck.theory.Regime;
import io.optcheck.theory.Spec;
import io.optcheck.theory.Specs;
import io.optcheck.theory.Theorem;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The theorem texts the HTML report shows: title, conclusions, assumptions and body from each
 * theorem's spec, regime descriptions from the catalog. The report layer reads no specs itself.
 */
final class ReportTexts {
    private ReportTexts() {}

    /** Texts for the theorems of {@code report}; a theorem without a readable spec is left out. */
    static Map<String, TheoremText> of(RunReport report, Catalog catalog) {
        Set<String> ids = new LinkedHashSet<>();
        report.results().forEach((Result r) -> ids.add(r.theorem()));
        Map<String, TheoremText> out = new LinkedHashMap<>();
        for (String id : ids) {
            Spec spec;
            try {
                spec = Specs.load(id);
            } catch (IllegalArgumentException e) {
                continue; // the report then shows the ids only; the run itself already loaded the spec
            }
            Map<String, String> conclusions = new LinkedHashMap<>();
            spec.conclusions().forEach(c -> conclusions.put(c.id(), c.latex()));
            Map<String, String> assumptions = new LinkedHashMap<>();
            for (String a : spec.assumptions()) {
                assumptions.put(a, Assumptions.known(a) ? Assumptions.statement(a) : "");
            }
            Map<String, String> regimes = new LinkedHashMap<>();
            spec.regimes().forEach(r -> regimes.put(r.id(), ""));
            if (catalog.ids().contains(id)) {
                Theorem<?> t = catalog.get(id);
                for (Regime r : t.regimes()) {
                    regimes.put(r.id(), r.description() == null ? "" : r.description());
                }
            }
            out.put(
                    id,
                    new TheoremText(id, spec.title(), spec.source(), conclusions, assumptions, regimes, spec.body()));
        }
        return out;
    }
}
