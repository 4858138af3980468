package org.gridwarden.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleSet;

/**
 * Every complaint and every closing so far, by subject (complainant, building or address, with the category
 * family) and by community and family. The simulator asks it before placing a complaint, so that ordinary
 * complaints never add up to a repeat (重复投诉), never follow a closing on their subject (案结事不了) and never
 * add to a surge (群体性诉求): those happen only where they are injected.
 */
final class SubjectBook {

    /** Keeps every window check clear of the rules' boundaries. */
    static final Duration MARGIN = Duration.ofMinutes(10);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private record Mark(Instant at, String caseId) {}

    private final Duration repeatWindow;
    private final Duration closureWindow;
    private final Duration surgeWindow;
    private final Set<Channel> complaintChannels = new HashSet<>();
    private final Map<String, List<Mark>> complaints = new HashMap<>();
    private final Map<String, List<Mark>> closings = new HashMap<>();
    private final Map<String, List<Instant>> byCommunity = new HashMap<>();

    SubjectBook(RuleSet rules) {
        repeatWindow = rules.repeatComplaint().window().toDuration();
        closureWindow = rules.complaintAfterClosure().window().toDuration();
        surgeWindow = rules.complaintSurge().window().toDuration();
        complaintChannels.addAll(rules.repeatComplaint().channels());
        complaintChannels.addAll(rules.complaintAfterClosure().channels());
        complaintChannels.addAll(rules.complaintSurge().channels());
    }

    /** The subjects of a case, e.g. {@code complainant:P000123|fire} and {@code building:S01C01G01-B03|fire}. */
    static List<String> subjects(String complainantId, String buildingId, String address, String family) {
        List<String> keys = new ArrayList<>(2);
        if (complainantId != null) {
            keys.add("complainant:" + complainantId + "|" + family);
        }
        if (buildingId != null) {
            keys.add("building:" + buildingId + "|" + family);
        } else if (address != null && !address.isBlank()) {
            keys.add("address:" + WHITESPACE.matcher(address.trim()).replaceAll(" ") + "|" + family);
        }
        return keys;
    }

    boolean isComplaint(Channel channel) {
        return complaintChannels.contains(channel);
    }

    void opened(CasePlan plan, String family, String communityId) {
        LedgerEvent c = plan.created();
        List<String> keys = subjects(c.complainantId(), c.buildingId(), c.address(), family);
        for (String key : keys) {
            if (isComplaint(c.channel())) {
                complaints.computeIfAbsent(key, k -> new ArrayList<>()).add(new Mark(c.at(), c.caseId()));
            }
            for (Instant closed : plan.closings()) {
                closings.computeIfAbsent(key, k -> new ArrayList<>()).add(new Mark(closed, c.caseId()));
            }
        }
        if (isComplaint(c.channel())) {
            byCommunity.computeIfAbsent(communityId + "|" + family, k -> new ArrayList<>()).add(c.at());
        }
    }

    /**
     * Whether a complaint at {@code at} leaves its subjects alone: no other complaint on them within the repeat
     * window either side, no closing on them within the closure window before. The complaints of cases in
     * {@code ownComplaints} and the closings of cases in {@code ownClosings} belong to the injected episode.
     */
    boolean quietFor(List<String> keys, Instant at, Set<String> ownComplaints, Set<String> ownClosings) {
        Duration near = repeatWindow.plus(MARGIN);
        for (String key : keys) {
            for (Mark m : complaints.getOrDefault(key, List.of())) {
                if (!ownComplaints.contains(m.caseId()) && Duration.between(m.at(), at).abs().compareTo(near) <= 0) {
                    return false;
                }
            }
            for (Mark m : closings.getOrDefault(key, List.of())) {
                if (!ownClosings.contains(m.caseId()) && !m.at().isBefore(at.minus(closureWindow).minus(MARGIN))
                        && !m.at().isAfter(at.plus(MARGIN))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether no complaint on these subjects is already placed after {@code at}, where a closing could precede it. */
    boolean nothingAfter(List<String> keys, Instant at) {
        for (String key : keys) {
            for (Mark m : complaints.getOrDefault(key, List.of())) {
                if (!m.at().isBefore(at.minus(MARGIN))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Forgets what no complaint placed from {@code now} on can be checked against: complaints a repeat window
     * back, closings a closure window back, community complaints a surge window back. A city's history would
     * otherwise grow day by day.
     */
    void forgetBefore(Instant now) {
        forget(complaints, now.minus(repeatWindow).minus(MARGIN));
        forget(closings, now.minus(closureWindow).minus(MARGIN));
        Instant surges = now.minus(surgeWindow).minus(MARGIN);
        byCommunity.values().removeIf(times -> {
            times.removeIf(t -> t.isBefore(surges));
            return times.isEmpty();
        });
    }

    private static void forget(Map<String, List<Mark>> marks, Instant before) {
        marks.values().removeIf(list -> {
            list.removeIf(m -> m.at().isBefore(before));
            return list.isEmpty();
        });
    }

    /** Whether any complaint of the family came from the community between the two instants. */
    boolean communityBusy(String communityId, String family, Instant from, Instant to) {
        return byCommunity.getOrDefault(communityId + "|" + family, List.of()).stream()
                .anyMatch(t -> !t.isBefore(from) && !t.isAfter(to));
    }
}
