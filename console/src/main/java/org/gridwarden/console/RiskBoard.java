package org.gridwarden.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.rules.risk.GridRisk;

/** The latest risk index of every grid that has one, as the compacted risk topic holds it. */
final class RiskBoard {

    private final Map<String, GridRisk> latest = new LinkedHashMap<>();

    /** Keeps {@code risk} unless an index published later is known already; true when it changed the map. */
    synchronized boolean put(GridRisk risk) {
        GridRisk known = latest.get(risk.gridId());
        if (known != null && known.at().isAfter(risk.at())) {
            return false;
        }
        latest.put(risk.gridId(), risk);
        return true;
    }

    synchronized GridRisk of(String gridId) {
        return latest.get(gridId);
    }

    synchronized List<GridRisk> all() {
        return new ArrayList<>(latest.values());
    }
}
