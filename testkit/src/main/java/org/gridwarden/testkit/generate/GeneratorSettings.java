package org.gridwarden.testkit.generate;

import java.time.LocalDate;

/**
 * What to generate: how many days from which day, how busy the city is, and the seed that makes the output
 * reproducible.
 *
 * @param days simulated days, at least 1
 * @param seed the same seed and settings give byte-identical files
 * @param startDay the first simulated day, in the district's time zone
 * @param layout one file per stream, or one directory per day
 * @param rates what happens per grid and per thousand residents on a day
 * @param expectedAlerts where the manifest's expected alerts come from
 */
public record GeneratorSettings(int days, long seed, LocalDate startDay, Layout layout, CityRates rates,
        ExpectedAlerts expectedAlerts) {

    /** A Monday in November 2026, so a short run starts with a full working week. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 11, 2);

    public GeneratorSettings {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        if (startDay == null) {
            throw new IllegalArgumentException("startDay is required");
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout is required");
        }
        if (rates == null) {
            throw new IllegalArgumentException("rates are required");
        }
        if (expectedAlerts == null) {
            throw new IllegalArgumentException("expectedAlerts is required");
        }
    }

    /** The sample district's rates, the expected alerts worked out from the records. */
    public GeneratorSettings(int days, long seed, LocalDate startDay, Layout layout) {
        this(days, seed, startDay, layout, CityRates.SAMPLE, ExpectedAlerts.RECORDS);
    }

    public GeneratorSettings(int days, long seed, LocalDate startDay) {
        this(days, seed, startDay, Layout.SINGLE);
    }

    public static GeneratorSettings of(int days, long seed) {
        return new GeneratorSettings(days, seed, DEFAULT_START);
    }
}
