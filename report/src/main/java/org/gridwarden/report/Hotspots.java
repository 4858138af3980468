package org.gridwarden.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.CategoryFamily;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * 重复投诉热点: subjects with REPEAT_COMPLAINT or COMPLAINT_AFTER_CLOSURE alerts on the report day or the 7 days
 * before, most alerts on the day first, then most in the days before. A subject is the alerts' subject key:
 * a complainant, building or address together with a category family.
 */
final class Hotspots {

    static final String REPEAT = "REPEAT_COMPLAINT";
    static final String AFTER_CLOSURE = "COMPLAINT_AFTER_CLOSURE";
    static final int TOP = 10;
    private static final Set<String> RULES = Set.of(REPEAT, AFTER_CLOSURE);

    private Hotspots() {}

    static List<Hotspot> of(ReportWeek week, ReferenceData reference) {
        Map<String, List<Alert>> bySubject = new LinkedHashMap<>();
        for (Alert a : week.all()) {
            if (RULES.contains(a.ruleId())) {
                bySubject.computeIfAbsent(a.subjectKey(), s -> new ArrayList<>()).add(a);
            }
        }
        List<Hotspot> hotspots = new ArrayList<>();
        bySubject.forEach((subject, alerts) -> {
            List<Alert> today = alerts.stream().filter(a -> week.dayOf(a).equals(week.day())).toList();
            Alert latest = alerts.stream().max(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId))
                    .orElseThrow();
            hotspots.add(new Hotspot(label(subject, reference), count(today, REPEAT), count(today, AFTER_CLOSURE),
                    alerts.size() - today.size(), latest));
        });
        hotspots.sort(Comparator.comparingInt(Hotspot::today).reversed()
                .thenComparing(Comparator.comparingInt(Hotspot::previousDays).reversed())
                .thenComparing(h -> h.subject().key()));
        return List.copyOf(hotspots.subList(0, Math.min(TOP, hotspots.size())));
    }

    private static int count(List<Alert> alerts, String rule) {
        return (int) alerts.stream().filter(a -> a.ruleId().equals(rule)).count();
    }

    /** "complainant:P000777|public_order" reads "投诉人 P000777 · 社会治安"; a key of another shape stays as it is. */
    static Label label(String subjectKey, ReferenceData reference) {
        int colon = subjectKey.indexOf(':');
        int bar = subjectKey.lastIndexOf('|');
        if (colon < 0 || bar < colon) {
            return new Label(subjectKey, subjectKey, null);
        }
        String kind = subjectKey.substring(0, colon);
        String id = subjectKey.substring(colon + 1, bar);
        String familyId = subjectKey.substring(bar + 1);
        CategoryFamily family = reference.family(familyId).orElse(new CategoryFamily(familyId, familyId, familyId));
        String[] kindNames = switch (kind) {
            case "complainant" -> new String[] {"投诉人", "Complainant"};
            case "building" -> new String[] {"楼栋", "Building"};
            case "address" -> new String[] {"地址", "Address"};
            default -> new String[] {kind, kind};
        };
        return new Label(subjectKey, kindNames[0] + " " + id + " · " + family.name(),
                kindNames[1] + " " + id + " · " + family.nameEn());
    }
}
