package org.gridwarden.testkit.generate;

import static org.gridwarden.testkit.generate.SubjectBook.MARGIN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.ReportKind;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;
import org.gridwarden.testkit.generate.DistrictTime.Window;

/**
 * A day in the district, grid by grid in reference order: the grid worker's patrol, visits, hazards and their
 * clearance (网格员上报), and the cases that residents, inspections, sensors and grid workers open in the
 * ledger (服务台账). Everything that happens later is planned into the two schedules.
 *
 * <p>Ordinary life is kept clear of the risk rules by construction: a worker skips at most one day's patrol,
 * reports every hazard and files it, checks every hazard that reaches the ledger from elsewhere (核查上报),
 * marks a patrol of a building with a hazard in hand as such, and residents' complaints are placed on quiet
 * subjects ({@link SubjectBook}, {@link HazardBook}). The failures the rules look for are injected on purpose
 * at realistic rates and recorded in {@link Injections} with the time their alert is due.
 */
final class DistrictSimulator {

    /** A worker skips a day's patrol now and then, never two days running. */
    private static final double PATROL_SHARE = 0.93;
    private static final double INCIDENTS_PER_DAY = 0.004;
    /** How much grids differ in how readily their residents turn to the city (log-normal sigma around 1). */
    private static final double ACTIVITY_SPREAD = 0.35;
    private static final double CLEARED_AFTER_CASE = 0.7;
    private static final double CLEARED_WITHOUT_CASE = 0.5;
    private static final double UNDER_REPORTING_GRIDS = 0.1;
    private static final double UNDER_REPORTING = 0.25;
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
    /** The grid worker checks a hazard that reached the ledger from elsewhere and reports it (核查上报). */
    private static final Duration CHECK_MIN = Duration.ofMinutes(30);
    private static final Duration CHECK_MAX = Duration.ofHours(6);
    /** A filed grid hazard reaches the ledger within the upload delay (at most 8 hours) and half an hour. */
    private static final Duration FILING_MAX = Duration.ofHours(9);
    private static final int PLACEMENT_TRIES = 8;

    // injected failures, at daily rates set for a district of this many grids; a city gets them in proportion
    private static final int CALIBRATION_GRIDS = 265;
    /** 隐患未立案: grid hazard reports never filed. */
    private static final double UNFILED = 0.05;
    /** 隐患漏报: hazard cases from other channels that the grid worker never reports. */
    private static final double UNREPORTED = 0.04;
    /** 巡查未发现: "nothing found" at a building with an open hazard case. */
    private static final double MISSED_OPEN_HAZARD = 0.07;
    /** 巡查未发现: "nothing found", and a resident calls about a hazard there within the follow-up. */
    private static final double MISSED_BEFORE_COMPLAINT = 0.002;
    /** 网格静默: a worker on leave for some days with nobody patrolling for them. */
    private static final double LEAVES_PER_DAY = 0.12;
    private static final int LEAVE_MIN_DAYS = 4;
    private static final int LEAVE_MAX_DAYS = 6;
    /** 重复投诉: someone, or a building, calls about the same thing again and again. */
    private static final double REPEATS_PER_DAY = 0.4;
    private static final Duration REPEAT_GAP_MIN = Duration.ofHours(1);
    private static final Duration REPEAT_GAP_MAX = Duration.ofHours(20);
    /** 案结事不了: a complainant calls again after the case was closed. */
    private static final double CALLS_AGAIN = 0.015;
    /** 群体性诉求: one surge a month in a random community, threshold plus up to this many callers. */
    private static final int SURGE_PERIOD_DAYS = 30;
    private static final int SURGE_EXTRA_CALLERS = 6;

