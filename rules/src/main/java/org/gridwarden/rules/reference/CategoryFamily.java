package org.gridwarden.rules.reference;

import java.io.Serializable;

/** A family of categories that count as "the same subject" (e.g. all fire-safety categories). */
public record CategoryFamily(String id, String name, String nameEn) implements Serializable {}
