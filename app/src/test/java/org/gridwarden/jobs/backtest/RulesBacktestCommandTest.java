package org.gridwarden.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.app.cli.CliRun;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.jobs.ReplayJob;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.ruleset.RuleSetLoader;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridwarden rules backtest} on the repeated-complaint scenario with the threshold lowered to 2: the
 * files hold exactly the alerts a replay with each rule set raises on one side only (or differently on both),
 * the report says how many; wrong arguments and invalid rule sets exit 2 with what is wrong and where.
 */
class RulesBacktestCommandTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Path SCENARIO = Fixtures.sampleData().resolve("scenarios/repeat-complaint");
    private static final String REFERENCE = Fixtures.sampleData().resolve("reference").toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AlertCodec codec = new AlertCodec();

    private int run(Object... args) {
        return CliRun.execute(out, err, CliRun.withSampleKey(args));
    }

    @Test
    void backtest_writesTheAlertsOfOneSideOnly_andSaysHowMany() throws Exception {
        Path candidate = CandidateRuleSets.repeatThreshold(dir, 2);
        Path outDir = dir.resolve("out");
        int exit = run("rules", "backtest", "--baseline", CandidateRuleSets.SHIPPED, "--candidate", candidate,
                "--input", SCENARIO, "--reference", REFERENCE, "--out", outDir);
        assertEquals(0, exit, err.toString());

        Map<String, Alert> baseline = replay(CandidateRuleSets.SHIPPED);
        Map<String, Alert> raisedByCandidate = replay(candidate);
        Set<String> onlyCandidate = difference(raisedByCandidate.keySet(), baseline.keySet());
        Set<String> onlyBaseline = difference(baseline.keySet(), raisedByCandidate.keySet());
        Set<String> changed = baseline.keySet().stream().filter(raisedByCandidate::containsKey)
                .filter(id -> !comparable(baseline.get(id)).equals(comparable(raisedByCandidate.get(id))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(onlyCandidate.isEmpty(), "a lower threshold raises more repeated complaints");

        assertEquals(onlyCandidate, alertIds(outDir.resolve(BacktestFiles.ONLY_CANDIDATE), codec::decodeAlert));
        assertEquals(onlyBaseline, alertIds(outDir.resolve(BacktestFiles.ONLY_BASELINE), codec::decodeAlert));
        assertEquals(changed, alertIds(outDir.resolve(BacktestFiles.CHANGED),
                line -> codec.decodeAlert(json(line).get("candidate").toString())));
        String report = out.toString();
        assertTrue(report.contains(String.format("%-21s %,6d alerts (REPEAT_COMPLAINT %d)  %s%n",
                BacktestFiles.ONLY_CANDIDATE, onlyCandidate.size(), onlyCandidate.size(),
                outDir.resolve(BacktestFiles.ONLY_CANDIDATE).toAbsolutePath())), report);
        long repeatBaseline = baseline.values().stream().filter(a -> a.ruleId().equals("REPEAT_COMPLAINT")).count();
        long repeatCandidate = raisedByCandidate.values().stream()
                .filter(a -> a.ruleId().equals("REPEAT_COMPLAINT")).count();
        assertTrue(report.contains(String.format("%-42s %9d %9d %7s%n", "REPEAT_COMPLAINT", repeatBaseline,
                repeatCandidate, "+" + (repeatCandidate - repeatBaseline))), report);
        assertTrue(report.contains(String.format("%-42s %9d %9d %7s%n", "total", baseline.size(),
                raisedByCandidate.size(), "+" + (raisedByCandidate.size() - baseline.size()))), report);
        assertTrue(report.startsWith("Backtest over " + SCENARIO + " (清源区, "), report);
        long lines = Files.readAllLines(SCENARIO.resolve("grid-reports.jsonl")).size()
                + Files.readAllLines(SCENARIO.resolve("ledger-events.jsonl")).size();
        String read = String.format("Read %d records (%d in the window) in ", lines, lines);
        assertTrue(report.lines().anyMatch(l -> l.startsWith(read) && l.endsWith(" records/s")), report);
    }

    @Test
    void changesOnly_printsOnlyLinesWithADifference_andEachDifferingAlert() throws Exception {
        Path candidate = CandidateRuleSets.repeatThreshold(dir, 2);
        Path outDir = dir.resolve("out");
        assertEquals(0, run("rules", "backtest", "--baseline", CandidateRuleSets.SHIPPED, "--candidate", candidate,
                "--input", SCENARIO, "--reference", REFERENCE, "--out", outDir, "--changes-only"), err.toString());
        List<String> lines = out.toString().lines().toList();
        int header = lines.indexOf(String.format("%-42s %9s %9s %7s", "rule / level / department", "baseline",
                "candidate", "Δ"));
        int total = header + 1;
        while (!lines.get(total).startsWith("total ")) {
            total++;
        }
        List<String> table = lines.subList(header + 1, total);
        assertFalse(table.isEmpty(), out.toString());
        for (String line : table) {
            assertFalse(line.substring(62, 70).strip().equals("0"), "a line without a difference: " + line);
        }
        assertTrue(table.stream().anyMatch(l -> l.startsWith("REPEAT_COMPLAINT ")), out.toString());

        int onlyCandidate = Files.readAllLines(outDir.resolve(BacktestFiles.ONLY_CANDIDATE)).size();
        int changed = Files.readAllLines(outDir.resolve(BacktestFiles.CHANGED)).size();
        List<String> alerts = lines.stream().filter(l -> l.matches("  (moved|removed|added|changed) .*")).toList();
        assertEquals(onlyCandidate + changed, alerts.size(), out.toString());
        assertTrue(lines.contains("Alerts that differ: " + alerts.size() + " (0 moved, 0 removed, " + onlyCandidate
                + " added, " + changed + " changed)"), out.toString());
    }

    @Test
    void invalidCandidate_namesTheSideTheFileAndTheField_exit2() throws Exception {
        Path candidate = CandidateRuleSets.repeatThreshold(dir, 1);
        int exit = run("rules", "backtest", "--baseline", CandidateRuleSets.SHIPPED, "--candidate", candidate,
                "--input", SCENARIO, "--reference", REFERENCE, "--out", dir.resolve("out"));
        assertEquals(GridwardenCli.USAGE, exit);
        assertEquals("gridwarden rules backtest: rule set is not valid:\n  - candidate " + candidate
                + ":52:16: repeat-complaint.threshold: 1 must be at least 2 (one complaint is not a repetition)\n",
                err.toString().replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(dir.resolve("out")), "nothing run, nothing written");
    }

    @Test
    void fromNotBeforeTo_exit2() {
        int exit = run("rules", "backtest", "--baseline", CandidateRuleSets.SHIPPED, "--candidate",
                CandidateRuleSets.SHIPPED, "--input", SCENARIO, "--reference", REFERENCE,
                "--from", "2026-11-20T10:00:00+08:00", "--to", "2026-11-20T09:00:00+08:00");
        assertEquals(GridwardenCli.USAGE, exit);
        assertEquals(
                "gridwarden rules backtest: --from 2026-11-20T10:00+08:00 is not before --to 2026-11-20T09:00+08:00\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void inputThatIsNoDirectory_exit2() {
        Path missing = dir.resolve("no-such-history");
        int exit = run("rules", "backtest", "--baseline", CandidateRuleSets.SHIPPED, "--candidate",
                CandidateRuleSets.SHIPPED, "--input", missing, "--reference", REFERENCE);
        assertEquals(GridwardenCli.USAGE, exit);
        assertEquals("gridwarden rules backtest: --input " + missing + ": not a directory\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    /** The alerts a replay of the scenario with one rule set raises, by id. */
    private Map<String, Alert> replay(Path ruleSet) throws Exception {
        return ReplayJob.run(new ReplayJob.Settings(SCENARIO, dir.resolve("replay-" + ruleSet.getFileName()), null, 2),
                        Fixtures.reference(), RuleSetLoader.load(ruleSet, Fixtures.reference()), System.out)
                .alerts().stream().collect(Collectors.toMap(Alert::alertId, Function.identity()));
    }

    /** What the rules decided about an alert: everything but the rule-set version and the emit time. */
    private JsonNode comparable(Alert alert) {
        ObjectNode node = (ObjectNode) json(codec.toJson(alert));
        node.remove(List.of("ruleSetVersion", "emittedAt"));
        return node;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static Set<String> alertIds(Path file, Function<String, Alert> decode) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<String> ids = lines.stream().map(decode).map(Alert::alertId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(lines.size(), ids.size(), file + ": one line per alert");
        return ids;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