    /** Weights of the hours 0-23 in which things happen. */
    private static final double[] FIELD_HOURS =
            {0, 0, 0, 0, 0, 0, 0, 0, 1.5, 3, 3, 1.5, 0, 0, 2, 3, 2.5, 0.5, 0, 0, 0, 0, 0, 0};
    private static final double[] RESIDENT_HOURS =
            {0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4, 4, 3.5, 2.5, 3, 3.5, 3.5, 3, 2.5, 2, 2.5, 2.5, 2, 1.2, 0.6};
    private static final double[] OFFICE_HOURS =
            {0, 0, 0, 0, 0, 0, 0, 0, 0.5, 3, 3, 2.5, 0.3, 1, 3, 3, 2.5, 0.5, 0, 0, 0, 0, 0, 0};
    private static final double[] ALL_HOURS =
            {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    /** Surges start in the daytime, so that they end well before midnight. */
    private static final double[] SURGE_HOURS =
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0};

    private static final List<String> VISIT_NOTES = List.of("走访独居老人", "入户走访了解诉求", "走访重点人员", "入户宣传燃气安全知识");

    /**
     * How many cases per thousand residents a channel opens per day, and when; GRID cases come from hazard
     * reports instead.
     */
    private record Intake(Channel channel, double perThousandResidents, boolean workingDaysOnly, double[] hours) {}

    /** A case about to be created, before it has an id: where to place it is still being decided. */
    private record Draft(GridProfile grid, Instant at, Channel channel, Category category, int building,
            boolean namesBuilding, String address, String complainantId) {

        String buildingId() {
            return namesBuilding ? grid.buildingId(building) : null;
        }

        List<String> subjects() {
            return SubjectBook.subjects(complainantId, buildingId(), address, category.family());
        }

        Draft at(Instant t, Channel c, String complainant, String addressAsGiven) {
            return new Draft(grid, t, c, category, building, namesBuilding, addressAsGiven, complainant);
        }
    }

    /**
     * What an injected complaint is meant to follow, so that placing it does not count as an accident: the
     * complaints and the closings of these cases, and "nothing found" patrols of its building.
     */
    private record Own(Set<String> complaints, Set<String> closings, boolean afterMissedPatrol) {
        static final Own NOTHING = new Own(Set.of(), Set.of(), false);
    }

    /** An injected repeat complaint (重复投诉) being played out, one complaint at a time. */
    private record Repeat(Draft first, boolean sameCaller, Set<String> caseIds) {}

    private final RuleSet rules;
    private final CityRates rates;
    private final List<Intake> intakes;
    /** The city's size relative to the district the injected failures' rates were set for. */
    private final double scale;
    private final DistrictTime time;
    private final Taxonomy taxonomy;
    private final CasePlanner planner;
    private final Dice dice;
    private final List<GridProfile> grids = new ArrayList<>();
    private final Map<String, GridProfile> byId = new HashMap<>();
    private final Map<String, List<GridProfile>> communities = new LinkedHashMap<>();
    private final Ids ids = new Ids();
    private final Schedule<GridReport> reports = new Schedule<>();
    private final Schedule<LedgerEvent> ledger = new Schedule<>();
    private final List<CaseOutcome> outcomes = new ArrayList<>();
    private final SubjectBook subjects;
    private final HazardBook hazards = new HazardBook();
    private final Injections injections = new Injections();
    /** Follow-ups of earlier injections, run at the start of their day so that their case ids carry it. */
    private final TreeMap<LocalDate, List<Runnable>> later = new TreeMap<>();
    private final Map<String, Instant> lastPatrol = new HashMap<>();
    private final Set<String> skippedYesterday = new HashSet<>();
    private final Map<String, LocalDate> backFromLeave = new HashMap<>();
    private int complainants;
    private int dayIndex;
    private final List<Integer> surgeDays = new ArrayList<>();
    private volatile int gridsDone;

