package org.gridwarden.testkit.generate;

/** Where the manifest's expected alerts come from. */
public enum ExpectedAlerts {
    /**
     * Worked out again from the records as written, a plain restatement of each rule over the whole streams
     * ({@link AlertOracle}): independent of how the simulator placed anything, so it catches an alert raised by
     * accident. Keeps the records the rules look at in memory until the end.
     */
    RECORDS,
    /**
     * The failures the simulator injected on purpose, each with the time its alert is due. The same as
     * {@link #RECORDS} as long as nothing raises an alert by accident, which the tests check; much faster and
     * leaner for a big city.
     */
    INJECTED
}
