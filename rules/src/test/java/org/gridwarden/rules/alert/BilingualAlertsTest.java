package org.gridwarden.rules.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.testing.AllRules;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample district's week through every rule family: each alert reads in Chinese and in English, both
 * written with the reference data's names (category, family, department, community) in their own language.
 */
class BilingualAlertsTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Set<String> BY_FAMILY = Set.of("REPEAT_COMPLAINT", "COMPLAINT_SURGE");

    @Test
    void everyRuleFamily_writesItsAlertInChineseAndInEnglish_withTheNamesOfEachLanguage() throws Exception {
        ReferenceData ref = Fixtures.reference();
        List<Alert> alerts = AllRules.run(Fixtures.sampleData().resolve("scenarios/district-week"),
                RuleContext.of(ref, Fixtures.ruleSet()));

        Set<String> kinds = new TreeSet<>();
        alerts.forEach(a -> kinds.add(a.ruleId() + " " + a.level()));
        assertEquals(new TreeSet<>(List.of("COMPLAINT_AFTER_CLOSURE WARNING", "COMPLAINT_SURGE CRITICAL",
                "HAZARD_NOT_FILED ALERT", "HAZARD_NOT_REPORTED_BY_GRID ALERT", "OVERDUE_CASE ESCALATED",
                "OVERDUE_CASE OVERDUE", "OVERDUE_CASE WARNING", "PATROL_MISSED_HAZARD WARNING",
                "REPEAT_COMPLAINT WARNING", "SIGN_FOR_TIMEOUT WARNING", "SILENT_GRID WARNING")), kinds,
                "the week raises every kind of alert");

        for (Alert a : alerts) {
            String department = ref.department(a.department()).orElseThrow().nameEn();
            assertTrue(a.message().contains(a.departmentName()), "the Chinese message names who must act: " + a);
            assertTrue(a.messageEn().contains(department), "the English message names who must act: " + a);
            if (a.categoryCode() != null) {
                Category c = ref.category(a.categoryCode()).orElseThrow();
                boolean byFamily = BY_FAMILY.contains(a.ruleId());
                String zh = byFamily ? ref.family(c.family()).orElseThrow().name() : c.name();
                String en = byFamily ? ref.family(c.family()).orElseThrow().nameEn() : c.nameEn();
                assertTrue(a.title().contains(zh) && a.message().contains(zh), "Chinese text names " + zh + ": " + a);
                assertTrue(a.titleEn().contains(en) && a.messageEn().contains(en), "English text names " + en + ": " + a);
            } else {
                String community = ref.grid(a.gridId()).orElseThrow().community().nameEn();
                assertTrue(a.messageEn().contains(community), "English text names " + community + ": " + a);
            }
            for (String english : List.of(a.titleEn(), a.messageEn())) {
                assertFalse(hasHan(withoutChineseOnlyNames(english, a)),
                        "no Chinese beyond the grid's, the worker's and an address's own names: " + english);
            }
        }
    }

    /**
     * Grid and grid-worker names, and a complained-about address, have no English form in the reference data;
     * they appear as written in both languages.
     */
    private static String withoutChineseOnlyNames(String text, Alert a) {
        String out = text.replace(a.gridName(), "").replace(a.workerName(), "");
        if (a.subjectKey().startsWith("address:")) {
            out = out.replace(a.subjectKey().substring("address:".length(), a.subjectKey().lastIndexOf('|')), "");
        }
        return out;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
