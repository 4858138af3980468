package org.gridwarden.rules.reference;

import java.io.Serializable;
import java.util.List;

/**
 * 街道: a subdistrict and its communities.
 *
 * @param department the id of this street's office (街道办事处) in the departments file
 */
public record Street(String id, String name, String nameEn, String department, List<Community> communities)
        implements Serializable {}
