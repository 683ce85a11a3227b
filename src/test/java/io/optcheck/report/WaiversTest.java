package io.optcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.optcheck.result.Result;
import io.optcheck.result.RunReport;
import io.optcheck.result.Verdict;
import io.optcheck.result.Waiver;
import io.optcheck.result.WaiverMark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiversTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static RunReport run() {
        return Fixtures.report(List.of(
                Fixtures.held("a.x", "holds"), Fixtures.failing("b.x", "holds"), Fixtures.info("c.x", "weird")));
    }

    @Test
    void loadsYaml() throws Exception {
        Waivers w = Waivers.load(file("waivers.yaml", """
                - id: b.x/main/gd/holds
                  reason: "known bug, #12"  # quoted: an unquoted " #" starts a YAML comment
                  expires: 2027-01-31
                - id: "a.x/main/gd/holds"
                  reason: "quoted"
                  expires: "2026-12-01"
                """));
        assertThat(w.entries())
                .containsExactly(
                        new Waiver("b.x/main/gd/holds", "known bug, #12", LocalDate.of(2027, 1, 31)),
                        new Waiver("a.x/main/gd/holds", "quoted", LocalDate.of(2026, 12, 1)));
    }

    @Test
    void loadsJson() throws Exception {
        Waivers w = Waivers.load(file(
                "waivers.json", "[{\"id\": \"b.x/main/gd/holds\", \"reason\": \"r\", \"expires\": \"2027-01-31\"}]"));
        assertThat(w.entries()).containsExactly(new Waiver("b.x/main/gd/holds", "r", LocalDate.of(2027, 1, 31)));
    }

    @Test
    void anEmptyFileMeansNoWaivers() throws Exception {
        assertThat(Waivers.load(file("waivers.yaml", "\n")).entries()).isEmpty();
    }

    @Test
    void aBadDateNamesFileEntryAndFix() throws Exception {
        Path f = file("waivers.yaml", """
                - id: b.x/main/gd/holds
                  reason: fine
                  expires: 2027-01-31
                - id: a.x/main/gd/holds
                  reason: bad date
                  expires: 31/01/2027
                """);
        assertThatThrownBy(() -> Waivers.load(f))
                .isInstanceOf(WaiverFileException.class)
                .hasMessageContaining("waivers.yaml entry 2: 'expires' must be an ISO date like 2027-01-31")
                .hasMessageContaining("31/01/2027")
                .satisfies(e -> assertThat(((WaiverFileException) e).entry()).isEqualTo(2));
    }

    @Test
    void otherMalformedEntries() throws Exception {
        assertThatThrownBy(() ->
                        Waivers.load(file("w1.yaml", "- id: a.x/main/gd/holds\n  reason: r\n  expiry: 2027-01-31\n")))
                .hasMessageContaining("w1.yaml entry 1: unknown key 'expiry'");
        assertThatThrownBy(() -> Waivers.load(file("w2.yaml", "- id: a.x/main/gd/holds\n  expires: 2027-01-31\n")))
                .hasMessageContaining("w2.yaml entry 1: 'reason'");
        assertThatThrownBy(() -> Waivers.load(file("w3.yaml", "- id: a.x\n  reason: r\n  expires: 2027-01-31\n")))
                .hasMessageContaining("w3.yaml entry 1: 'id' must have four parts");
        assertThatThrownBy(() -> Waivers.load(file("w4.yaml", "id: a.x/main/gd/holds\n")))
                .hasMessageContaining("w4.yaml: must be a list");
        assertThatThrownBy(() -> Waivers.load(file("w5.yaml", "- [unclosed\n")))
                .hasMessageContaining("w5.yaml: not valid YAML");
        assertThatThrownBy(
                        () -> Waivers.load(
                                file(
                                        "w6.yaml",
                                        "- {id: a.x/m/gd/holds, reason: r, expires: 2027-01-31}\n- {id: a.x/m/gd/holds, reason: s, expires: 2027-01-31}\n")))
                .hasMessageContaining("w6.yaml entry 2: repeats the id of entry 1");
        assertThatThrownBy(() -> Waivers.load(file("w7.json", "[{\"id\": 1,}]")))
                .hasMessageContaining("w7.json: not valid JSON");
        assertThatThrownBy(() -> Waivers.load(dir.resolve("missing.yaml")))
                .isInstanceOf(WaiverFileException.class)
                .hasMessageContaining("missing.yaml: cannot read");
    }

    @Test
    void aValidWaiverMarksTheFailureAndTheGatePasses() {
        RunReport r = run();
        assertThat(r.gatePasses()).isFalse();
        RunReport w = Waivers.of(List.of(new Waiver("b.x/main/gd/holds", "bug #12", LocalDate.of(2025, 3, 1))))
                .apply(r, LocalDate.of(2025, 3, 1)); // the expiry day itself still counts
        Result b = w.result("b.x/main/gd/holds");
        assertThat(b.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(b.waiver()).isEqualTo(new WaiverMark("bug #12", LocalDate.of(2025, 3, 1)));
        assertThat(Waivers.gatePasses(w)).isTrue();
        assertThat(w.waivers().applied()).extracting(Waiver::id).containsExactly("b.x/main/gd/holds");
        assertThat(w.waivers().expired()).isEmpty();
        assertThat(w.waivers().unused()).isEmpty();
    }

    @Test
    void anExpiredWaiverExcusesNothing() {
        RunReport w = Waivers.of(List.of(new Waiver("b.x/main/gd/holds", "bug #12", LocalDate.of(2025, 3, 1))))
                .apply(run(), LocalDate.of(2025, 3, 2));
        assertThat(w.result("b.x/main/gd/holds").waiver()).isNull();
        assertThat(Waivers.gatePasses(w)).isFalse();
        assertThat(w.waivers().expired()).extracting(Waiver::id).containsExactly("b.x/main/gd/holds");
        assertThat(w.waivers().applied()).isEmpty();
    }

    @Test
    void waiversThatExcuseNothingAreUnused() {
        RunReport w = Waivers.of(List.of(
                        new Waiver("no.such/main/gd/holds", "typo", LocalDate.of(2030, 1, 1)),
                        new Waiver("a.x/main/gd/holds", "passes anyway", LocalDate.of(2030, 1, 1)),
                        new Waiver("c.x/main/gd/weird", "info never blocks", LocalDate.of(2030, 1, 1))))
                .apply(run(), LocalDate.of(2025, 1, 1));
        assertThat(w.waivers().unused())
                .extracting(Waiver::id)
                .containsExactly("no.such/main/gd/holds", "a.x/main/gd/holds", "c.x/main/gd/weird");
        assertThat(w.results()).allSatisfy(r -> assertThat(r.waiver()).isNull());
        assertThat(w.gatePasses()).isFalse();
    }

    @Test
    void reapplyingReplacesOldMarks() {
        Waivers ws = Waivers.of(List.of(new Waiver("b.x/main/gd/holds", "bug", LocalDate.of(2025, 3, 1))));
        RunReport once = ws.apply(run(), LocalDate.of(2025, 1, 1));
        RunReport later = ws.apply(once, LocalDate.of(2026, 1, 1));
        assertThat(later.result("b.x/main/gd/holds").waiver()).isNull();
        assertThat(later.gatePasses()).isFalse();
        assertThat(Waivers.none().apply(once, LocalDate.of(2025, 1, 1)).gatePasses())
                .isFalse();
    }

    @Test
    void duplicateIdsAreRejected() {
        Waiver a = new Waiver("b.x/main/gd/holds", "r", LocalDate.of(2030, 1, 1));
        assertThatThrownBy(() -> Waivers.of(List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waivedFailuresAppearInEveryReport() {
        RunReport w = Waivers.of(List.of(new Waiver("b.x/main/gd/holds", "bug #12", LocalDate.of(2030, 1, 31))))
                .apply(run(), LocalDate.of(2025, 1, 1));
        assertThat(JsonReport.toJson(w))
                .contains("\"verdict\": \"fail\",\n      \"waiver\": {\n"
                        + "        \"reason\": \"bug #12\",\n        \"expires\": \"2030-01-31\"\n      },");
        assertThat(MarkdownSummary.render(w)).contains("FAIL (waived until 2030-01-31)");
        assertThat(TerminalTable.render(w)).contains("FAIL (waived)");
    }
}
