package org.gridwarden.importer;

/** Something with an id and the name a person reads, e.g. a grid made from a neighbourhood. */
public record Named(String id, String name) {}
