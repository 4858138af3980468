package org.gridwarden.rules.ruleset;

/** A rule family's section of the rule set, which a supervisor can switch off without a code change. */
public interface Switchable {

    boolean enabled();

    /** Whether a section is present and switched on; an absent section switches its rule off. */
    static boolean on(Switchable section) {
        return section != null && section.enabled();
    }
}
