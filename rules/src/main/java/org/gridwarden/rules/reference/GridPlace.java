package org.gridwarden.rules.reference;

import java.io.Serializable;

/** A grid with the community and street it lies in, resolved once at load time. */
public record GridPlace(Grid grid, Community community, Street street) implements Serializable {}
