package org.gridwarden.bench;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.ReportKind;

/** The synthetic inputs of the benchmark's workloads. */
final class Inputs {

    private Inputs() {}

    static LedgerEvent created(String eventId, String caseId, Instant at, Channel channel, String category,
            String gridId, String buildingId, String complainantId, Instant dueAt) {
        return new LedgerEvent(eventId, caseId, LedgerEventType.CREATED, at, channel, category, gridId, buildingId,
                null, complainantId, Priority.NORMAL, dueAt, null, null, null, null);
    }

    static GridReport report(String reportId, ReportKind kind, String gridId, String category, String buildingId,
            Instant at) {
        return new GridReport(reportId, gridId, "W-" + gridId, kind, category, kind == ReportKind.HAZARD ? 2 : null,
                buildingId, kind == ReportKind.PATROL ? Boolean.FALSE : null, null, at, at, null);
    }

    /**
     * One case opened per position, none ever closing: a service category of the sample district, a hotline
     * case with a promised time limit of 30 days, so no deadline comes near within the span.
     */
    static final class OpenCases extends InputGenerator {
        private static final long serialVersionUID = 1L;

        OpenCases(SyntheticDistrict district, long cases, Duration span) {
            super(district, cases, span);
        }

        @Override
        void generate(long i, Instant at, Collector<Ingested> out) {
            String grid = district.gridIds().get((int) (i % district.gridIds().size()));
            String category = district.serviceCategories().get((int) (i % district.serviceCategories().size()));
            out.collect(Ingested.of(created("E" + i, "C" + i, at, Channel.HOTLINE, category, grid, null, null,
                    at.plus(Duration.ofDays(30))), null));
        }

        @Override
        Ingested marker(Instant at) {
            String grid = district.gridIds().get(0);
            return Ingested.of(created("E-marker", "C-marker", at, Channel.GRID,
                    district.serviceCategories().get(0), grid, null, null, at.plus(Duration.ofDays(30))), null);
        }
    }

    /**
     * Complaints over the span, two positions each: the complaint's CREATED (hotline, app or window, by one of
     * {@code complainants} people, about one of the district's buildings, the category fixed per person so
     * that repeats share a family), and the CLOSED of the complaint made one day earlier.
     */
    static final class Complaints extends InputGenerator {
        private static final long serialVersionUID = 1L;
        private static final Channel[] CHANNELS = {Channel.HOTLINE, Channel.APP, Channel.WINDOW};

        private final int complainants;
        private final long perDay;

        Complaints(SyntheticDistrict district, long complaints, int complainants, Duration span) {
            super(district, 2 * complaints, span);
            this.complainants = complainants;
            this.perDay = Math.max(1, complaints * Duration.ofDays(1).toMillis() / span.toMillis());
        }

        LedgerEvent complaint(long n, Instant at) {
            int person = SyntheticDistrict.pick(n, complainants);
            int building = SyntheticDistrict.pick(n + 0x5EED, district.buildings());
            String category = district.serviceCategories().get(person % district.serviceCategories().size());
            return created("E" + n, "C" + n, at, CHANNELS[(int) (n % CHANNELS.length)], category,
                    district.gridOfBuilding(building), district.buildingId(building), "P" + person,
                    at.plus(Duration.ofDays(30)));
        }

        @Override
        void generate(long i, Instant at, Collector<Ingested> out) {
            long n = i / 2;
            if (i % 2 == 0) {
                out.collect(Ingested.of(complaint(n, at), null));
            } else if (n >= perDay) {
                long closed = n - perDay;
                out.collect(Ingested.of(new LedgerEvent("X" + closed, "C" + closed, LedgerEventType.CLOSED, at,
                        null, null, null, null, null, null, null, null, null, null, "done", null), null));
            }
        }

        @Override
        Ingested marker(Instant at) {
            return Ingested.of(created("E-marker", "C-marker", at, Channel.GRID,
                    district.serviceCategories().get(0), district.gridIds().get(0), null, null,
                    at.plus(Duration.ofDays(30))), null);
        }
    }

    /**
     * Hazards over the span, five positions at a time: two hazard cases on buildings (from the hotline, the
     * app, inspections, sensors or the grid; none closes), one grid HAZARD report and two patrols that found
     * nothing, all on the district's buildings.
     */
    static final class Hazards extends InputGenerator {
        private static final long serialVersionUID = 1L;
        private static final Channel[] CHANNELS =
                {Channel.HOTLINE, Channel.APP, Channel.INSPECTION, Channel.SENSOR, Channel.GRID};

        Hazards(SyntheticDistrict district, long positions, Duration span) {
            super(district, positions, span);
        }

        @Override
        void generate(long i, Instant at, Collector<Ingested> out) {
            int building = SyntheticDistrict.pick(i, district.buildings());
            String grid = district.gridOfBuilding(building);
            String category = district.hazardCategories().get(
                    SyntheticDistrict.pick(i + 1, district.hazardCategories().size()));
            switch ((int) (i % 5)) {
                case 0, 1 -> out.collect(Ingested.of(created("E" + i, "H" + i, at, CHANNELS[(int) (i / 5 % 5)],
                        category, grid, district.buildingId(building), null, null), null));
                case 2 -> out.collect(Ingested.of(
                        report("R" + i, ReportKind.HAZARD, grid, category, district.buildingId(building), at), null));
                default -> out.collect(Ingested.of(
                        report("R" + i, ReportKind.PATROL, grid, null, district.buildingId(building), at), null));
            }
        }

        @Override
        Ingested marker(Instant at) {
            return Ingested.of(report("R-marker", ReportKind.VISIT, district.gridIds().get(0), null, null, at), null);
        }
    }

    /** Patrols of every grid in turn, evenly over the span. */
    static final class Patrols extends InputGenerator {
        private static final long serialVersionUID = 1L;

        Patrols(SyntheticDistrict district, long patrols, Duration span) {
            super(district, patrols, span);
        }

        @Override
        void generate(long i, Instant at, Collector<Ingested> out) {
            String grid = district.gridIds().get((int) (i % district.gridIds().size()));
            out.collect(Ingested.of(report("R" + i, ReportKind.PATROL, grid, null, null, at), null));
        }

        @Override
        Ingested marker(Instant at) {
            return Ingested.of(report("R-marker", ReportKind.VISIT, district.gridIds().get(0), null, null, at), null);
        }
    }
}
