package org.gridwarden.rules.reference;

import java.io.Serializable;

/** 网格: 300-500 households patrolled by one grid worker (网格员). */
public record Grid(String gridId, String name, String communityId, int households, String workerId, String workerName)
        implements Serializable {}
