package org.gridwarden.jobs.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a city's CSV export of its service ledger becomes input contract v1 (台账导入映射), as read from its YAML
 * file by {@link ImportMappingReader}.
 *
 * @param file the mapping file, named in messages
 * @param source what the export is, for the summary
 * @param reference names for {@code --emit-reference}; null when the file gives none
 */
public record ImportMapping(
        Path file,
        String source,
        Columns columns,
        ExportTime time,
        StatusMapping status,
        CategoryMapping category,
        ChannelMapping channel,
        DepartmentMapping department,
        AreaMapping area,
        ReferenceNames reference) {

    /**
     * The columns by meaning.
     *
     * @param due null when the export has no promised times: then the rule set's time limits apply
     * @param closed null when the export has no close times (then no status may mean closed)
     * @param address null, or the address as the requester gave it
     * @param building null, or a building id
     */
    public record Columns(Column caseId, Column created, Column due, Column closed, Column status, Column category,
            Column channel, Column department, Column area, Column address, Column building) {

        /** Every column named, in the order above. */
        public List<Column> named() {
            return Stream.of(caseId, created, due, closed, status, category, channel, department, area, address,
                    building).filter(c -> c != null).toList();
        }
    }

    /**
     * The names {@code --emit-reference} gives what the export does not name.
     *
     * @param district the district (区) the export covers
     * @param office the first-tier office (街道办事处) of the one street that holds every grid
     * @param supervision the supervision (督查室) escalated overdue cases go to
     */
    public record ReferenceNames(Named district, Named office, Named supervision) {}
}
