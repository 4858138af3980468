package org.gridwarden.jobs.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwarden.rules.testing.Fixtures;

/** Candidate rule sets as a supervisor writes them: the shipped file's text with one value edited. */
final class CandidateRuleSets {

    static final Path SHIPPED = Fixtures.projectRoot().resolve("rules/ruleset.yaml");

    private static final Pattern VERSION = Pattern.compile("(?m)^version: .*$");
    private static final Pattern REPEAT_THRESHOLD =
            Pattern.compile("(rule: repeat-complaint\\s*\\n\\s*threshold:) 3\\b");

    private CandidateRuleSets() {}

    /** The shipped rule set with the repeat-complaint threshold lowered from 3 to {@code threshold}. */
    static Path repeatThreshold(Path dir, int threshold) throws IOException {
        String text = Files.readString(SHIPPED, StandardCharsets.UTF_8);
        text = replaceOnce(VERSION, text, "version: \"2026.11-repeat-" + threshold + "\"");
        text = replaceOnce(REPEAT_THRESHOLD, text, "$1 " + threshold);
        Path file = dir.resolve("repeat-threshold-" + threshold + ".yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String replaceOnce(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(SHIPPED + " no longer has " + pattern + "; adapt this edit");
        }
        return m.replaceFirst(replacement);
    }
}
