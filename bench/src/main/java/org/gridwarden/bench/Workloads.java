package org.gridwarden.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.complaint.ComplaintSurgeRule;
import org.gridwarden.rules.complaint.Complaints;
import org.gridwarden.rules.grid.SilentGridRule;
import org.gridwarden.rules.hazard.HazardNotFiledRule;
import org.gridwarden.rules.hazard.HazardNotReportedRule;
import org.gridwarden.rules.ingest.IngestGate;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * The workloads, sized like a large district at {@code scale} 1: a million open cases; 200,000 complaints in
 * 30 days from 100,000 people about 100,000 buildings; 500,000 hazard cases, hazard reports and patrols in 30
 * days; six patrols a day per grid for half a year; a week of event ids for duplicate detection.
 */
final class Workloads {

    static final List<String> NAMES = List.of("overdue", "dedupe", "repeat-complaint", "complaint-after-closure",
            "complaint-surge", "hazards", "silent-grid");

    private static final int BUILDINGS = 100_000;
    private static final int COMPLAINANTS = 100_000;

    private Workloads() {}

    static Workload of(String name, double scale, RuleContext ctx) {
        SyntheticDistrict district = SyntheticDistrict.of(ctx.reference(), BUILDINGS);
        return switch (name) {
            case "overdue" -> {
                long cases = scaled(1_000_000, scale);
                yield new Workload(name, "overdue cases, sign-for timeouts (keyed timers)",
                        new Inputs.OpenCases(district, cases, Duration.ofHours(10)), "open case", cases,
                        (records, ledger, reports, c) -> List.of(family(RuleFamily.OVERDUE, ledger, reports, c)));
            }
            case "dedupe" -> {
                long events = scaled(1_000_000, scale);
                Duration retention = ctx.ruleSet().ingest().duplicateRetention().toDuration();
                yield new Workload(name, "ingest gate: duplicate event ids, " + retention.toDays() + " days (TTL)",
                        new Inputs.OpenCases(district, events, Duration.ofHours(10)), "event id", events,
                        (records, ledger, reports, c) -> List.of(records
                                .keyBy(IngestGate.KEY)
                                .process(new IngestGate(retention, "10m"))
                                .uid(IngestGate.UID).name(IngestGate.NAME)));
            }
            case "repeat-complaint", "complaint-after-closure", "complaint-surge" -> complaints(name, district, scale, ctx);
            case "hazards" -> {
                long positions = scaled(500_000, scale);
                yield new Workload(name, "hazard not reported, patrol missed hazard (keyed), hazard not filed (CEP)",
                        new Inputs.Hazards(district, positions, Duration.ofDays(30)), "hazard case", positions * 2 / 5,
                        (records, ledger, reports, c) -> List.of(
                                HazardNotReportedRule.detect(ledger, reports, c),
                                family(RuleFamily.PATROL_MISSED_HAZARD, ledger, reports, c),
                                HazardNotFiledRule.detect(ledger, reports, c)));
            }
            case "silent-grid" -> {
                long patrols = scaled(300_000, scale);
                int grids = district.gridIds().size();
                Duration span = Duration.ofHours(4).multipliedBy(Math.max(1, patrols / grids));
                yield new Workload(name, "silent grids (one key: the district)",
                        new Inputs.Patrols(district, patrols, span), "grid", grids,
                        (records, ledger, reports, c) -> List.of(SilentGridRule.detect(ledger, reports, c)));
            }
            default -> throw new IllegalArgumentException("unknown workload " + name + "; one of " + NAMES);
        };
    }

    private static Workload complaints(String name, SyntheticDistrict district, double scale, RuleContext ctx) {
        long complaints = scaled(200_000, scale);
        Duration span = Duration.ofDays(30);
        Inputs.Complaints input = new Inputs.Complaints(district, complaints, COMPLAINANTS, span);
        return switch (name) {
            case "repeat-complaint" -> new Workload(name, "repeated complaints (keyed counts, 30 days)", input,
                    "complaint subject", subjects(input, complaints, ctx),
                    (records, ledger, reports, c) -> List.of(family(RuleFamily.REPEAT_COMPLAINT, ledger, reports, c)));
            case "complaint-after-closure" -> new Workload(name, "complaint after closure (keyed timers, 15 days)",
                    input, "complaint subject", subjects(input, complaints, ctx),
                    (records, ledger, reports, c) -> List.of(
                            family(RuleFamily.COMPLAINT_AFTER_CLOSURE, ledger, reports, c)));
            default -> new Workload(name, "complaint surge (keyed timers, 1 hour)", input,
                    "complaint in the last hour", complaints * Duration.ofHours(1).toMillis() / span.toMillis(),
                    (records, ledger, reports, c) -> List.of(ComplaintSurgeRule.detect(ledger, c)));
        };
    }

    /** A family wired alone, as the job wires it (families following cases share their operator keyed by case). */
    private static DataStream<Alert> family(RuleFamily family, DataStream<LedgerEvent> ledger,
            DataStream<GridReport> reports, RuleContext ctx) {
        return RuleStreams.alone(RuleFamilies.SHIPPED.of(family), ledger, reports, ctx);
    }

    /** Distinct complainant and building subjects (with category family) in the input, counted here. */
    private static long subjects(Inputs.Complaints input, long complaints, RuleContext ctx) {
        Set<String> keys = new HashSet<>();
        for (long n = 0; n < complaints; n++) {
            LedgerEvent e = input.complaint(n, InputGenerator.START);
            keys.addAll(Complaints.subjectKeys(e, ctx.familyOf(e.category())));
        }
        return keys.size();
    }

    private static long scaled(long full, double scale) {
        return Math.max(10, Math.round(full * scale));
    }
}
