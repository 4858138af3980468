package org.gridwarden.testkit.generate;

/** Cities {@code generate} knows by name: how many grids, and how busy they are. */
public enum CityPreset {
    /** The sample district as its reference data has it, at the rates the sample was calibrated with. */
    SAMPLE(0, CityRates.SAMPLE),
    /**
     * 30,000 grids, some 30 million residents, at a megacity's rates: one simulated day is about 400,000 events
     * (patrols, visits, hazards, complaints and the whole lives of the cases opened that day).
     */
    MEGACITY(30_000, CityRates.MEGACITY);

    private final int grids;
    private final CityRates rates;

    CityPreset(int grids, CityRates rates) {
        this.grids = grids;
        this.rates = rates;
    }

    /** The number of grids, or {@code reference} (the reference data's) when the preset keeps it. */
    public int grids(int reference) {
        return grids > 0 ? grids : reference;
    }

    public CityRates rates() {
        return rates;
    }
}
