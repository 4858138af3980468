package org.gridwarden.jobs.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridwarden.jobs.generate.DistrictTime.Window;
import org.gridwarden.jobs.generate.GridProfile.Complainant;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.OverdueRules;

/**
 * A day in the district, grid by grid in reference order: the grid worker's patrol, visits, hazards and their
 * clearance (网格员上报), and the cases that residents, inspections, sensors and grid workers open in the
 * ledger (服务台账). Everything that happens later is planned into the two schedules.
 */
final class DistrictSimulator {

    private static final double PATROL_SHARE = 0.93;
    private static final double HAZARDS_PER_DAY = 0.03;
    private static final double VISITS_PER_DAY = 0.2;
    private static final double INCIDENTS_PER_DAY = 0.004;
    /** The rest are grid hazard reports that never become a case. */
    private static final double HAZARD_OPENS_CASE = 0.85;
    private static final double CLEARED_AFTER_CASE = 0.7;
    private static final double CLEARED_WITHOUT_CASE = 0.5;
    private static final double UNDER_REPORTING_GRIDS = 0.1;
    private static final double UNDER_REPORTING = 0.25;
    private static final int REGULARS_PER_GRID = 2;
    private static final double REGULAR_COMPLAINANT = 0.12;
    private static final double REGULAR_SUBJECT = 0.7;
    private static final double BUILDING_NAMED = 0.7;
    private static final double URGENT_HAZARD = 0.2;
    private static final double URGENT_SERVICE = 0.04;
    /** A grid hazard of severity 4 is always urgent, of severity 3 often. */
    private static final double URGENT_SEVERITY_3 = 0.3;
    /** Windows (一站式服务窗口) sometimes promise a date instead of the rule set's limit. */
    private static final double WINDOW_PROMISE = 0.1;
    private static final double OFFLINE_UPLOAD = 0.03;
    private static final double[] SEVERITY = {0.35, 0.40, 0.20, 0.05};
    private static final double[] INCIDENT_SEVERITY = {0.50, 0.35, 0.15};

