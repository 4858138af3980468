package org.gridwarden.rules.reference;

import java.io.Serializable;
import java.util.List;

/** 区: the district, its time zone (all calendar arithmetic happens there) and its streets. */
public record District(String id, String name, String nameEn, String timeZone, List<Street> streets)
        implements Serializable {}
