package org.gridwarden.jobs.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gridwarden.connectors.kafka.RuleSetSubmission;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.rules.ruleset.RuleSetCheck;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.ruleset.RuleSetLoader;

/**
 * Whether a submitted rule-set version may go live after the versions in force (上线检查): it must parse, pass
 * every check against the district's reference data, and extend the history: a version name of its own and an
 * {@code effectiveFrom} later than the newest version's, so that no decision already taken falls under it.
 */
public final class RuleSetAdmission {

    /**
     * The checked rule set (null when it has problems of its own), the time it says it is in force from (null
     * when unreadable) and every problem (none when admitted).
     */
    public record Verdict(RuleSet ruleSet, Instant effectiveFrom, List<String> problems) {

        public boolean admitted() {
            return problems.isEmpty();
        }
    }

    private RuleSetAdmission() {}

    /** @param topic the control topic, which together with the version names the text in every problem */
    public static Verdict check(RuleSetSubmission submission, String topic, ReferenceData reference,
            RuleSetHistory inForce) {
        String source = topic + "[" + submission.version() + "]";
        RuleSetCheck checked = RuleSetLoader.check(source, submission.text(), reference);
        RuleSet ruleSet = checked.ruleSet();
        List<String> problems = new ArrayList<>(checked.messages());
        // the history checks too, even for a file with problems of its own: every problem at once
        Header header = ruleSet != null ? new Header(ruleSet.version(), ruleSet.effectiveFrom())
                : Header.of(submission.text());
        if (header.version() != null && !header.version().equals(submission.version())) {
            problems.add(source + ": version: the rule set says " + header.version() + " but was submitted as "
                    + submission.version() + "; submit it with gridwarden rules deploy, which takes the version"
                    + " from the file");
        }
        if (inForce.versions().stream().anyMatch(rs -> rs.version().equals(submission.version()))) {
            problems.add(source + ": version: " + submission.version() + " is already in force; a changed rule set"
                    + " needs a version name of its own");
        }
        RuleSet newest = inForce.latest();
        if (header.effectiveFrom() != null && !header.effectiveFrom().isAfter(newest.effectiveFrom())) {
            problems.add(source + ": effectiveFrom: " + local(header.effectiveFrom(), reference) + " is not later"
                    + " than " + local(newest.effectiveFrom(), reference) + ", from when the newest version in force ("
                    + newest.version() + ") applies; a new version can only take over from a later time");
        }
        return new Verdict(ruleSet, header.effectiveFrom(), problems);
    }

    /** What the history checks need, read leniently from a text that may have other problems. */
    private record Header(String version, Instant effectiveFrom) {

        private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

        static Header of(String text) {
            try {
                JsonNode root = YAML.readTree(text);
                String version = root.path("version").isTextual() ? root.path("version").asText() : null;
                Instant from = null;
                try {
                    from = OffsetDateTime.parse(root.path("effectiveFrom").asText()).toInstant();
                } catch (DateTimeParseException e) {
                    // reported by the file's own checks
                }
                return new Header(version, from);
            } catch (IOException | RuntimeException e) {
                return new Header(null, null); // not YAML: reported by the file's own checks
            }
        }
    }

    private static String local(Instant t, ReferenceData reference) {
        return OffsetDateTime.ofInstant(t, reference.zone()).toString();
    }
}
