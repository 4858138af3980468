package org.gridwarden.testkit.generate;

/** How the generated streams are laid out on disk. */
public enum Layout {
    /** One file per stream: {@code grid-reports.jsonl}, {@code ledger-events.jsonl}. */
    SINGLE,
    /**
     * A day archive (按日归档) as a city keeps one: {@code YYYY-MM-DD/grid-reports.jsonl} and
     * {@code YYYY-MM-DD/ledger-events.jsonl}, one directory per local day of the district, each holding the
     * records whose event time falls on that day.
     */
    DAYS
}
