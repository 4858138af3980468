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
import org.gridwarden.rules.RuleFamilies;

/**
 * What changed between two rule sets (规则集变更), entry by entry, in plain words a supervisor checks before
 * putting a version live, e.g. {@code 重复投诉 repeat-complaint / repeat-complaint-fire: threshold 3 → 2}: the
 * rule's name, its key and the entry's id. Entries are matched by id. Parameters compare as they are in force,
 * but only what differs is said: a change to a rule's general entry is said once, on that entry, naming the
 * scoped entries that inherit it, and an added scoped entry names only what it sets apart from the general one.
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
        changes(RecordFields.leaves(older.risk()), RecordFields.leaves(newer.risk()))
                .forEach(change -> lines.add("risk: " + change));
        for (RuleEntry now : newer.rules()) {
            Optional<RuleEntry> before = entry(older, now.id()).filter(e -> e.family().equals(now.family()));
            if (before.isEmpty()) {
                lines.add(added(now, general(newer, now)));
            } else {
                lines.addAll(changes(older, newer, before.get(), now).stream().map(change -> name(now) + ": " + change)
                        .toList());
            }
        }
        for (RuleEntry was : older.rules()) {
            if (entry(newer, was.id()).filter(e -> e.family().equals(was.family())).isEmpty()) {
                lines.add(name(was) + ": removed (it applied " + where(was.scope()) + ")");
            }
        }
        for (RuleFamily family : RuleFamilies.SHIPPED.families()) {
            List<String> common = ids(newer, family).stream().filter(ids(older, family)::contains).toList();
            List<String> before = ids(older, family).stream().filter(common::contains).toList();
            if (!before.equals(common)) {
                lines.add(family.key() + ": order of entries " + String.join(", ", before) + ARROW
                        + String.join(", ", common) + " (for each event the first entry that covers it applies)");
            }
        }
        return lines;
    }

    /**
     * An entry's changes. A scoped entry leaves out what it only inherits from the general entry (the same value
     * before and after on both); the general entry names the scoped entries that inherit its change.
     */
    private static List<String> changes(RuleSet older, RuleSet newer, RuleEntry before, RuleEntry now) {
        List<String> changes = new ArrayList<>();
        if (!before.scope().equals(now.scope())) {
            changes.add("scope " + scope(before.scope()) + ARROW + scope(now.scope()));
        }
        if (before.enabled() != now.enabled()) {
            changes.add(now.enabled() ? "switched on" : "switched off");
        }
        Map<String, Object> was = withoutSwitch(before);
        Map<String, Object> is = withoutSwitch(now);
        for (String field : differing(was, is)) {
            if (!now.scope().isEverywhere() && inherited(older, newer, now, field, was.get(field), is.get(field))) {
                continue;
            }
            String inheritedBy = now.scope().isEverywhere() ? inheritors(older, newer, now, field, was.get(field),
                    is.get(field)) : "";
            changes.add(RecordFields.dotted(field) + " " + value(was.get(field)) + ARROW + value(is.get(field))
                    + inheritedBy);
        }
        return changes;
    }

    /** Whether the general entry of {@code e}'s rule changed {@code field} from the same value to the same value. */
    private static boolean inherited(RuleSet older, RuleSet newer, RuleEntry e, String field, Object was, Object is) {
        Optional<RuleEntry> generalBefore = general(older, e);
        Optional<RuleEntry> generalNow = general(newer, e);
        return generalBefore.isPresent() && generalNow.isPresent()
                && Objects.equals(withoutSwitch(generalBefore.get()).get(field), was)
                && Objects.equals(withoutSwitch(generalNow.get()).get(field), is);
    }

    /** " (inherited by a, b)" for the scoped entries that take the general entry's change, or "". */
    private static String inheritors(RuleSet older, RuleSet newer, RuleEntry general, String field, Object was,
            Object is) {
        List<String> ids = newer.entries(general.family()).stream()
                .filter(e -> !e.scope().isEverywhere())
                .filter(e -> entry(older, e.id()).filter(o -> o.family().equals(e.family()))
                        .map(o -> Objects.equals(withoutSwitch(o).get(field), was)).orElse(false))
                .filter(e -> Objects.equals(withoutSwitch(e).get(field), is))
                .map(RuleEntry::id).toList();
        return ids.isEmpty() ? "" : " (inherited by " + String.join(", ", ids) + ")";
    }

    /**
     * An added entry with its scope; a scoped one names only the parameters it sets apart from the general
     * entry, as the rule set itself does.
     */
    private static String added(RuleEntry now, Optional<RuleEntry> general) {
        List<String> parameters;
        String rest = "";
        if (!now.scope().isEverywhere() && general.isPresent()) {
            Map<String, Object> base = withoutSwitch(general.get());
            Map<String, Object> own = withoutSwitch(now);
            parameters = own.entrySet().stream().filter(l -> !Objects.equals(base.get(l.getKey()), l.getValue()))
                    .map(l -> RecordFields.dotted(l.getKey()) + " " + value(l.getValue())).toList();
            rest = " (the rest as " + general.get().id() + ")";
        } else {
            parameters = parameters(now);
        }
        return name(now) + ": added, applies " + where(now.scope()) + ": "
                + (parameters.isEmpty() ? "no parameter of its own" : String.join(", ", parameters)) + rest
                + (now.enabled() ? "" : "; switched off");
    }

    /** The rule's entry without a scope, whose parameters the scoped entries inherit. */
    private static Optional<RuleEntry> general(RuleSet rs, RuleEntry e) {
        return rs.entries(e.family()).stream().filter(g -> g.scope().isEverywhere()).findFirst();
    }

    /** {@code field old → new} for every value that differs, blocks such as timeLimits line by line. */
    private static List<String> changes(Map<String, Object> before, Map<String, Object> now) {
        return differing(before, now).stream()
                .map(f -> RecordFields.dotted(f) + " " + value(before.get(f)) + ARROW + value(now.get(f))).toList();
    }

    private static List<String> differing(Map<String, Object> before, Map<String, Object> now) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(now.keySet());
        return fields.stream().filter(f -> !Objects.equals(before.get(f), now.get(f))).toList();
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

    /** "重复投诉 repeat-complaint / repeat-complaint-fire": the rule's name and key, then the entry's id. */
    private static String name(RuleEntry e) {
        return RuleFamilies.SHIPPED.of(e.family()).name().zh() + " " + e.family().key() + " / " + e.id();
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
