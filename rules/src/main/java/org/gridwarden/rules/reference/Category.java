package org.gridwarden.rules.reference;

import java.io.Serializable;

/**
 * A taxonomy entry such as {@code fire.blocked_exit} (消防通道堵塞).
 *
 * @param hazard whether it is a safety hazard (安全隐患)
 * @param timeLimitClass the key of its time limits in the rule set (e.g. IMMEDIATE 即收即办, STANDARD)
 * @param firstTier who handles it first: the grid's street office (STREET) or the district department (DISTRICT)
 * @param districtDepartment the responsible department at DISTRICT tier
 */
public record Category(
        String code,
        String family,
        String name,
        String nameEn,
        boolean hazard,
        String timeLimitClass,
        Tier firstTier,
        String districtDepartment) implements Serializable {}
