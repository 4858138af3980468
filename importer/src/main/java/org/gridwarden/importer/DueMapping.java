package org.gridwarden.importer;

/**
 * What a case gets whose row has no due time (or whose export has no due column at all).
 *
 * @param whenBlank {@link WhenBlank#NONE} unless the mapping says otherwise and names a due column;
 *     {@link WhenBlank#TIME_LIMIT} when it names none
 */
public record DueMapping(WhenBlank whenBlank) {

    public enum WhenBlank {
        /** The rule set's time limit of its category and priority decides its deadline (dueAt left out). */
        TIME_LIMIT("timeLimit"),
        /** No deadline at all (noDeadline: true): it raises no deadline alert, but counts for every other rule. */
        NONE("none");

        private final String word;

        WhenBlank(String word) {
            this.word = word;
        }

        /** As the mapping writes it. */
        public String word() {
            return word;
        }
    }
}
