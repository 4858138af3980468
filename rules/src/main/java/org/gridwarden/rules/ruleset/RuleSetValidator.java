package org.gridwarden.rules.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.Community;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * The checks of a rule set that need meaning rather than shape: periods longer than zero and on the right
 * clock, fractions inside (0, 1), thresholds of at least 2, names the district's reference data knows,
 * calendar years for the working days counted, entries that can never apply. It works on the draft, value by
 * value, so a broken value does not hide the problems of its neighbours. Every entry is checked, switched on
 * or not, since a value written is a value someone may switch on.
 */
final class RuleSetValidator {

    private final ReferenceData reference;
    private final List<Finding> findings = new ArrayList<>();

    private RuleSetValidator(ReferenceData reference) {
        this.reference = reference;
    }

    static List<Finding> validate(RuleSetDraft draft, ReferenceData reference) {
        RuleSetValidator v = new RuleSetValidator(reference);
        v.periods("/ingest", null, RecordFields.leaves(draft.ingest()));
        v.limits(draft.ingest().get("limits"));
        v.periods("/risk", null, RecordFields.leaves(draft.risk()));
        v.risk(draft.risk());
        Map<Integer, ScopeCoverage> coverage = new HashMap<>();
        for (RuleSetDraft.Entry e : draft.entries()) {
            String at = "/rules/" + e.index();
            ScopeCoverage covers = e.scope() == null ? null : v.scope(e.family(), e.scope(), at + "/scope");
            coverage.put(e.index(), covers);
            v.periods(at, e.family(), RecordFields.leaves(e.values()));
            v.parameters(e, at, covers);
            v.shadowing(draft.entries(), coverage, e);
        }
        missingCalendarYears(draft, reference, null).ifPresent(v.findings::add);
        return v.findings;
    }

