package org.gridwarden.jobs.options;

import java.nio.file.Path;
import org.gridwarden.jobs.PseudonymKey;
import org.gridwarden.rules.privacy.Pseudonyms;
import picocli.CommandLine.Option;

/** {@code --pseudonym-key-file FILE}: required by the commands that read complainant ids. */
public final class PseudonymKeyOption {

    @Option(names = "--pseudonym-key-file", paramLabel = "FILE",
            description = "Secret key that pseudonymises complainant ids (keep it out of the repository; README,"
                    + " Personal data). Default: the file named by $" + PseudonymKey.ENVIRONMENT + ".")
    Path file;

    public Pseudonyms required() {
        return PseudonymKey.required(file);
    }
}
