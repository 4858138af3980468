package org.gridwarden.report;

import org.gridwarden.rules.model.Alert;

/**
 * 重复投诉热点: a complaint subject (a complainant, building or address with a category family) with repeat-
 * complaint or complaint-after-closure alerts on the report day or the 7 days before.
 *
 * @param subject the subject key of the alerts, named, e.g. "楼栋 S03C02G01-B05 · 消防安全"
 * @param repeatToday REPEAT_COMPLAINT alerts on the day
 * @param afterClosureToday COMPLAINT_AFTER_CLOSURE alerts on the day
 * @param previousDays alerts of both rules on the 7 days before
 * @param latest the newest of its alerts up to the end of the day
 */
public record Hotspot(Label subject, int repeatToday, int afterClosureToday, int previousDays, Alert latest) {

    public int today() {
        return repeatToday + afterClosureToday;
    }
}
