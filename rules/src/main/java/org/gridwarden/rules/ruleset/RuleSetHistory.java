package org.gridwarden.rules.ruleset;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * The rule sets in force over time (规则集沿革), ordered by {@code effectiveFrom}. Every decision uses the
 * version in force at the event time of the event it is about, so a replay of last month decides as the live
 * job did then. Events before the first version's {@code effectiveFrom} fall under the first version.
 */
public final class RuleSetHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<RuleSet> versions;
    /** Derived from {@code versions} on first use; two threads may both build it, to the same effect. */
    private transient volatile List<Map<RuleFamily, List<Candidate>>> candidates;

    private RuleSetHistory(List<RuleSet> versions) {
        this.versions = List.copyOf(versions);
    }

    public static RuleSetHistory of(RuleSet only) {
        return new RuleSetHistory(List.of(only));
    }

    /**
     * The versions in order of {@code effectiveFrom}. Two versions with the same name, or in force from the
     * same instant, make the history ambiguous and are refused.
     */
    public static RuleSetHistory of(List<RuleSet> versions) {
        if (versions.isEmpty()) {
            throw new RuleSetException(List.of("no rule set given"));
        }
        List<RuleSet> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(RuleSet::effectiveFrom));
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            RuleSet before = sorted.get(i - 1);
            RuleSet now = sorted.get(i);
            if (now.effectiveFrom().equals(before.effectiveFrom())) {
                problems.add("versions " + before.version() + " and " + now.version() + " are both in force from "
                        + now.effectiveFrom() + "; give the newer one a later effectiveFrom");
            }
        }
        sorted.stream().map(RuleSet::version).distinct()
                .filter(v -> sorted.stream().filter(r -> r.version().equals(v)).count() > 1)
                .forEach(v -> problems.add("version " + v + " is given twice; every version needs its own name"));
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSetHistory(sorted);
    }

    /** This history with one more version, e.g. one a supervisor puts live. */
    public RuleSetHistory with(RuleSet next) {
        List<RuleSet> all = new ArrayList<>(versions);
        all.add(next);
        return of(all);
    }

    public List<RuleSet> versions() {
        return versions;
    }

    public RuleSet latest() {
        return versions.get(versions.size() - 1);
    }

    /** The version in force at {@code t}. */
    public RuleSet at(Instant t) {
        return versions.get(indexAt(t));
    }

    private int indexAt(Instant t) {
        int inForce = 0;
        for (int i = 1; i < versions.size() && !versions.get(i).effectiveFrom().isAfter(t); i++) {
            inForce = i;
        }
        return inForce;
    }

    /**
     * The parameters that decide an event of {@code family} at time {@code t}, grid {@code gridId} and
     * category {@code categoryCode} (null when the rule has none), or empty when no entry covers it or the
     * entry that does is switched off.
     */
    @SuppressWarnings("unchecked")
    public <P extends RuleParameters> Optional<InForce<P>> inForce(
            ReferenceData reference, RuleFamily family, Instant t, String gridId, String categoryCode) {
        GridPlace place = null;
        Category category = null;
        boolean lookedUp = false;
        for (Candidate c : candidates().get(indexAt(t)).getOrDefault(family, List.of())) {
            if (!c.entry().scope().isEverywhere()) {
                if (!lookedUp) {
                    place = gridId == null ? null : reference.grid(gridId).orElse(null);
                    category = categoryCode == null ? null : reference.category(categoryCode).orElse(null);
                    lookedUp = true;
                }
                if (!c.entry().scope().covers(place, category)) {
                    continue;
                }
            }
            return (Optional<InForce<P>>) (Optional<?>) c.decision();
        }
        return Optional.empty();
    }

    /**
     * Every event of every rule asks which entry applies, so each version's entries are sorted by family once,
     * with their answer ready: the lookup allocates nothing, and an unscoped entry needs no reference lookup.
     */
    private List<Map<RuleFamily, List<Candidate>>> candidates() {
        List<Map<RuleFamily, List<Candidate>>> c = candidates;
        if (c == null) {
            c = versions.stream().map(RuleSetHistory::candidatesOf).toList();
            candidates = c;
        }
        return c;
    }

    private static Map<RuleFamily, List<Candidate>> candidatesOf(RuleSet rs) {
        Map<RuleFamily, List<Candidate>> byFamily = new HashMap<>();
        for (RuleEntry e : rs.rules()) {
            Optional<InForce<RuleParameters>> decision = e.enabled()
                    ? Optional.of(new InForce<>(rs.version(), e.id(), e.parameters())) : Optional.empty();
            byFamily.computeIfAbsent(e.family(), f -> new ArrayList<>()).add(new Candidate(e, decision));
        }
        return byFamily;
    }

    /** An entry, and what it decides when it is the first to cover an event: itself, or nothing when off. */
    private record Candidate(RuleEntry entry, Optional<InForce<RuleParameters>> decision) {}

    /** Whether any version switches the family on anywhere, i.e. whether its operators must run. */
    public boolean runs(RuleFamily family) {
        return versions.stream().anyMatch(rs -> rs.runs(family));
    }

    /** Every enabled entry's parameters of a family across all versions, e.g. to size state retention. */
    @SuppressWarnings("unchecked")
    public <P extends RuleParameters> List<P> allParameters(RuleFamily family) {
        return versions.stream().flatMap(rs -> rs.entries(family).stream()).filter(RuleEntry::enabled)
                .map(e -> (P) e.parameters()).toList();
    }

    /**
     * The longest period any enabled entry of any version gives, e.g. how long state must be kept so that
     * every version's window fits; zero when the family never runs.
     */
    public <P extends RuleParameters> Duration longest(RuleFamily family, Function<P, TimeSpan> period) {
        return this.<P>allParameters(family).stream().map(p -> period.apply(p).toDuration())
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /**
     * Parameters with the rule-set version and the entry that gave them, so an alert names what produced it.
     */
    public record InForce<P extends RuleParameters>(String version, String entryId, P parameters)
            implements Serializable {}
}
