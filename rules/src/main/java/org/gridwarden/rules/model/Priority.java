package org.gridwarden.rules.model;

/** Case priority; URGENT cases get the shorter time limits of their class. */
public enum Priority {
    URGENT,
    NORMAL
}
