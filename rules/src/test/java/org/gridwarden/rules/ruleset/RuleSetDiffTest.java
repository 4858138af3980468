package org.gridwarden.rules.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A supervisor reads what a new rule-set version changes, entry by entry, in plain words. */
class RuleSetDiffTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static String shipped() throws Exception {
        return Files.readString(Fixtures.projectRoot().resolve("rules/ruleset.yaml"));
    }

    private static RuleSet read(String yaml) {
        RuleSetCheck check = RuleSetLoader.check("candidate.yaml", yaml, Fixtures.reference());
        assertEquals(List.of(), check.messages());
        return check.ruleSet();
    }

    @Test
    void sameRuleSet_hasNoDifferences() throws Exception {
        assertEquals(List.of(), RuleSetDiff.between(read(shipped()), read(shipped()), BEIJING));
    }

    @Test
    void changedValues_areNamedEntryByEntry_withTheirOldAndNewValue() throws Exception {
        String newer = shipped()
                .replace("version: \"2026.11-1\"", "version: \"2026.12-1\"")
                .replace("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: 2026-12-01T00:00:00+08:00")
                .replace("allowedLateness: 10m", "allowedLateness: 15m")
                .replace("halfLife: 7d", "halfLife: 3d")
                .replace("CRITICAL: 8}", "CRITICAL: 10}")
                .replace("        NORMAL: 5wd", "        NORMAL: 4wd")
                .replace("threshold: 3 ", "threshold: 2 ")
                .replace("    silence: 3d", "    silence: 3d\n    enabled: false");
        assertEquals(List.of(
                "version: 2026.11-1 → 2026.12-1",
                "effectiveFrom: 2026-01-01T00:00:00+08:00 → 2026-12-01T00:00:00+08:00",
                "ingest: allowedLateness 10m → 15m",
                "risk: halfLife 7d → 3d",
                "risk: weights.CRITICAL 8.0 → 10.0",
                "案件超期 overdue / overdue: timeLimits.STANDARD.NORMAL 5wd → 4wd",
                "重复投诉 repeat-complaint / repeat-complaint: threshold 3 → 2",
                "网格静默 silent-grid / silent-grid: switched off"),
                RuleSetDiff.between(read(shipped()), read(newer), BEIJING));
    }

    @Test
    void addedAndRemovedEntries_showTheirScope_andOnlyWhatDiffers() throws Exception {
        String fire = """
                  - id: repeat-complaint-fire
                    rule: repeat-complaint
                    scope: {families: [fire]}
                    threshold: 2
                """;
        String older = shipped().replace("\nrules:\n", "\nrules:\n" + fire + """
                  - id: silent-grid-donghu
                    rule: silent-grid
                    scope: {streets: [S01]}
                    silence: 1d
                """);
        String newer = shipped().replace("\nrules:\n", "\nrules:\n" + fire.replace("[fire]", "[fire, gas]") + """
                  - id: overdue-donghu
                    rule: overdue
                    scope: {streets: [S01], families: [fire]}
                    timeLimits:
                      HAZARD: {NORMAL: 2wd}
                """).replace("window: 30d ", "window: 20d ");
        assertEquals(List.of(
                "重复投诉 repeat-complaint / repeat-complaint-fire: scope families fire → families fire, gas",
                // the window it inherits is said once, on the general entry
                "案件超期 overdue / overdue-donghu: added, applies to streets S01; families fire:"
                        + " timeLimits.HAZARD.NORMAL 2wd (the rest as overdue)",
                "重复投诉 repeat-complaint / repeat-complaint: window 30d → 20d (inherited by repeat-complaint-fire)",
                "网格静默 silent-grid / silent-grid-donghu: removed (it applied to streets S01)"),
                RuleSetDiff.between(read(older), read(newer), BEIJING));
    }

    @Test
    void aScopedEntryThatOverridesAChangedValue_keepsItsOwnLine() throws Exception {
        String fire = """
                  - id: repeat-complaint-fire
                    rule: repeat-complaint
                    scope: {families: [fire]}
                    window: 30d
                """;
        String older = shipped().replace("\nrules:\n", "\nrules:\n" + fire);
        String newer = shipped().replace("\nrules:\n", "\nrules:\n" + fire.replace("30d", "10d"))
                .replace("window: 30d ", "window: 20d ");
        assertEquals(List.of(
                "重复投诉 repeat-complaint / repeat-complaint-fire: window 30d → 10d",
                "重复投诉 repeat-complaint / repeat-complaint: window 30d → 20d"),
                RuleSetDiff.between(read(older), read(newer), BEIJING));
    }

    @Test
    void reorderedEntries_areNamed_sinceTheFirstEntryThatCoversAnEventApplies() throws Exception {
        String fire = """
                  - id: repeat-complaint-fire
                    rule: repeat-complaint
                    scope: {families: [fire]}
                    threshold: 2
                """;
        String donghu = """
                  - id: repeat-complaint-donghu
                    rule: repeat-complaint
                    scope: {streets: [S01]}
                    window: 60d
                """;
        String older = shipped().replace("\nrules:\n", "\nrules:\n" + fire + donghu);
        String newer = shipped().replace("\nrules:\n", "\nrules:\n" + donghu + fire);
        assertEquals(List.of("repeat-complaint: order of entries repeat-complaint-fire, repeat-complaint-donghu,"
                + " repeat-complaint → repeat-complaint-donghu, repeat-complaint-fire, repeat-complaint"
                + " (for each event the first entry that covers it applies)"),
                RuleSetDiff.between(read(older), read(newer), BEIJING));
    }
}
