package org.gridwarden.importer;

import java.util.List;

/** An import mapping that cannot be used, with every problem found, each naming file, line and field. */
public class ImportMappingException extends RuntimeException {

    private final List<String> problems;

    public ImportMappingException(List<String> problems) {
        super("import mapping is not usable:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
