package org.gridwarden.rules.complaint;

import java.util.ArrayList;
import java.util.List;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.ruleset.ChannelFilter;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * What counts as a complaint (投诉) and whom or what it is about. A complaint is a ledger CREATED event from
 * one of a section's channels; its subjects are the complainant and the place (building, else the normalised
 * address), each together with the category family, so one complaint can count for two subjects.
 */
public final class Complaints {

    private Complaints() {}

    public static boolean isComplaint(LedgerEvent e, List<Channel> channels) {
        return e.type() == LedgerEventType.CREATED && channels.contains(e.channel());
    }

    /** Whether a CREATED is a complaint for {@code family}: from a channel of the entry in force for it. */
    public static boolean isComplaint(LedgerEvent e, RuleFamily family, RuleContext ctx) {
        return e.type() == LedgerEventType.CREATED
                && ctx.inForce(family, e.at(), e.gridId(), e.category())
                        .map(r -> isComplaint(e, ((ChannelFilter) r.parameters()).channels())).orElse(false);
    }

    /**
     * The subject keys of a case: {@code complainant:<id>|<family>} when it names a complainant, and
     * {@code building:<id>|<family>}, or without a building {@code address:<normalised>|<family>}.
     */
    public static List<String> subjectKeys(LedgerEvent created, String family) {
        List<String> keys = new ArrayList<>(2);
        if (created.complainantId() != null && !created.complainantId().isBlank()) {
            keys.add("complainant:" + created.complainantId() + '|' + family);
        }
        String address = normaliseAddress(created.address());
        if (created.buildingId() != null && !created.buildingId().isBlank()) {
            keys.add("building:" + created.buildingId() + '|' + family);
        } else if (!address.isEmpty()) {
            keys.add("address:" + address + '|' + family);
        }
        return keys;
    }

    /**
     * The same address typed twice must give the same key: trims, collapses runs of whitespace (also the
     * ideographic space) to one space, and turns full-width digits and Latin letters into half-width ones.
     */
    public static String normaliseAddress(String address) {
        if (address == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(address.length());
        boolean space = false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(isFullWidthAlphanumeric(c) ? (char) (c - 0xFEE0) : c);
        }
        return out.toString();
    }

    /** A subject key as people read it in a message, e.g. 投诉人P000123, 楼栋S01C01G01-B03, 地址“湖滨路12号”. */
    public static String describeSubject(String subjectKey) {
        return describe(subjectKey).zh();
    }

    /**
     * A subject key in both languages: complainant P000123 (the pseudonym, never the person), building
     * S01C01G01-B03, address "湖滨路12号" (masked of personal numbers before it reached the rules).
     */
    public static Bilingual describe(String subjectKey) {
        String kind = subjectKey.substring(0, subjectKey.indexOf(':'));
        String id = subjectKey.substring(kind.length() + 1, subjectKey.lastIndexOf('|'));
        return switch (kind) {
            case "complainant" -> new Bilingual("投诉人" + id, "complainant " + id);
            case "building" -> new Bilingual("楼栋" + id, "building " + id);
            default -> new Bilingual("地址“" + id + "”", "address \"" + id + "\"");
        };
    }

    private static boolean isFullWidthAlphanumeric(char c) {
        return (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
    }
}
