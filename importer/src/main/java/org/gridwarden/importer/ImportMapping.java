package org.gridwarden.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a city's CSV export of its service ledger becomes input contract v1 (台账导入映射), as read from its YAML
 * file by {@link ImportMappingReader}.
 *
 * @param file the mapping file, named in messages
 * @param source what the export is, for the summary
 * @param exportedAt when the export was taken (its "as of" time), the horizon of a replay of the import; null
 *     when the file does not say (then the command's option, else the newest event)
 * @param reference names for {@code --emit-reference}; null when the file gives none
 * @param warnings what the file says that is probably not meant, e.g. two table keys equal but for their case
 *     that map to different values; each {@code FILE:LINE:COLUMN: field: message}
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
        AddressMapping address,
        DueMapping due,
        Instant exportedAt,
        ReferenceNames reference,
        List<String> warnings) {

    public ImportMapping {
        warnings = List.copyOf(warnings);
    }

    /**
     * The columns by meaning.
     *
     * @param due null when the export has no promised times: then the rule set's time limits apply
     * @param closed null when the export has no close times (then no status may mean closed)
     * @param address null, or the address as the requester gave it
     * @param building null, or a building id
     * @param status null when only close times say what is closed
     * @param family null, or the category family of the request type (e.g. Boston's reason)
     */
    public record Columns(Column caseId, Column created, Column due, Column closed, Column status, Column category,
            Column channel, Column department, Column area, Column address, Column building, Column family) {

        /** Every column named, in the order above. */
        public List<Column> named() {
            return Stream.of(caseId, created, due, closed, status, category, channel, department, area, address,
                    building, family).filter(c -> c != null).toList();
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
