package org.gridwarden.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridwarden.rules.privacy.Pseudonyms;

/**
 * Where the key that pseudonymises complainant ids comes from: a file named on the command line or by the
 * environment variable {@value #ENVIRONMENT}, never the repository. Only the demo, the benchmark and tests fall
 * back to the public sample key {@value #SAMPLE}. Messages name the file, never its content.
 */
public final class PseudonymKey {

    public static final String ENVIRONMENT = "GRIDWARDEN_PSEUDONYM_KEY_FILE";
    public static final String SAMPLE = "sample-data/sample-pseudonym.key";

    private PseudonymKey() {}

    /** The key from {@code option}, else from the environment; one clear message when there is neither. */
    public static Pseudonyms required(Path option) {
        String fromEnvironment = System.getenv(ENVIRONMENT);
        Path file = option != null ? option
                : fromEnvironment != null && !fromEnvironment.isBlank() ? Path.of(fromEnvironment) : null;
        if (file == null) {
            throw new IllegalArgumentException("--pseudonym-key-file FILE (or " + ENVIRONMENT + ") is required:"
                    + " the secret key that pseudonymises complainant ids (README, Personal data)");
        }
        return load(file);
    }

    /** {@code given}, or for the demo, the benchmark and tests the sample key of the installation. */
    public static Pseudonyms orSample(Pseudonyms given) {
        return given != null ? given : load(sampleFile());
    }

    /** The sample key below {@code gridwarden.home} or the working directory, or a directory above it (tests). */
    private static Path sampleFile() {
        Path dir = Path.of(System.getProperty("gridwarden.home", ".")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(SAMPLE))) {
                return d.resolve(SAMPLE);
            }
        }
        throw new IllegalArgumentException("no " + SAMPLE + " in " + dir + " or above it");
    }

    private static Pseudonyms load(Path file) {
        try {
            return Pseudonyms.fromKeyFile(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the pseudonym key file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