    /** Weights of the hours 0-23 in which things happen. */
    private static final double[] FIELD_HOURS =
            {0, 0, 0, 0, 0, 0, 0, 0, 1.5, 3, 3, 1.5, 0, 0, 2, 3, 2.5, 0.5, 0, 0, 0, 0, 0, 0};
    private static final double[] RESIDENT_HOURS =
            {0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4, 4, 3.5, 2.5, 3, 3.5, 3.5, 3, 2.5, 2, 2.5, 2.5, 2, 1.2, 0.6};
    private static final double[] OFFICE_HOURS =
            {0, 0, 0, 0, 0, 0, 0, 0, 0.5, 3, 3, 2.5, 0.3, 1, 3, 3, 2.5, 0.5, 0, 0, 0, 0, 0, 0};
    private static final double[] ALL_HOURS =
            {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private static final List<String> VISIT_NOTES = List.of("走访独居老人", "入户走访了解诉求", "走访重点人员", "入户宣传燃气安全知识");

    /** How many cases a grid opens per day through each channel; GRID cases come from hazard reports instead. */
    private record Intake(Channel channel, double perDay, boolean workingDaysOnly, double[] hours) {}

    private static final List<Intake> INTAKE = List.of(
            new Intake(Channel.HOTLINE, 0.11, false, RESIDENT_HOURS),
            new Intake(Channel.APP, 0.055, false, RESIDENT_HOURS),
            new Intake(Channel.WINDOW, 0.04, true, OFFICE_HOURS),
            new Intake(Channel.INSPECTION, 0.02, true, OFFICE_HOURS),
            new Intake(Channel.SENSOR, 0.015, false, ALL_HOURS));

    private final DistrictTime time;
    private final Taxonomy taxonomy;
    private final CasePlanner planner;
    private final Dice dice;
    private final List<GridProfile> grids = new ArrayList<>();
    private final Ids ids = new Ids();
    private final Schedule<GridReport> reports = new Schedule<>();
    private final Schedule<LedgerEvent> ledger = new Schedule<>();
    private final List<CaseOutcome> outcomes = new ArrayList<>();
    private int oneOffComplainants;

    DistrictSimulator(ReferenceData reference, OverdueRules rules, Dice dice) {
        this.time = new DistrictTime(reference.calendar());
        this.taxonomy = new Taxonomy(reference.categories(), dice.split());
        this.planner = new CasePlanner(reference, rules, time, dice.split());
        this.dice = dice;
        for (GridPlace place : reference.grids()) {
            grids.add(profile(place, grids.size()));
        }
        oneOffComplainants = grids.size() * REGULARS_PER_GRID;
    }

    private GridProfile profile(GridPlace place, int index) {
        int households = place.grid().households();
        int buildings = Math.max(4, households / 35);
        double activity = households / 400.0 * dice.logNormal(1.0, 0.35);
        double reporting = dice.chance(UNDER_REPORTING_GRIDS) ? UNDER_REPORTING : 1.0;
        List<Complainant> regulars = new ArrayList<>();
        for (int i = 0; i < REGULARS_PER_GRID; i++) {
            String id = complainantId(index * REGULARS_PER_GRID + i + 1);
            regulars.add(new Complainant(id, dice.between(1, buildings), taxonomy.complaint(dice)));
        }
        return new GridProfile(place, buildings, activity, reporting, List.copyOf(regulars));
    }

    Schedule<GridReport> reports() {
        return reports;
    }

    Schedule<LedgerEvent> ledger() {
        return ledger;
    }

    /** Every case opened so far, in the order opened. */
    List<CaseOutcome> outcomes() {
        return outcomes;
    }

    void simulate(LocalDate day) {
        ids.startDay(day);
        boolean workingDay = time.isWorkingDay(day);
        for (GridProfile grid : grids) {
            gridReports(grid, day);
            for (Intake intake : INTAKE) {
                if (workingDay || !intake.workingDaysOnly()) {
                    int n = dice.poisson(intake.perDay() * grid.activity());
                    for (int i = 0; i < n; i++) {
                        open(intake(grid, day, intake));
                    }
                }
            }
        }
    }

    private void gridReports(GridProfile grid, LocalDate day) {
        Instant patrol = dice.chance(PATROL_SHARE) ? time.during(day, FIELD_HOURS, dice) : null;
        int hazards = dice.poisson(HAZARDS_PER_DAY * grid.hazardReporting());
        if (patrol != null) {
            int building = grid.randomBuilding(dice);
            String note = hazards > 0 ? "巡查发现隐患，已拍照上报" : "日常巡查，未发现异常";
            schedule(new GridReport(ids.nextReport(), grid.gridId(), grid.workerId(), ReportKind.PATROL, null, null,
                    grid.buildingId(building), hazards > 0, null, patrol, uploaded(patrol), note));
        }
        for (int i = 0; i < hazards; i++) {
            hazard(grid, patrol != null ? patrol.plus(dice.between(Duration.ofMinutes(5), Duration.ofMinutes(40)))
                    : time.during(day, FIELD_HOURS, dice));
        }
        for (int i = dice.poisson(VISITS_PER_DAY); i > 0; i--) {
            Instant at = time.during(day, FIELD_HOURS, dice);
            schedule(new GridReport(ids.nextReport(), grid.gridId(), grid.workerId(), ReportKind.VISIT, null, null,
                    grid.buildingId(grid.randomBuilding(dice)), null, null, at, uploaded(at), dice.pick(VISIT_NOTES)));
        }
        if (dice.chance(INCIDENTS_PER_DAY)) {
            Instant at = time.during(day, FIELD_HOURS, dice);
            Category category = taxonomy.incident(dice);
            schedule(new GridReport(ids.nextReport(), grid.gridId(), grid.workerId(), ReportKind.INCIDENT,
                    category.code(), 1 + dice.weighted(INCIDENT_SEVERITY), grid.buildingId(grid.randomBuilding(dice)),
                    null, null, at, uploaded(at), category.name()));
        }
    }

    /** 发现隐患: a HAZARD report, usually a GRID case for it, and often its clearance later (隐患消除). */
    private void hazard(GridProfile grid, Instant observed) {
        Category category = taxonomy.hazard(dice);
        int severity = 1 + dice.weighted(SEVERITY);
        int building = grid.randomBuilding(dice);
        String reportId = ids.nextReport();
        String caseId = dice.chance(HAZARD_OPENS_CASE) ? ids.nextCase() : null;
        Instant reported = uploaded(observed);
        schedule(new GridReport(reportId, grid.gridId(), grid.workerId(), ReportKind.HAZARD, category.code(), severity,
                grid.buildingId(building), null, caseId, observed, reported, "发现" + category.name()));
        Instant resolved;
        if (caseId != null) {
            boolean urgent = severity == 4 || (severity == 3 && dice.chance(URGENT_SEVERITY_3));
            Instant at = reported.plus(dice.between(Duration.ofMinutes(5), Duration.ofMinutes(30)));
            CaseOutcome outcome = open(new LedgerEvent(Ids.event(caseId, 1), caseId, LedgerEventType.CREATED, at,
                    Channel.GRID, category.code(), grid.gridId(), grid.buildingId(building), grid.address(building),
                    null, urgent ? Priority.URGENT : Priority.NORMAL, null, reportId, null, null, null));
            if (outcome.cancelled() || !dice.chance(CLEARED_AFTER_CASE)) {
                return;
            }
            resolved = outcome.endedAt();
        } else {
            if (!dice.chance(CLEARED_WITHOUT_CASE)) {
                return;
            }
            resolved = observed.plus(dice.logNormal(Duration.ofDays(3), 0.7));
        }
        Instant cleared = time.within(resolved.plus(dice.between(Duration.ofHours(1), Duration.ofHours(24))),
                Window.OFFICE, dice);
        schedule(new GridReport(Ids.clearance(reportId), grid.gridId(), grid.workerId(), ReportKind.HAZARD_CLEARED,
                category.code(), null, grid.buildingId(building), null, caseId, cleared, uploaded(cleared),
                category.name() + "隐患已消除"));
    }

    /** A CREATED (受理) from a resident, an inspection or a sensor. */
    private LedgerEvent intake(GridProfile grid, LocalDate day, Intake intake) {
        Instant at = time.during(day, intake.hours(), dice);
        Channel channel = intake.channel();
        Category category;
        int building = grid.randomBuilding(dice);
        String complainant = null;
        boolean namesBuilding = true;
        switch (channel) {
            case SENSOR -> category = taxonomy.sensed(dice);
            case INSPECTION -> category = taxonomy.hazard(dice);
            default -> {
                Complainant regular = dice.chance(REGULAR_COMPLAINANT) ? dice.pick(grid.regulars()) : null;
                if (regular != null) {
                    complainant = regular.id();
                    building = regular.building();
                    category = dice.chance(REGULAR_SUBJECT) ? regular.subject() : taxonomy.complaint(dice);
                } else {
                    complainant = complainantId(++oneOffComplainants);
                    category = taxonomy.complaint(dice);
                }
                namesBuilding = dice.chance(BUILDING_NAMED);
            }
        }
        Priority priority = dice.chance(category.hazard() ? URGENT_HAZARD : URGENT_SERVICE)
                ? Priority.URGENT : Priority.NORMAL;
        Instant promised = channel == Channel.WINDOW && dice.chance(WINDOW_PROMISE) ? promise(at) : null;
        String caseId = ids.nextCase();
        return new LedgerEvent(Ids.event(caseId, 1), caseId, LedgerEventType.CREATED, at, channel, category.code(),
                grid.gridId(), namesBuilding ? grid.buildingId(building) : null, grid.address(building), complainant,
                priority, promised, null, null, null, null);
    }

    /** "Done by 17:00 on the N-th working day": the end of that working day less seven hours. */
    private Instant promise(Instant at) {
        return time.calendar().endOfNthWorkingDayAfter(at, dice.between(1, 5)).minus(Duration.ofHours(7));
    }

    private CaseOutcome open(LedgerEvent created) {
        CasePlan plan = planner.plan(created);
        for (LedgerEvent e : plan.events()) {
            ledger.add(e.at(), e);
        }
        outcomes.add(plan.outcome());
        return plan.outcome();
    }

    private void schedule(GridReport report) {
        reports.add(report.observedAt(), report);
    }

    /** The phone uploads within minutes, or hours later when the worker was offline. */
    private Instant uploaded(Instant observed) {
        Duration delay = dice.chance(OFFLINE_UPLOAD)
                ? dice.between(Duration.ofHours(1), Duration.ofHours(8))
                : dice.logNormal(Duration.ofMinutes(3), 1.0);
        return observed.plus(delay);
    }

    private static String complainantId(int n) {
        String digits = Integer.toString(n);
        return "P" + (digits.length() >= 6 ? digits : "0".repeat(6 - digits.length()) + digits);
    }
}
