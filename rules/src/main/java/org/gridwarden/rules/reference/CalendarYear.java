package org.gridwarden.rules.reference;

import java.io.Serializable;
import java.util.List;

/** One year of the official holiday arrangement. */
public record CalendarYear(int year, List<Holiday> holidays) implements Serializable {}
