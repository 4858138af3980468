package org.gridwarden.app.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each process logs to a file of its own, named by its command, start time and process id, e.g.
 * {@code logs/gridwarden-replay-20261205-084512-4242.log}: a replay started during a demo must neither wipe the
 * demo's log nor write into it. The name goes into the system property that log4j2.properties reads, so it
 * must be set before anything logs.
 */
final class ProcessLog {

    /** Read by log4j2.properties for the file name. */
    static final String NAME_PROPERTY = "gridwarden.log.name";

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private ProcessLog() {}

    /** Names this process's log file unless a name was given (-Dgridwarden.log.name=...). */
    static void name(String[] args) {
        if (System.getProperty(NAME_PROPERTY) == null) {
            System.setProperty(NAME_PROPERTY, name(args, LocalDateTime.now(), ProcessHandle.current().pid()));
        }
    }

    /** {@code gridwarden-<command>-<yyyyMMdd-HHmmss>-<pid>}, the command as typed ("rules deploy": rules-deploy). */
    static String name(String[] args, LocalDateTime started, long pid) {
        List<String> parts = new ArrayList<>(List.of("gridwarden"));
        String command = command(args);
        if (!command.isEmpty()) {
            parts.add(command);
        }
        parts.add(STARTED.format(started));
        parts.add(Long.toString(pid));
        return String.join("-", parts);
    }

    /** The command words before the first option; only letters and digits, so no argument can reach a path. */
    static String command(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") || words.size() == 2) {
                break;
            }
            String word = arg.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (word.isEmpty() || !words.isEmpty() && !words.get(0).equals("rules")) {
                break;
            }
            words.add(word);
        }
        return String.join("-", words);
    }
}
