package org.gridwarden.rules.ruleset;

/**
 * One problem of a rule-set file, placed in it:
 * {@code FILE:LINE:COLUMN: <entry id or top-level field>.<field path>: <message>}.
 *
 * @param line 1-based; 0 when the problem concerns the file as a whole (it cannot be read)
 * @param field e.g. {@code repeat-complaint-fire.threshold} or {@code ingest.allowedLateness}; null when the
 *     problem lies in no field (a YAML syntax error, a file that is not a rule set)
 */
public record RuleSetProblem(String source, int line, int column, String field, String message) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line + ":" + column : "") + ": " + (field != null ? field + ": " : "")
                + message;
    }
}