    /**
     * The finding that the district calendar lacks a year in which the rule set counts working days: from the
     * year of its {@code effectiveFrom} to that of {@code until} (the next version's, or null for its first
     * year only). Outside the known years only weekends are days off, so deadlines would silently count public
     * holidays as working days.
     */
    static Optional<Finding> missingCalendarYears(RuleSetDraft draft, ReferenceData reference, Instant until) {
        Optional<String> counted = workingDaysCounted(draft);
        if (draft.effectiveFrom() == null || counted.isEmpty()) {
            return Optional.empty();
        }
        int from = draft.effectiveFrom().atZone(reference.zone()).getYear();
        int to = until == null ? from : until.minusNanos(1).atZone(reference.zone()).getYear();
        SortedSet<Integer> known = reference.calendar().years();
        List<Integer> missing = Stream.iterate(from, y -> y <= to, y -> y + 1).filter(y -> !known.contains(y)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String years = Names.list(missing.stream().map(String::valueOf).toList());
        return Optional.of(Finding.at("/effectiveFrom", "this rule set counts working days (" + counted.get() + ")"
                + (until == null ? "" : " and is in force until " + until.atZone(reference.zone()).toOffsetDateTime())
                + ", but the district calendar has no year " + years + " (it has "
                + (known.isEmpty() ? "none" : Names.list(known.stream().map(String::valueOf).toList()))
                + "); add " + Names.list(missing.stream().map(y -> "calendar/" + y + ".yaml").toList())
                + " with the official holidays and make-up working days to the reference data"));
    }

    /** The first working-day period an entry switched on uses, e.g. {@code overdue.escalationDelay 1wd}. */
    private static Optional<String> workingDaysCounted(RuleSetDraft draft) {
        return draft.entries().stream().filter(RuleSetDraft.Entry::enabled)
                .flatMap(e -> RecordFields.leaves(e.values()).entrySet().stream()
                        .filter(l -> l.getValue() instanceof TimeSpan t && t.isWorkingDays())
                        .map(l -> e.id() + "." + RecordFields.dotted(l.getKey()) + " " + l.getValue().toString()))
                .findFirst();
    }

    private void periods(String at, RuleFamily family, Map<String, Object> leaves) {
        // the periods that may be counted in working days (工作日); every other one runs on the clock
        List<String> workingDays = family == null ? List.of() : RuleFamilies.SHIPPED.of(family).workingDayPeriods();
        leaves.forEach((field, value) -> {
            if (!(value instanceof TimeSpan span)) {
                return;
            }
            if (span.amount() <= 0) {
                findings.add(Finding.at(at + field, span + " must be longer than zero"
                        + (field.equals("/escalationDelay") ? ": escalation comes after the deadline, not at it" : "")));
            }
            if (span.isWorkingDays() && workingDays.stream().noneMatch(field::startsWith)) {
                findings.add(Finding.at(at + field, span + ": working days make no sense here, this period runs on"
                        + " the clock; write it in d, h, m or s, e.g. " + span.amount() + "d"));
            }
        });
    }

    private void risk(Map<String, Object> risk) {
        for (String field : List.of("step", "floor")) {
            if (risk.get(field) instanceof Double value && !(value > 0)) {
                findings.add(Finding.at("/risk/" + field, value + " must be greater than 0"));
            }
        }
        if (risk.get("weights") instanceof Map<?, ?> weights) {
            weights.forEach((level, weight) -> {
                if (weight instanceof Double w && !(w >= 0)) {
                    findings.add(Finding.at("/risk/weights/" + level, w + " must not be negative"));
                }
            });
        }
    }

    /** The highest limits allowed: above them one record could outgrow what Kafka carries by default. */
    private static final IngestLimits HIGHEST_LIMITS = new IngestLimits(1 << 20, 1_024, 65_536);

    private void limits(Object given) {
        if (!(given instanceof IngestLimits l)) {
            return;
        }
        limit("recordBytes", l.recordBytes(), HIGHEST_LIMITS.recordBytes(), "bytes (1 MiB)");
        limit("idChars", l.idChars(), HIGHEST_LIMITS.idChars(), "characters");
        limit("textChars", l.textChars(), HIGHEST_LIMITS.textChars(), "characters");
    }

    private void limit(String field, int value, int highest, String unit) {
        if (value < 1 || value > highest) {
            findings.add(Finding.at("/ingest/limits/" + field, value + " must lie between 1 and " + highest + " "
                    + unit));
        }
    }

    private void parameters(RuleSetDraft.Entry e, String at, ScopeCoverage coverage) {
        Map<String, Object> values = e.values();
        if (values.get("warningFraction") instanceof Double fraction && !(fraction > 0 && fraction < 1)) {
            findings.add(Finding.at(at + "/warningFraction", fraction + " must lie between 0 and 1, both excluded"
                    + " (0.8 warns when 80% of the time limit is used)"));
        }
        if (values.get("threshold") instanceof Integer threshold && threshold < 2) {
            findings.add(Finding.at(at + "/threshold", threshold + " must be at least 2 (one complaint is not a "
                    + (e.family().equals(RuleFamily.COMPLAINT_SURGE) ? "surge" : "repetition") + ")"));
        }
        if (values.get("channels") instanceof List<?> channels && channels.isEmpty()) {
            findings.add(Finding.at(at + "/channels", "an empty list; name at least one channel: "
                    + Names.either(Stream.of(Channel.values()).map(Channel::name).toList())));
        }
        if (values.get("alsoNotify") instanceof String department && reference.department(department).isEmpty()) {
            findings.add(Finding.at(at + "/alsoNotify", "'" + department + "' is not a department of "
                    + reference.district().name() + Names.didYouMean(department, departments())
                    + "; the departments are " + Names.list(departments())));
        }
        if (values.get("timeLimits") instanceof Map<?, ?> limits) {
            @SuppressWarnings("unchecked")
            Map<String, Map<Priority, TimeSpan>> timeLimits = (Map<String, Map<Priority, TimeSpan>>) limits;
            timeLimits(timeLimits, at + "/timeLimits", coverage);
        }
    }

    /** Every class has both priorities; every class a covered category uses has limits; no class is unknown. */
    private void timeLimits(Map<String, Map<Priority, TimeSpan>> timeLimits, String at, ScopeCoverage coverage) {
        Set<String> classes = reference.categories().stream().map(Category::timeLimitClass)
                .collect(Collectors.toCollection(TreeSet::new));
        timeLimits.forEach((cls, byPriority) -> {
            String classAt = Finding.child(at, cls);
            if (!classes.contains(cls)) {
                findings.add(Finding.atKey(classAt, "no category uses the time-limit class '" + cls + "'"
                        + Names.didYouMean(cls, classes) + "; the classes in categories.yaml are " + Names.list(classes)));
            }
            for (Priority priority : Priority.values()) {
                if (!byPriority.containsKey(priority)) {
                    findings.add(Finding.at(Finding.child(classAt, priority), "missing; every time-limit class needs"
                            + " a limit for " + Names.list(Stream.of(Priority.values()).map(Priority::name).toList())));
                }
            }
        });
        Map<String, List<String>> uncovered = new TreeMap<>();
        for (Category c : reference.categories()) {
            boolean covered = coverage == null || coverage.categories() == null
                    || coverage.categories().contains(c.code());
            if (covered && !timeLimits.containsKey(c.timeLimitClass())) {
                uncovered.computeIfAbsent(c.timeLimitClass(), k -> new ArrayList<>()).add(c.code());
            }
        }
        uncovered.forEach((cls, codes) -> findings.add(Finding.atKey(at, "no time limits for the class " + cls
                + ", which the categories " + Names.list(codes) + " use")));
    }

    /** Checks the names a scope gives; its coverage when all are known, else null. */
    private ScopeCoverage scope(RuleFamily family, RuleScope scope, String at) {
        int before = findings.size();
        String district = reference.district().name();
        List<String> streets = reference.streets().stream().map(s -> s.id() + " (" + s.name() + ")").toList();
        names(scope.streets(), at + "/streets", reference.streets().stream().map(s -> s.id()).toList(),
                "is not a street of " + district, name -> "; its streets are " + Names.list(streets));
        names(scope.communities(), at + "/communities", communities(), "is not a community of " + district,
                name -> "; the communities are listed under each street in district.yaml of the reference data");
        names(scope.grids(), at + "/grids", reference.grids().stream().map(g -> g.grid().gridId()).toList(),
                "is not a grid of " + district, name -> "; the grids are listed in grids.csv of the reference data");
        names(scope.families(), at + "/families", reference.families().stream().map(f -> f.id()).toList(),
                "is not a category family", name -> "; the families are " + Names.list(reference.families().stream()
                        .map(f -> f.id() + " (" + f.name() + ")").toList()));
        names(scope.categories(), at + "/categories", reference.categories().stream().map(Category::code).toList(),
                "is not a category", this::categoriesLike);
        if (findings.size() > before) {
            return null;
        }
        ScopeCoverage coverage = ScopeCoverage.of(scope, reference);
        if (coverage.coversNoGrid()) {
            findings.add(Finding.atKey(at, "covers nothing: no grid lies in all of the streets, communities and grids"
                    + " it names, so this entry never applies"));
        } else if (coverage.coversNoCategory()) {
            findings.add(Finding.atKey(at, "covers nothing: no category belongs to all of the families and"
                    + " categories it names, so this entry never applies"));
        } else if (RuleFamilies.SHIPPED.of(family).decidesWithoutCategory() && coverage.categories() != null) {
            findings.add(Finding.atKey(at, family.key() + " decides without a category (a grid falls silent whatever"
                    + " the subject), so a scope by families or categories never applies; scope it by streets,"
                    + " communities or grids"));
        }
        return coverage;
    }

    private void names(List<String> given, String at, Collection<String> known, String isNot,
            Function<String, String> whereToLook) {
        if (given == null) {
            return;
        }
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i);
            if (!known.contains(name)) {
                findings.add(Finding.at(Finding.child(at, i), "'" + name + "' " + isNot
                        + Names.didYouMean(name, known) + whereToLook.apply(name)));
            }
        }
    }

    /** Where to find a category: the categories of the family its code names, else the taxonomy file. */
    private String categoriesLike(String code) {
        String family = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
        List<String> inFamily = reference.categories().stream().filter(c -> c.family().equals(family))
                .map(Category::code).toList();
        return inFamily.isEmpty() ? "; the categories are listed in categories.yaml of the reference data"
                : "; the " + family + " categories are " + Names.list(inFamily);
    }

    /** An entry that an earlier entry of its rule covers entirely can never decide anything. */
    private void shadowing(List<RuleSetDraft.Entry> entries, Map<Integer, ScopeCoverage> coverage,
            RuleSetDraft.Entry later) {
        ScopeCoverage covered = coverage.get(later.index());
        if (covered == null || covered.coversNoGrid() || covered.coversNoCategory()) {
            return;
        }
        for (RuleSetDraft.Entry earlier : entries) {
            if (earlier.index() >= later.index()) {
                return;
            }
            if (earlier.family().equals(later.family()) && coverage.get(earlier.index()) != null
                    && coverage.get(earlier.index()).includes(covered)) {
                boolean scoped = !later.scope().isEverywhere();
                findings.add(new Finding("/rules/" + later.index() + (scoped ? "/scope" : ""), scoped,
                        "this entry never applies: the entry " + earlier.id() + " on line " + Finding.LINE
                                + " comes first and covers everything this one covers, and for each event the first"
                                + " entry that covers it applies; put narrower entries above wider ones",
                        "/rules/" + earlier.index()));
                return;
            }
        }
    }

    private List<String> communities() {
        return reference.streets().stream().flatMap(s -> s.communities().stream()).map(Community::id).toList();
    }

    private List<String> departments() {
        return reference.departments().stream().map(d -> d.id()).toList();
    }
}