    DistrictSimulator(ReferenceData reference, RuleSet rules, CityRates rates, Dice dice) {
        this.rules = rules;
        this.rates = rates;
        this.intakes = List.of(
                new Intake(Channel.HOTLINE, rates.casesPerThousandResidents(Channel.HOTLINE), false, RESIDENT_HOURS),
                new Intake(Channel.APP, rates.casesPerThousandResidents(Channel.APP), false, RESIDENT_HOURS),
                new Intake(Channel.WINDOW, rates.casesPerThousandResidents(Channel.WINDOW), true, OFFICE_HOURS),
                new Intake(Channel.INSPECTION, rates.casesPerThousandResidents(Channel.INSPECTION), true, OFFICE_HOURS),
                new Intake(Channel.SENSOR, rates.casesPerThousandResidents(Channel.SENSOR), false, ALL_HOURS));
        this.time = new DistrictTime(reference.calendar());
        this.taxonomy = new Taxonomy(reference.categories(), dice.split());
        this.planner = new CasePlanner(reference, rules.overdue(), time, dice.split());
        this.subjects = new SubjectBook(rules);
        this.dice = dice;
        for (GridPlace place : reference.grids()) {
            GridProfile grid = profile(place);
            grids.add(grid);
            byId.put(grid.gridId(), grid);
            communities.computeIfAbsent(grid.communityId(), c -> new ArrayList<>()).add(grid);
        }
        this.scale = grids.size() / (double) CALIBRATION_GRIDS;
    }

