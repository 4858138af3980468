package org.gridwarden.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.stream.Stream;
import org.gridwarden.rules.alert.AlertLabel;
import org.gridwarden.rules.ruleset.RuleEntry;
import org.gridwarden.rules.ruleset.RuleFamily;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The registry of rule families: complete, unambiguous, and readable where Flink is absent. */
class RuleFamiliesTest {

    @Test
    void everyFamily_namesItsKey_andItsAlertsInChineseAndEnglish() {
        for (RuleFamilyDefinition f : RuleFamilies.SHIPPED.all()) {
            assertFalse(f.keyedBy().isBlank(), f.family().key());
            assertFalse(f.alerts().isEmpty(), f.family().key());
            for (AlertLabel l : Stream.concat(f.alerts().stream(), Stream.of(new AlertLabel("family", f.name())))
                    .toList()) {
                assertTrue(l.name().zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN), l.toString());
                assertTrue(l.name().en().chars().allMatch(c -> c < 128) && !l.name().en().isBlank(), l.toString());
            }
        }
        assertEquals(List.of("OVERDUE_CASE", "SIGN_FOR_TIMEOUT", "REPEAT_COMPLAINT", "COMPLAINT_AFTER_CLOSURE",
                "HAZARD_NOT_REPORTED_BY_GRID", "PATROL_MISSED_HAZARD", "HAZARD_NOT_FILED", "SILENT_GRID",
                "COMPLAINT_SURGE"), RuleFamilies.SHIPPED.alertLabels().stream().map(AlertLabel::ruleId).toList());
    }

    @Test
    void theShippedRuleSet_switchesOnEveryRegisteredFamily() {
        RuleSetHistory shipped = RuleSetHistory.of(Fixtures.ruleSet());
        assertEquals(RuleFamilies.SHIPPED.all(), RuleFamilies.SHIPPED.running(shipped));
    }

    @Test
    void aFamilyOrARuleIdDeclaredTwice_isRefused() {
        RuleFamilyDefinition overdue = RuleFamilies.SHIPPED.of(RuleFamily.OVERDUE);
        assertThrows(IllegalArgumentException.class, () -> RuleFamilies.SHIPPED.with(overdue));
        RuleFamilyDefinition sameAlerts = new RuleFamilyDefinition(new RuleFamily("overdue-again",
                overdue.family().parameters()), overdue.name(), overdue.keyedBy(), overdue.alerts(), overdue.operator(),
                overdue.lookBack(), List.of(), false, overdue.caseHandler(), null);
        assertThrows(IllegalArgumentException.class, () -> RuleFamilies.SHIPPED.with(sameAlerts));
    }

    @Test
    void aRuleSetSwitchingOnAFamilyWithoutARegistryLine_isRefused() {
        RuleEntry overdue = Fixtures.ruleSet().entries(RuleFamily.OVERDUE).get(0);
        RuleFamily unknown = new RuleFamily("unregistered", overdue.family().parameters());
        RuleSet withUnknown = new RuleSet("x", Fixtures.ruleSet().effectiveFrom(), Fixtures.ruleSet().ingest(),
                List.of(new RuleEntry("unregistered", unknown, overdue.scope(), overdue.parameters())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleFamilies.SHIPPED.running(RuleSetHistory.of(withUnknown)));
        assertTrue(e.getMessage().contains("unregistered"), e.getMessage());
    }

    /**
     * Reports and rule-set tools read the labels and the look-back without Flink on their class path: the
     * registry must not load a rule class (which extends a Flink function) until a family is wired.
     */
    @Test
    void theRegistryIsReadWithoutFlink() throws Exception {
        URL[] withoutFlink = Stream.of(RuleFamilies.class, ObjectMapper.class, JsonParser.class, JsonCreator.class)
                .map(c -> c.getProtectionDomain().getCodeSource().getLocation()).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(withoutFlink, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("org.apache.flink.streaming.api.datastream.DataStream"));
            Class<?> registry = loader.loadClass(RuleFamilies.class.getName());
            Object shipped = registry.getField("SHIPPED").get(null);
            Method labels = registry.getMethod("alertLabels");
            assertEquals(9, ((List<?>) labels.invoke(shipped)).size());
            Class<?> lookBack = loader.loadClass("org.gridwarden.rules.ruleset.LookBack");
            assertTrue(lookBack.getMethods().length > 0);
        }
    }
}
