package org.gridwarden.rules.reference;

import java.util.List;

/** Reference data that cannot be used, with every problem found, each naming its file and, where known, line. */
public class ReferenceDataException extends RuntimeException {

    private final List<String> problems;

    public ReferenceDataException(List<String> problems) {
        super("reference data is not usable:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
