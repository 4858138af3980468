package org.gridwarden.rules.model;

/** What a grid worker's report (网格员上报) is about. */
public enum ReportKind {
    /** Routine patrol (日常巡查); {@code hazardFound} says whether anything was found. */
    PATROL,
    /** A hazard found (发现隐患). */
    HAZARD,
    /** A hazard reported earlier has been removed (隐患消除). */
    HAZARD_CLEARED,
    /** Something happened (突发事件). */
    INCIDENT,
    /** A household visit (走访). */
    VISIT;

    public boolean needsCategory() {
        return this == HAZARD || this == INCIDENT;
    }
}
