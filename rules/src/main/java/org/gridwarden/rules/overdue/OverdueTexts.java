package org.gridwarden.rules.overdue;

import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.OverdueRules;
import org.gridwarden.rules.ruleset.TimeSpan;

/** The wording of deadline and sign-for alerts, Chinese and English side by side. */
final class OverdueTexts {

    /** An alert's title and message. */
    record Texts(Bilingual title, Bilingual message) {}

    private OverdueTexts() {}

    /**
     * @param handler who had the case; {@code target} who must act now (the next tier when escalated)
     * @param due the due time as the district reads it
     */
    static Texts deadline(AlertLevel level, String caseId, Category category, GridPlace place, Department handler,
            Department target, String due, OverdueRules rules) {
        Bilingual cat = ReferenceNames.category(category);
        Bilingual grid = ReferenceNames.grid(place.grid());
        Bilingual to = ReferenceNames.department(target);
        String where = "案件" + caseId + "（" + grid.zh() + "，" + cat.zh() + "）";
        String whereEn = "Case " + caseId + " (" + grid.en() + ", " + cat.en() + ")";
        return switch (level) {
            case WARNING -> {
                long used = Math.round(rules.warningFraction() * 100);
                yield new Texts(new Bilingual("案件临期预警：" + cat.zh(), "Case due soon: " + cat.en()), new Bilingual(
                        where + "将于" + due + "到期，已用去" + used + "%办理时限，请" + to.zh() + "尽快办结。",
                        whereEn + " is due at " + due + " and has used " + used + "% of its time limit; " + to.en()
                                + " should close it soon."));
            }
            case OVERDUE -> new Texts(new Bilingual("案件超期未办结：" + cat.zh(), "Case overdue: " + cat.en()),
                    new Bilingual(where + "已于" + due + "超过办理时限，责任单位：" + to.zh() + "。",
                            whereEn + " passed its time limit at " + due + "; responsible: " + to.en() + "."));
            case ESCALATED -> {
                Bilingual delay = ReferenceNames.span(rules.escalationDelay());
                Bilingual from = ReferenceNames.department(handler);
                yield new Texts(new Bilingual("超期升级督办：" + cat.zh(), "Overdue case escalated: " + cat.en()),
                        new Bilingual(
                                where + "超期" + delay.zh() + "仍未办结（原责任单位：" + from.zh() + "），升级至" + to.zh()
                                        + "督办。",
                                whereEn + " is still open " + delay.en() + " after its time limit (responsible: "
                                        + from.en() + "); escalated to " + to.en() + " for supervision."));
            }
            default -> throw new IllegalArgumentException("no deadline level: " + level);
        };
    }

    /** @param assignedAt the dispatch time as the district reads it */
    static Texts signFor(String caseId, Category category, GridPlace place, Department dept, String assignedAt,
            TimeSpan limit) {
        Bilingual cat = ReferenceNames.category(category);
        Bilingual grid = ReferenceNames.grid(place.grid());
        Bilingual to = ReferenceNames.department(dept);
        Bilingual within = ReferenceNames.span(limit);
        return new Texts(new Bilingual("派单签收超时：" + cat.zh(), "Dispatch not signed for: " + cat.en()),
                new Bilingual(
                        "案件" + caseId + "（" + grid.zh() + "，" + cat.zh() + "）于" + assignedAt + "派至" + to.zh()
                                + "，超过" + within.zh() + "未签收。",
                        "Case " + caseId + " (" + grid.en() + ", " + cat.en() + ") was dispatched to " + to.en()
                                + " at " + assignedAt + " and not signed for within " + within.en() + "."));
    }
}
