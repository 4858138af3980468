package org.gridwarden.importer;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the statuses of an export mean; with {@code closedByCloseTime}, a row with a close time is closed
 * whatever its status says (unless a duplicate), for exports whose status lags behind or is missing. Compared trimmed and without regard to case, since exports spell
 * the same status differently over the years.
 */
public record StatusMapping(Set<String> closed, Set<String> duplicate, Set<String> open, boolean closedByCloseTime) {

    /** What a row's status says about its case. */
    public enum Meaning {
        /** 办结: the case ends with CLOSED at the close time. */
        CLOSED,
        /** A copy of another request: not imported. */
        DUPLICATE,
        /** Still open at the export: no CLOSED. */
        OPEN
    }

    public StatusMapping {
        closed = normalized(closed);
        duplicate = normalized(duplicate);
        open = normalized(open);
    }

    public Optional<Meaning> meaning(String status) {
        String s = normalize(status);
        if (closed.contains(s)) {
            return Optional.of(Meaning.CLOSED);
        }
        if (duplicate.contains(s)) {
            return Optional.of(Meaning.DUPLICATE);
        }
        return open.contains(s) ? Optional.of(Meaning.OPEN) : Optional.empty();
    }

    static String normalize(String status) {
        return Tables.key(status);
    }

    private static Set<String> normalized(Set<String> statuses) {
        return statuses.stream().map(StatusMapping::normalize).collect(Collectors.toUnmodifiableSet());
    }
}