    private GridProfile profile(GridPlace place) {
        int households = place.grid().households();
        int buildings = Math.max(4, households / 35);
        double residents = households * CityRates.RESIDENTS_PER_HOUSEHOLD;
        double activity = residents / 1000.0 * dice.logNormal(1.0, ACTIVITY_SPREAD);
        double reporting = dice.chance(UNDER_REPORTING_GRIDS) ? UNDER_REPORTING : 1.0;
        return GridProfile.of(place, buildings, activity, reporting);
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

    Injections injections() {
        return injections;
    }

    /** Grids of the current day simulated so far, for the progress shown while a big city's day runs. */
    int gridsDone() {
        return gridsDone;
    }

    /** Records planned so far: reports and the whole lives of the cases, some due on later days. */
    long planned() {
        return reports.planned() + ledger.planned();
    }

    void simulate(LocalDate day) {
        int done = 0;
        gridsDone = done;
        Instant dayStart = day.atStartOfDay(time.calendar().zone()).toInstant();
        subjects.forgetBefore(dayStart);
        hazards.forgetBefore(dayStart, rules.hazardNotReportedByGrid().lookBack().toDuration(),
                rules.patrolMissedHazard().followUp().toDuration());
        ids.startDay(day);
        boolean workingDay = time.isWorkingDay(day);
        sendSomeOnLeave(day);
        for (Runnable followUp : later.getOrDefault(day, List.of())) {
            followUp.run();
        }
        later.remove(day);
        for (GridProfile grid : grids) {
            gridReports(grid, day);
            for (Intake intake : intakes) {
                if (workingDay || !intake.workingDaysOnly()) {
                    int n = dice.poisson(intake.perThousandResidents() * grid.activity());
                    for (int i = 0; i < n; i++) {
                        intake(grid, day, intake);
                    }
                }
            }
            gridsDone = ++done;
        }
        for (int i = dice.poisson(REPEATS_PER_DAY * scale); i > 0; i--) {
            startRepeat(day);
        }
        if (dayIndex % SURGE_PERIOD_DAYS == 0) {
            surgeDays.clear();
            for (long i = Math.max(1, Math.round(scale)); i > 0; i--) {
                surgeDays.add(dayIndex + dice.between(0, SURGE_PERIOD_DAYS - 1));
            }
        }
        for (int surgeDay : surgeDays) {
            if (surgeDay == dayIndex) {
                surge(day);
            }
        }
        dayIndex++;
    }

    // ---- the grid worker

    private void gridReports(GridProfile grid, LocalDate day) {
        LocalDate back = backFromLeave.get(grid.gridId());
        if (back != null && day.isBefore(back)) {
            skippedYesterday.add(grid.gridId());
            return;
        }
        boolean patrols = skippedYesterday.contains(grid.gridId()) || dice.chance(PATROL_SHARE);
        Instant patrol = patrols ? time.during(day, FIELD_HOURS, dice) : null;
        int found = dice.poisson(rates.hazardsPerGrid() * grid.hazardReporting());
        if (patrol != null) {
            patrol(grid, patrol, found > 0);
            skippedYesterday.remove(grid.gridId());
        } else {
            skippedYesterday.add(grid.gridId());
        }
        for (int i = 0; i < found; i++) {
            hazard(grid, patrol != null ? patrol.plus(dice.between(Duration.ofMinutes(5), Duration.ofMinutes(40)))
                    : time.during(day, FIELD_HOURS, dice));
        }
        for (int round = 2; patrol != null && round <= rates.patrolRounds(); round++) {
            patrol(grid, time.during(day, FIELD_HOURS, dice), false);
        }
        for (int i = dice.poisson(rates.visitsPerGrid()); i > 0; i--) {
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

    /**
     * 巡查: a building with a hazard in hand is reported as such, unless the worker misses it (injected);
     * now and then a "nothing found" is followed by a resident's hazard call there (injected).
     */
    private void patrol(GridProfile grid, Instant at, boolean found) {
        int building = grid.randomBuilding(dice);
        String buildingId = grid.buildingId(building);
        String reportId = ids.nextReport();
        Duration followUp = rules.patrolMissedHazard().followUp().toDuration();
        boolean hazardFound = found;
        boolean missed = false;
        if (!found) {
            missed = hazards.clearlyOpen(buildingId, at) && dice.chance(MISSED_OPEN_HAZARD);
            hazardFound = !missed && hazards.hazardAround(buildingId, at, followUp);
        }
        String note = found ? "巡查发现隐患，已拍照上报" : hazardFound ? "巡查，楼内隐患正在整改" : "日常巡查，未发现异常";
        schedule(new GridReport(reportId, grid.gridId(), grid.workerId(), ReportKind.PATROL, null, null, buildingId,
                hazardFound, null, at, uploaded(at), note));
        lastPatrol.merge(grid.gridId(), at, (a, b) -> a.isAfter(b) ? a : b);
        if (missed) {
            injections.add(FailureMode.PATROL_MISSED_HAZARD, reportId, at);
        } else if (!hazardFound && dice.chance(MISSED_BEFORE_COMPLAINT)) {
            Instant call = at.plus(dice.between(Duration.ofHours(2), followUp.minus(Duration.ofHours(4))));
            later(call, () -> callAfterPatrol(grid, building, call));
        }
    }

    /** 网格静默: some workers' leave starts today, as many as the city's size calls for on average. */
    private void sendSomeOnLeave(LocalDate day) {
        if (dayIndex < 2) {
            return;
        }
        double mean = LEAVES_PER_DAY * scale;
        int whole = (int) mean;
        for (int i = whole + (dice.chance(mean - whole) ? 1 : 0); i > 0; i--) {
            sendOnLeave(day);
        }
    }

    /** The silence alert is due {@code silence} after the worker's last patrol, unless they are on leave already. */
    private void sendOnLeave(LocalDate day) {
        GridProfile grid = dice.pick(grids);
        LocalDate back = backFromLeave.get(grid.gridId());
        Instant last = lastPatrol.get(grid.gridId());
        if ((back != null && !back.isBefore(day)) || last == null) {
            return;
        }
        backFromLeave.put(grid.gridId(), day.plusDays(dice.between(LEAVE_MIN_DAYS, LEAVE_MAX_DAYS)));
        injections.add(FailureMode.SILENT_GRID, grid.gridId() + "@" + last,
                last.plus(rules.silentGrid().silence().toDuration()));
    }

    /** 发现隐患: a HAZARD report, filed as a GRID case unless injected as never filed, often cleared later. */
    private void hazard(GridProfile grid, Instant observed) {
        boolean unfiled = dice.chance(UNFILED);
        Duration within = rules.hazardNotFiled().within().toDuration();
        for (int i = 0; i < PLACEMENT_TRIES; i++) {
            Category category = taxonomy.hazard(dice);
            int building = grid.randomBuilding(dice);
            String buildingId = grid.buildingId(building);
            String family = category.family();
            Instant until = observed.plus(unfiled ? within : FILING_MAX);
            boolean free = !hazards.reportBlocked(grid.gridId(), family, observed, observed)
                    && !hazards.gridCaseBlocked(grid.gridId(), buildingId, family, observed, until)
                    && subjects.nothingAfter(SubjectBook.subjects(null, buildingId, null, family), observed)
                    && !(unfiled && hazards.anyGridCase(grid.gridId(), buildingId, family, observed.minus(MARGIN),
                            until.plus(MARGIN)));
            if (free) {
                gridHazard(grid, observed, category, building, !unfiled, "发现" + category.name());
                return;
            }
        }
    }

    private void gridHazard(GridProfile grid, Instant observed, Category category, int building, boolean filed,
            String note) {
        int severity = 1 + dice.weighted(SEVERITY);
        String reportId = ids.nextReport();
        String caseId = filed ? ids.nextCase() : null;
        Instant reported = uploaded(observed);
        schedule(new GridReport(reportId, grid.gridId(), grid.workerId(), ReportKind.HAZARD, category.code(), severity,
                grid.buildingId(building), null, caseId, observed, reported, note));
        Instant resolved;
        if (filed) {
            boolean urgent = severity == 4 || (severity == 3 && dice.chance(URGENT_SEVERITY_3));
            Instant at = reported.plus(dice.between(Duration.ofMinutes(5), Duration.ofMinutes(30)));
            CaseOutcome outcome = open(new LedgerEvent(Ids.event(caseId, 1), caseId, LedgerEventType.CREATED, at,
                    Channel.GRID, category.code(), grid.gridId(), grid.buildingId(building), grid.address(building),
                    null, urgent ? Priority.URGENT : Priority.NORMAL, null, reportId, null, null, null)).outcome();
            if (outcome.cancelled() || !dice.chance(CLEARED_AFTER_CASE)) {
                return;
            }
            resolved = outcome.endedAt();
        } else {
            Duration within = rules.hazardNotFiled().within().toDuration();
            hazards.reserveNoGridCase(grid.gridId(), grid.buildingId(building), category.family(), observed,
                    observed.plus(within));
            injections.add(FailureMode.HAZARD_NOT_FILED, reportId, observed.plus(within));
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

    // ---- residents, inspections and sensors

    /** A CREATED (受理) from a resident, an inspection or a sensor, placed where it raises nothing by accident. */
    private void intake(GridProfile grid, LocalDate day, Intake intake) {
        Instant at = time.during(day, intake.hours(), dice);
        Channel channel = intake.channel();
        Category category = switch (channel) {
            case SENSOR -> taxonomy.sensed(dice);
            case INSPECTION -> taxonomy.hazard(dice);
            default -> taxonomy.complaint(dice);
        };
        boolean resident = subjects.isComplaint(channel);
        String complainant = resident ? nextComplainant() : null;
        boolean namesBuilding = !resident || dice.chance(BUILDING_NAMED);
        boolean unreported = category.hazard() && rules.hazardNotReportedByGrid().channels().contains(channel)
                && dice.chance(UNREPORTED);
        for (int i = 0; i < PLACEMENT_TRIES; i++) {
            int building = grid.randomBuilding(dice);
            String address = namesBuilding ? grid.address(building) : grid.flat(building, dice);
            Draft draft = new Draft(grid, at, channel, category, building, namesBuilding, address, complainant);
            if (fits(draft, unreported, Own.NOTHING)) {
                file(draft, unreported, true);
                return;
            }
        }
    }

    /**
     * Whether the draft raises nothing it is not meant to: its subjects are quiet, and if it is a hazard from
     * outside the grid, no "nothing found" patrol is near its building and the grid worker's check of it
     * (or, if {@code unreported}, the absence of any grid report) does not clash with an injected failure.
     */
    private boolean fits(Draft d, boolean unreported, Own own) {
        String gridId = d.grid().gridId();
        String family = d.category().family();
        boolean resident = subjects.isComplaint(d.channel());
        if (resident ? !subjects.quietFor(d.subjects(), d.at(), own.complaints(), own.closings())
                : !subjects.nothingAfter(d.subjects(), d.at())) {
            return false;
        }
        if (!d.category().hazard() || d.channel() == Channel.GRID) {
            return true;
        }
        String checked = d.grid().buildingId(d.building());
        Duration followUp = rules.patrolMissedHazard().followUp().toDuration();
        if (!own.afterMissedPatrol() && hazards.nothingFoundSince(checked, d.at().minus(followUp).minus(MARGIN))) {
            return false;
        }
        if (unreported) {
            var r = rules.hazardNotReportedByGrid();
            return !hazards.anyReport(gridId, family, d.at().minus(r.lookBack().toDuration()).minus(MARGIN),
                    d.at().plus(r.grace().toDuration()).plus(MARGIN));
        }
        Instant checkedBy = d.at().plus(CHECK_MAX).plus(FILING_MAX);
        return !hazards.reportBlocked(gridId, family, d.at(), checkedBy)
                && !hazards.gridCaseBlocked(gridId, checked, family, d.at(), checkedBy)
                && subjects.nothingAfter(SubjectBook.subjects(null, checked, null, family), d.at());
    }

    /** Creates the draft's case; a hazard from outside the grid is checked and reported by the worker. */
    private CasePlan file(Draft d, boolean unreported, boolean mayCallAgain) {
        Category category = d.category();
        Priority priority = dice.chance(category.hazard() ? URGENT_HAZARD : URGENT_SERVICE)
                ? Priority.URGENT : Priority.NORMAL;
        Instant promised = d.channel() == Channel.WINDOW && dice.chance(WINDOW_PROMISE) ? promise(d.at()) : null;
        String caseId = ids.nextCase();
        CasePlan plan = open(new LedgerEvent(Ids.event(caseId, 1), caseId, LedgerEventType.CREATED, d.at(), d.channel(),
                category.code(), d.grid().gridId(), d.buildingId(), d.address(), d.complainantId(), priority, promised,
                null, null, null, null));
        if (category.hazard() && d.channel() != Channel.GRID) {
            if (unreported) {
                var r = rules.hazardNotReportedByGrid();
                hazards.reserveNoReport(d.grid().gridId(), category.family(), d.at().minus(r.lookBack().toDuration()),
                        d.at().plus(r.grace().toDuration()));
                injections.add(FailureMode.HAZARD_NOT_REPORTED_BY_GRID, caseId, d.at().plus(r.grace().toDuration()));
            } else {
                Instant seen = d.at().plus(dice.between(CHECK_MIN, CHECK_MAX));
                gridHazard(d.grid(), seen, category, d.building(), true, "核查" + category.name() + "，情况属实");
            }
        }
        if (mayCallAgain && !category.hazard() && rules.complaintAfterClosure().channels().contains(d.channel())
                && !plan.outcome().cancelled() && !plan.reopened() && dice.chance(CALLS_AGAIN)) {
            Duration window = rules.complaintAfterClosure().window().toDuration();
            Instant again = plan.firstEnd().plus(dice.between(Duration.ofHours(2), window.multipliedBy(2).dividedBy(3)));
            later(again, () -> callAgain(d, caseId, again));
        }
        return plan;
    }

    // ---- injected complaints

    /** 案结事不了: the complainant calls again about the same thing after the case was closed. */
    private void callAgain(Draft original, String closedCaseId, Instant at) {
        Channel channel = dice.pick(residentChannels(rules.complaintAfterClosure().channels()));
        Draft again = original.at(at, channel, original.complainantId(), original.address());
        if (fits(again, false, new Own(Set.of(closedCaseId), Set.of(closedCaseId), false))) {
            file(again, false, false);
            injections.add(FailureMode.COMPLAINT_AFTER_CLOSURE, closedCaseId, at);
        }
    }

    /** A resident calls about a hazard in a building that the worker's patrol found "nothing" in. */
    private void callAfterPatrol(GridProfile grid, int building, Instant at) {
        String buildingId = grid.buildingId(building);
        Channel channel = dice.pick(residentChannels(rules.patrolMissedHazard().channels()));
        Draft d = new Draft(grid, at, channel, taxonomy.hazard(dice), building, true, grid.address(building),
                nextComplainant());
        if (fits(d, false, new Own(Set.of(), Set.of(), true))) {
            file(d, false, false);
            Duration followUp = rules.patrolMissedHazard().followUp().toDuration();
            for (HazardBook.Patrol p : hazards.nothingFound(buildingId, at.minus(followUp), at)) {
                injections.add(FailureMode.PATROL_MISSED_HAZARD, p.reportId(), at);
            }
        }
    }

    /** 重复投诉: the same caller about their building, or different callers about one building or address. */
    private void startRepeat(LocalDate day) {
        GridProfile grid = dice.pick(grids);
        int building = grid.randomBuilding(dice);
        double kind = dice.uniform(0, 1);
        boolean sameCaller = kind < 0.4;
        boolean namesBuilding = kind < 0.8;
        Channel channel = dice.pick(residentChannels(rules.repeatComplaint().channels()));
        Draft first = new Draft(grid, time.during(day, RESIDENT_HOURS, dice), channel, taxonomy.service(dice), building,
                namesBuilding, grid.address(building), nextComplainant());
        repeat(new Repeat(first, sameCaller, new HashSet<>()), first);
    }

    private void repeat(Repeat r, Draft d) {
        if (!fits(d, false, new Own(r.caseIds(), Set.of(), false))) {
            return;
        }
        CasePlan plan = file(d, false, false);
        r.caseIds().add(plan.created().caseId());
        if (r.caseIds().size() == rules.repeatComplaint().threshold()) {
            for (String subject : d.subjects()) {
                if (r.first().subjects().contains(subject)) {
                    injections.add(FailureMode.REPEAT_COMPLAINT, subject + "@" + plan.created().caseId(), d.at());
                }
            }
            return;
        }
        Duration span = rules.repeatComplaint().window().toDuration()
                .dividedBy(Math.max(1, rules.repeatComplaint().threshold()));
        Duration gap = dice.between(REPEAT_GAP_MIN, REPEAT_GAP_MAX);
        Instant next = d.at().plus(gap.compareTo(span) < 0 ? gap : span);
        // the same address as people give it: now and then with stray spaces, which the rule ignores
        String address = d.namesBuilding() || dice.chance(0.5) ? r.first().address() : " " + r.first().address() + " ";
        Draft again = d.at(next, dice.pick(residentChannels(rules.repeatComplaint().channels())),
                r.sameCaller() ? r.first().complainantId() : nextComplainant(), address);
        if (next.atZone(time.calendar().zone()).toLocalDate().equals(d.at().atZone(time.calendar().zone()).toLocalDate())) {
            repeat(r, again);
        } else {
            later(next, () -> repeat(r, again));
        }
    }

    /**
     * 群体性诉求: at least threshold callers of one community about one family within three quarters of the
     * window, at a time when nobody else there called about it; the alert is due at the threshold-th call.
     */
    private void surge(LocalDate day) {
        var s = rules.complaintSurge();
        Duration window = s.window().toDuration();
        Duration spread = window.multipliedBy(3).dividedBy(4);
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            List<GridProfile> community = dice.pick(new ArrayList<>(communities.values()));
            String communityId = community.get(0).communityId();
            String family = taxonomy.service(dice).family();
            Instant start = time.during(day, SURGE_HOURS, dice);
            if (subjects.communityBusy(communityId, family, start.minus(window).minus(MARGIN),
                    start.plus(spread).plus(window).plus(MARGIN))) {
                continue;
            }
            List<Category> categories = taxonomy.servicesOf(family);
            int callers = s.threshold() + dice.between(0, SURGE_EXTRA_CALLERS);
            long step = Math.max(1, spread.toSeconds() / callers);
            int placed = 0;
            for (int i = 0; i < callers; i++) {
                Instant at = start.plus(Duration.ofSeconds(i * step + dice.between(0, (int) step - 1)));
                String caseId = surgeCall(dice.pick(community), at, dice.pick(categories), s.channels());
                if (caseId != null && ++placed == s.threshold()) {
                    injections.add(FailureMode.COMPLAINT_SURGE, communityId + "|" + family + "@" + caseId, at);
                }
            }
            return;
        }
    }

    private String surgeCall(GridProfile grid, Instant at, Category category, List<Channel> channels) {
        Channel channel = dice.pick(residentChannels(channels));
        String complainant = nextComplainant();
        for (int i = 0; i < PLACEMENT_TRIES; i++) {
            int building = grid.randomBuilding(dice);
            boolean namesBuilding = dice.chance(BUILDING_NAMED);
            String address = namesBuilding ? grid.address(building) : grid.flat(building, dice);
            Draft d = new Draft(grid, at, channel, category, building, namesBuilding, address, complainant);
            if (fits(d, false, Own.NOTHING)) {
                return file(d, false, false).created().caseId();
            }
        }
        return null;
    }

    /** Hotline and app, which take calls around the clock, where the rule counts them; else what it counts. */
    private static List<Channel> residentChannels(List<Channel> counted) {
        List<Channel> anyHour = counted.stream().filter(c -> c == Channel.HOTLINE || c == Channel.APP).toList();
        return anyHour.isEmpty() ? counted : anyHour;
    }

    private void later(Instant at, Runnable followUp) {
        later.computeIfAbsent(at.atZone(time.calendar().zone()).toLocalDate(), d -> new ArrayList<>()).add(followUp);
    }

    /** "Done by 17:00 on the N-th working day": the end of that working day less seven hours. */
    private Instant promise(Instant at) {
        return time.calendar().endOfNthWorkingDayAfter(at, dice.between(1, 5)).minus(Duration.ofHours(7));
    }

    private CasePlan open(LedgerEvent created) {
        CasePlan plan = planner.plan(created);
        for (LedgerEvent e : plan.events()) {
            ledger.add(e.at(), e);
        }
        outcomes.add(plan.outcome());
        Category category = taxonomy.byCode(created.category());
        GridProfile grid = byId.get(created.gridId());
        subjects.opened(plan, category.family(), grid.communityId());
        if (category.hazard()) {
            hazards.opened(plan, category.family(), rules.patrolMissedHazard().channels().contains(created.channel()));
        }
        return plan;
    }

    private void schedule(GridReport report) {
        reports.add(report.observedAt(), report);
        hazards.reported(report, report.category() == null ? null : taxonomy.byCode(report.category()).family());
    }

    /** The phone uploads within minutes, or hours later when the worker was offline. */
    private Instant uploaded(Instant observed) {
        Duration delay = dice.chance(OFFLINE_UPLOAD)
                ? dice.between(Duration.ofHours(1), Duration.ofHours(8))
                : dice.logNormal(Duration.ofMinutes(3), 1.0);
        return observed.plus(delay);
    }

    /** A fresh pseudonymous caller: ordinary calls never share a caller, only injected repeats do. */
    private String nextComplainant() {
        String digits = Integer.toString(++complainants);
        return "P" + (digits.length() >= 6 ? digits : "0".repeat(6 - digits.length()) + digits);
    }
}
