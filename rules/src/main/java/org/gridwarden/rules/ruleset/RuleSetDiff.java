package org.gridwarden.rules.ruleset;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between two rule sets (规则集变更), entry by entry, in plain words a supervisor checks before
 * putting a version live, e.g. {@code repeat-complaint / repeat-complaint-fire: threshold 3 → 2}. Entries
 * are matched by id. Parameters compare as they are in force, with what a scoped entry inherits, so a change
 * to a rule's general entry shows on every scoped entry that takes it.
 */
public final class RuleSetDiff {

    private static final String ARROW = " → ";
    private static final String NONE = "(none)";

    private RuleSetDiff() {}

    /** One line per change, in the order of the newer file, removed entries last; empty when nothing changed. */
    public static List<String> between(RuleSet older, RuleSet newer, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        if (!Objects.equals(older.version(), newer.version())) {
            lines.add("version: " + older.version() + ARROW + newer.version());
        }
        if (!Objects.equals(older.effectiveFrom(), newer.effectiveFrom())) {
            lines.add("effectiveFrom: " + time(older.effectiveFrom(), zone) + ARROW + time(newer.effectiveFrom(), zone));
        }
        changes(RecordFields.leaves(older.ingest()), RecordFields.leaves(newer.ingest()))
                .forEach(change -> lines.add("ingest: " + change));
        for (RuleEntry now : newer.rules()) {
            Optional<RuleEntry> before = entry(older, now.id()).filter(e -> e.family() == now.family());
            if (before.isEmpty()) {
                lines.add(name(now) + ": added, applies " + where(now.scope()) + ": " + String.join(", ", parameters(now))
                        + (now.enabled() ? "" : "; switched off"));
            } else {
                lines.addAll(changes(before.get(), now).stream().map(change -> name(now) + ": " + change).toList());
            }
        }
        for (RuleEntry was : older.rules()) {
            if (entry(newer, was.id()).filter(e -> e.family() == was.family()).isEmpty()) {
                lines.add(name(was) + ": removed (it applied " + where(was.scope()) + ")");
            }
        }
        for (RuleFamily family : RuleFamily.values()) {
            List<String> common = ids(newer, family).stream().filter(ids(older, family)::contains).toList();
            List<String> before = ids(older, family).stream().filter(common::contains).toList();
            if (!before.equals(common)) {
                lines.add(family.key() + ": order of entries " + String.join(", ", before) + ARROW
                        + String.join(", ", common) + " (for each event the first entry that covers it applies)");
            }
        }
        return lines;
    }

    private static List<String> changes(RuleEntry before, RuleEntry now) {
        List<String> changes = new ArrayList<>();
        if (!before.scope().equals(now.scope())) {
            changes.add("scope " + scope(before.scope()) + ARROW + scope(now.scope()));
        }
        if (before.enabled() != now.enabled()) {
            changes.add(now.enabled() ? "switched on" : "switched off");
        }
        changes.addAll(changes(withoutSwitch(before), withoutSwitch(now)));
        return changes;
    }

    /** {@code field old → new} for every value that differs, blocks such as timeLimits line by line. */
    private static List<String> changes(Map<String, Object> before, Map<String, Object> now) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(now.keySet());
        return fields.stream().filter(f -> !Objects.equals(before.get(f), now.get(f)))
                .map(f -> RecordFields.dotted(f) + " " + value(before.get(f)) + ARROW + value(now.get(f))).toList();
    }

    private static Map<String, Object> withoutSwitch(RuleEntry e) {
        Map<String, Object> leaves = RecordFields.leaves(e.parameters());
        leaves.remove("/enabled");
        return leaves;
    }

    private static List<String> parameters(RuleEntry e) {
        return withoutSwitch(e).entrySet().stream()
                .map(l -> RecordFields.dotted(l.getKey()) + " " + value(l.getValue())).toList();
    }

    private static String name(RuleEntry e) {
        return e.family().key() + " / " + e.id();
    }

    private static String where(RuleScope scope) {
        return scope.isEverywhere() ? "everywhere" : "to " + scope(scope);
    }

    /** A scope in words: {@code streets S01, S02; families fire}, or {@code everywhere}. */
    private static String scope(RuleScope scope) {
        if (scope.isEverywhere()) {
            return "everywhere";
        }
        List<String> parts = new ArrayList<>();
        part(parts, "streets", scope.streets());
        part(parts, "communities", scope.communities());
        part(parts, "grids", scope.grids());
        part(parts, "families", scope.families());
        part(parts, "categories", scope.categories());
        return String.join("; ", parts);
    }

    private static void part(List<String> parts, String name, List<String> names) {
        if (names != null) {
            parts.add(name + " " + String.join(", ", names));
        }
    }

    private static Optional<RuleEntry> entry(RuleSet rs, String id) {
        return rs.rules().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private static List<String> ids(RuleSet rs, RuleFamily family) {
        return rs.entries(family).stream().map(RuleEntry::id).collect(Collectors.toList());
    }

    private static String value(Object value) {
        return value == null ? NONE : value.toString();
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? NONE : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
    }
}
