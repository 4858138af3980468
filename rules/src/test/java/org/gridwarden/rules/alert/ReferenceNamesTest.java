package org.gridwarden.rules.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.CategoryFamily;
import org.gridwarden.rules.reference.Tier;
import org.gridwarden.rules.ruleset.TimeSpan;
import org.junit.jupiter.api.Test;

/** Which name each language of an alert uses when the reference data names a thing in one language or none. */
class ReferenceNamesTest {

    private static Category category(String code, String name, String nameEn) {
        return new Category(code, code.substring(0, code.indexOf('.')), name, nameEn, false, "STANDARD", Tier.DISTRICT,
                "dpw");
    }

    @Test
    void aCategoryNamedInOneLanguage_readsByThatNameInBoth() {
        assertEquals(new Bilingual("消防通道堵塞", "Blocked fire exit"),
                ReferenceNames.category(category("fire.blocked_exit", "消防通道堵塞", "Blocked fire exit")));
        assertEquals(new Bilingual("Dirty Alley", "Dirty Alley"),
                ReferenceNames.category(category("sw.dirty_alley", null, "Dirty Alley")));
        assertEquals(new Bilingual("消防通道堵塞", "消防通道堵塞"),
                ReferenceNames.category(category("fire.blocked_exit", "消防通道堵塞", " ")));
    }

    @Test
    void aCategoryNamedNowhere_readsAsItsCodeInWords() {
        assertEquals(Bilingual.same("street light outages"),
                ReferenceNames.category(category("other.street_light_outages", null, "other.street_light_outages")));
    }

    @Test
    void aFamilyKnownOnlyByItsId_isNamedByTheAlertsCategory() {
        Category potholes = category("street_light_outages.potholes", null, "Potholes");
        assertEquals(Bilingual.same("Potholes"), ReferenceNames.family(
                new CategoryFamily("street_light_outages", "street_light_outages", "street_light_outages"), potholes));
        assertEquals(Bilingual.same("Potholes"),
                ReferenceNames.family(new CategoryFamily("street_light_outages", null, null), potholes));
    }

    @Test
    void aFamilysEnglishName_isANameEvenWhenItSpellsItsId() {
        assertEquals(new Bilingual("生态环境", "Environment"), ReferenceNames.family(
                new CategoryFamily("environment", "生态环境", "Environment"), category("environment.x", "噪声", "Noise")));
    }

    @Test
    void periods_readInBothLanguages() {
        assertEquals(new Bilingual("1小时", "1 hour"), ReferenceNames.span(TimeSpan.parse("1h")));
        assertEquals(new Bilingual("5个工作日", "5 working days"), ReferenceNames.span(TimeSpan.parse("5wd")));
    }
}
