package org.gridwarden.report;

/** One line of a totals table (by rule, level or department): what is counted and its count with the trend. */
public record TotalRow(Label label, Trend trend) {}
