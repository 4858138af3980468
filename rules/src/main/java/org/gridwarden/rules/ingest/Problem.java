package org.gridwarden.rules.ingest;

/** Why a record cannot be used: a {@link org.gridwarden.rules.model.DeadLetter} reason code and a detail. */
public record Problem(String reason, String detail) {}
