package org.gridwarden.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.rules.reference.Community;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.Street;

/**
 * The district as the map draws it: streets, their communities, their grids, in the reference data's order, and
 * the departments by id. A grid is a tile unless the reference data has {@code grids.geojson} (a GeoJSON
 * FeatureCollection whose features carry {@code properties.gridId}): then the map draws the grid's outline.
 */
record GridLayout(String district, String districtEn, List<StreetTiles> streets, Map<String, Names> departments,
        JsonNode geometry) {

    /** A name in both languages. */
    record Names(String zh, String en) {}

    record StreetTiles(String id, String name, String nameEn, List<CommunityTiles> communities) {}

    record CommunityTiles(String id, String name, String nameEn, List<Tile> grids) {}

    record Tile(String id, String name) {}

    /** The geometry file beside the reference data's other files, when it has one. */
    static final String GEOMETRY_FILE = "grids.geojson";

    static GridLayout of(ReferenceData reference, Path referenceDir, ObjectMapper json) {
        Map<String, List<Tile>> byCommunity = new HashMap<>();
        for (GridPlace p : reference.grids()) {
            byCommunity.computeIfAbsent(p.grid().communityId(), c -> new ArrayList<>())
                    .add(new Tile(p.grid().gridId(), p.grid().name()));
        }
        List<StreetTiles> streets = new ArrayList<>();
        for (Street s : reference.streets()) {
            List<CommunityTiles> communities = new ArrayList<>();
            for (Community c : s.communities()) {
                communities.add(new CommunityTiles(c.id(), c.name(), c.nameEn(),
                        byCommunity.getOrDefault(c.id(), List.of())));
            }
            streets.add(new StreetTiles(s.id(), s.name(), s.nameEn(), communities));
        }
        Map<String, Names> departments = new HashMap<>();
        for (Department d : reference.departments()) {
            departments.put(d.id(), new Names(d.name(), d.nameEn()));
        }
        return new GridLayout(reference.district().name(), reference.district().nameEn(), streets, departments,
                geometry(referenceDir, json));
    }

    private static JsonNode geometry(Path referenceDir, ObjectMapper json) {
        Path file = referenceDir == null ? null : referenceDir.resolve(GEOMETRY_FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode collection = json.readTree(file.toFile());
            if (!"FeatureCollection".equals(collection.path("type").asText())) {
                throw new IllegalArgumentException(file + ": expected a GeoJSON FeatureCollection");
            }
            return collection;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
