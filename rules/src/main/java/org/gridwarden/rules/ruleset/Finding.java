package org.gridwarden.rules.ruleset;

/**
 * A problem found in a rule set, before it is placed in its file: where (a JSON pointer such as
 * {@code /rules/2/window}, into the file or, from the validator, into the parsed rule set's entries) and what.
 *
 * @param atKey point at the field's name rather than its value (an unknown or repeated field)
 * @param related a second place the message names as {@code {line}}, e.g. the entry that shadows this one
 */
record Finding(String pointer, boolean atKey, String message, String related) {

    static final String LINE = "{line}";

    static Finding at(String pointer, String message) {
        return new Finding(pointer, false, message, null);
    }

    static Finding atKey(String pointer, String message) {
        return new Finding(pointer, true, message, null);
    }

    /** A finding whose message names the line of {@code related} where it says {@link #LINE}. */
    static Finding at(String pointer, String message, String related) {
        return new Finding(pointer, false, message, related);
    }

    Finding movedTo(String newPointer) {
        return new Finding(newPointer, atKey, message, related);
    }

    /** The pointer of a field or element below {@code parent}, escaped as RFC 6901 requires. */
    static String child(String parent, Object name) {
        return parent + "/" + name.toString().replace("~", "~0").replace("/", "~1");
    }
}
