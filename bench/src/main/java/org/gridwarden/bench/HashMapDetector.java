package org.gridwarden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.RuleSet;

/**
 * The plain single-threaded Java baseline of the replay: the same files, two rule families written for it in
 * HashMaps, no Flink. Both streams are decoded with the job's codec and merged into event-time order as the
 * job admits them ({@link TimeOrder}: dead letters, duplicates and late records dropped); then, at every
 * record, the deadlines its event time has passed fire and a ledger event goes to {@link OverdueCases}
 * (hours-based limits) and {@link RepeatComplaints}. At the end, the deadlines up to the newest event time
 * fire, as a replay's horizon lets them.
 *
 * <p>It does the rules' own work: the rule-set entry in force looked up per case and per complaint, the
 * category's time-limit class and family, the same subject keys, every deadline computed. It leaves out what
 * the job also does: seven more rule families, sign-for timeouts, building and routing alerts (it counts
 * them per rule and level) and dead-letter records (it counts them).
 *
 * <p>{@link #run} times everything from reading the files on; {@link #runDecoded} decodes first, untimed,
 * and times the ordering and the rules alone. Each measures {@code runs} runs and reports the last (see
 * {@link BaselineResult#lastOf}).
 */
public final class HashMapDetector {

    public static final String DEAD_LETTERS = "dead letters";
    public static final String DUPLICATES = "duplicates";
    public static final String LATE = "late";

    private HashMapDetector() {}

    /** Reads, decodes and runs the rules over {@code files}, timed as a whole. */
    public static BaselineResult run(List<Path> files, ReferenceData reference, RuleSet ruleSet, int runs) {
        RuleContext ctx = RuleContext.of(reference, ruleSet);
        return BaselineResult.lastOf(runs, () -> {
            IngestDecoder decoder = new IngestDecoder(reference, ruleSet.ingest());
            RunTimer timer = RunTimer.start();
            try (DecodedStream reports = stream(IngestDecoder.GRID_REPORTS, files, decoder);
                    DecodedStream ledger = stream(IngestDecoder.LEDGER_EVENTS, files, decoder)) {
                return detect("HashMap detector", reports, ledger, ctx, timer, InputFiles.bytes(files));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Decodes {@code files} first, untimed, then runs the rules over the decoded records, timed. */
    public static BaselineResult runDecoded(List<Path> files, ReferenceData reference, RuleSet ruleSet, int runs) {
        RuleContext ctx = RuleContext.of(reference, ruleSet);
        IngestDecoder decoder = new IngestDecoder(reference, ruleSet.ingest());
        List<Ingested> reports = decoded(IngestDecoder.GRID_REPORTS, files, decoder);
        List<Ingested> ledger = decoded(IngestDecoder.LEDGER_EVENTS, files, decoder);
        return BaselineResult.lastOf(runs, () -> detect("HashMap detector, decoded input", reports.iterator(),
                ledger.iterator(), ctx, RunTimer.start(), InputFiles.bytes(files)));
    }

    private static BaselineResult detect(String name, Iterator<Ingested> reports, Iterator<Ingested> ledger,
            RuleContext ctx, RunTimer timer, long bytes) {
        RuleSet ruleSet = ctx.ruleSet();
        TimeOrder order = new TimeOrder(reports, ledger, ruleSet.ingest().allowedLateness().toDuration(),
                ruleSet.ingest().duplicateRetention().toDuration());
        OverdueCases overdue = new OverdueCases(ctx);
        RepeatComplaints complaints = new RepeatComplaints(ctx);
        order.drainTo(r -> {
            overdue.advanceTo(r.time() - 1);
            LedgerEvent e = r.record().ledgerEvent();
            if (e != null) {
                overdue.apply(e);
                complaints.apply(e);
            }
        });
        overdue.advanceTo(order.horizon());
        double seconds = timer.seconds();
        double cpuSeconds = timer.cpuSeconds();

        Map<String, Long> counts = new LinkedHashMap<>();
        overdue.addCounts(counts);
        complaints.addCounts(counts);
        counts.put(DEAD_LETTERS, order.deadLetters());
        counts.put(DUPLICATES, order.duplicates());
        counts.put(LATE, order.late());
        return new BaselineResult(name, order.records(), bytes, seconds, cpuSeconds, counts);
    }

    private static DecodedStream stream(String stream, List<Path> files, IngestDecoder decoder) {
        return new DecodedStream(stream, InputFiles.ofStream(files, stream), decoder);
    }

    private static List<Ingested> decoded(String stream, List<Path> files, IngestDecoder decoder) {
        List<Ingested> records = new ArrayList<>();
        try (DecodedStream in = stream(stream, files, decoder)) {
            in.forEachRemaining(records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
