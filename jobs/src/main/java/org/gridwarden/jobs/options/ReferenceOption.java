package org.gridwarden.jobs.options;

import java.nio.file.Path;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.ReferenceDataLoader;
import picocli.CommandLine.Option;

/** The district's reference data a command works with: {@code --reference DIR}, the sample district by default. */
public final class ReferenceOption {

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Reference data directory (district.yaml, grids.csv, departments.yaml, categories.yaml,"
                    + " calendar/). Default: the sample district.")
    Path reference;

    public ReferenceData load() {
        return ReferenceDataLoader.load(directory());
    }

    /** The directory the reference data is read from. */
    public Path directory() {
        return reference != null ? reference : DistrictOptions.home().resolve("sample-data/reference");
    }
}
