package org.gridwarden.testkit.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwarden.rules.model.Channel;

/**
 * How much happens in the city on a day: per grid, what its grid worker does; per thousand residents, how many
 * cases they open through each channel. A grid's residents are its households times
 * {@link #RESIDENTS_PER_HOUSEHOLD}. The intake rates are those of a grid of typical activity: grids differ by a
 * log-normal factor of median 1 and sigma 0.35 (the residents of some turn to the city more readily), so a
 * city's average is about 6% above them. The failures the rules look for are injected at rates of their own,
 * in proportion to the city's grids.
 *
 * @param patrolRounds patrol rounds (巡查) a grid worker walks on a day they patrol; they skip a day now and then
 * @param visitsPerGrid household visits (入户走访) per grid per day
 * @param hazardsPerGrid hazards a grid worker finds and reports per grid per day
 * @param casesPerThousandResidents cases opened per thousand residents per day, per channel (hotline, app,
 *     window, inspection, sensor); window and inspection cases only on working days. Cases of the GRID channel
 *     come from the hazards grid workers report.
 */
public record CityRates(int patrolRounds, double visitsPerGrid, double hazardsPerGrid,
        Map<Channel, Double> casesPerThousandResidents) {

    /**
     * Residents per household: between the national average of 2.62 per family household of the 2020 census
     * (第七次全国人口普查) and the 2.3 or so of the largest cities; it makes a grid of 400 households, the middle
     * of the usual 300-500, a thousand residents.
     */
    public static final double RESIDENTS_PER_HOUSEHOLD = 2.5;

    /** The channels residents, inspections and sensors open cases through, in the order the simulation draws them. */
    public static final List<Channel> INTAKE_CHANNELS =
            List.of(Channel.HOTLINE, Channel.APP, Channel.WINDOW, Channel.INSPECTION, Channel.SENSOR);

    /** The sample district: a daily patrol, a visit every five days, a hazard a month; 0.24 cases a day per 1,000 residents. */
    public static final CityRates SAMPLE = new CityRates(1, 0.2, 0.03,
            intake(0.11, 0.055, 0.04, 0.02, 0.015));

    /**
     * A megacity's grids are busier: two patrol rounds a day, a household visit a day (each household about once
     * a year), a hazard every ten days, and residents who turn to the city readily, hotline first, as the largest
     * cities' 12345 lines see: 1.19 cases a day per 1,000 residents, about 0.43 a year per resident.
     */
    public static final CityRates MEGACITY = new CityRates(2, 1.0, 0.1,
            intake(0.62, 0.38, 0.05, 0.04, 0.10));

    public CityRates {
        if (patrolRounds < 1) {
            throw new IllegalArgumentException("patrol rounds per day must be at least 1, not " + patrolRounds);
        }
        requireRate("visits per grid", visitsPerGrid);
        requireRate("hazards per grid", hazardsPerGrid);
        if (casesPerThousandResidents == null || !casesPerThousandResidents.keySet().equals(Set.copyOf(INTAKE_CHANNELS))) {
            throw new IllegalArgumentException("cases per thousand residents are needed for exactly the channels "
                    + INTAKE_CHANNELS + ", not " + (casesPerThousandResidents == null ? null : casesPerThousandResidents.keySet()));
        }
        casesPerThousandResidents.forEach((c, rate) -> requireRate(c + " cases per thousand residents", rate));
        casesPerThousandResidents = Collections.unmodifiableMap(new EnumMap<>(casesPerThousandResidents));
    }

    /** These rates with some channels' intake replaced. */
    public CityRates withIntake(Map<Channel, Double> changed) {
        for (Channel c : changed.keySet()) {
            if (!INTAKE_CHANNELS.contains(c)) {
                throw new IllegalArgumentException("no intake rate for channel " + c + ": GRID cases come from the"
                        + " hazards grid workers report (hazards per grid); give one of " + INTAKE_CHANNELS);
            }
        }
        Map<Channel, Double> intake = new EnumMap<>(casesPerThousandResidents);
        intake.putAll(changed);
        return new CityRates(patrolRounds, visitsPerGrid, hazardsPerGrid, intake);
    }

    public CityRates withPatrolRounds(int rounds) {
        return new CityRates(rounds, visitsPerGrid, hazardsPerGrid, casesPerThousandResidents);
    }

    public CityRates withVisitsPerGrid(double visits) {
        return new CityRates(patrolRounds, visits, hazardsPerGrid, casesPerThousandResidents);
    }

    public CityRates withHazardsPerGrid(double hazards) {
        return new CityRates(patrolRounds, visitsPerGrid, hazards, casesPerThousandResidents);
    }

    /** Cases a day per thousand residents through all channels together. */
    public double casesPerThousandResidentsInAll() {
        return casesPerThousandResidents.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double casesPerThousandResidents(Channel channel) {
        return casesPerThousandResidents.get(channel);
    }

    private static Map<Channel, Double> intake(double hotline, double app, double window, double inspection,
            double sensor) {
        Map<Channel, Double> intake = new EnumMap<>(Channel.class);
        intake.put(Channel.HOTLINE, hotline);
        intake.put(Channel.APP, app);
        intake.put(Channel.WINDOW, window);
        intake.put(Channel.INSPECTION, inspection);
        intake.put(Channel.SENSOR, sensor);
        return intake;
    }

    private static void requireRate(String what, Double rate) {
        if (rate == null || !(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(what + " must be a rate of 0 or more, not " + rate);
        }
    }
}
