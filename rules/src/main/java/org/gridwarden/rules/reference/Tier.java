package org.gridwarden.rules.reference;

/** Administrative tier of a department, in escalation order: 街道 → 区职能部门 → 督查室. */
public enum Tier {
    STREET,
    DISTRICT,
    SUPERVISION;

    public Tier next() {
        return this == SUPERVISION ? SUPERVISION : values()[ordinal() + 1];
    }
}
