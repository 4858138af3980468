package org.gridwarden.report;

/** A warning shown at the top of the report, in Chinese (the page) and in English (the Markdown twin). */
public record Notice(String chinese, String english) {}
