package org.gridwarden.rules.reference;

import java.io.Serializable;

/** 社区 */
public record Community(String id, String name, String nameEn) implements Serializable {}
