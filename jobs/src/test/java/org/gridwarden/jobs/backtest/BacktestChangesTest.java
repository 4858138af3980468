package org.gridwarden.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code rules backtest --changes-only}: only the table lines with a difference, and each differing alert once;
 * an alert that a candidate only raises at another time is one moved line, not one removed and one added.
 */
class BacktestChangesTest {

    private static final AlertCodec CODEC = new AlertCodec();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<Alert> WEEK = read();
    private static final List<String> RULES =
            List.of("HAZARD_NOT_REPORTED_BY_GRID", "OVERDUE_CASE", "SIGN_FOR_TIMEOUT", "SILENT_GRID");

    private final Alert signFor = WEEK.get(0);          // SIGN_FOR_TIMEOUT WARNING case:K-003, 11-16 13:05
    private final Alert overdueXicheng = WEEK.get(1);   // OVERDUE_CASE WARNING case:K-002, 11-17 05:12
    private final Alert overdueMarket = WEEK.get(2);    // OVERDUE_CASE WARNING case:K-003, 11-17 06:12
    private final Alert hazardDonghu = WEEK.get(3);     // HAZARD_NOT_REPORTED_BY_GRID ALERT grid:S01C01G01|gas
    private final Alert hazardEmergency = WEEK.get(4);

    @Test
    void anAlertRaisedAtAnotherTime_isOneMovedLine_withTheOldAndNewTime() {
        // a longer time limit: the same warning for K-002 two hours later (a new id, as the id names the time)
        Alert later = with(with(overdueXicheng, "eventTime", "2026-11-16T23:12:00Z"), "alertId", "later-id");
        BacktestComparison c = BacktestComparison.of(RULES, List.of(signFor, overdueXicheng, hazardDonghu),
                List.of(later, hazardDonghu, hazardEmergency));
        assertEquals(List.of(
                "Alerts that differ: 3 (1 moved, 1 removed, 1 added, 0 changed)",
                "  moved    OVERDUE_CASE                 WARNING    case:K-002                               "
                        + "2026-11-17 05:12 → 2026-11-17 07:12",
                "  removed  SIGN_FOR_TIMEOUT             WARNING    case:K-003                               "
                        + "2026-11-16 13:05",
                "  added    HAZARD_NOT_REPORTED_BY_GRID  ALERT      grid:S01C01G01|gas                       "
                        + "2026-11-17 09:00"), changes(c));
    }

    @Test
    void movedPairsOnlyTheSameRuleSubjectAndLevel_inTimeOrder() {
        Alert otherLevel = with(with(overdueXicheng, "level", "OVERDUE"), "alertId", "other-level");
        BacktestChanges changes = BacktestChanges.of(BacktestComparison.of(RULES, List.of(overdueXicheng),
                List.of(otherLevel)));
        assertEquals(List.of(), changes.moved());
        assertEquals(List.of(overdueXicheng), changes.removed());
        assertEquals(List.of(otherLevel), changes.added());
    }

    @Test
    void changesOnly_tableHasOnlyLinesWithADifference() {
        BacktestComparison c = BacktestComparison.of(RULES,
                List.of(signFor, overdueXicheng, overdueMarket, hazardDonghu),
                List.of(overdueXicheng, overdueMarket, hazardDonghu, hazardEmergency));
        StringWriter out = new StringWriter();
        c.print(new PrintWriter(out, true), true);
        assertEquals(List.of(
                "rule / level / department                   baseline candidate       Δ",
                "HAZARD_NOT_REPORTED_BY_GRID                        1         2      +1",
                "  ALERT      emergency                             0         1      +1  区应急管理局",
                "SIGN_FOR_TIMEOUT                                   1         0      -1",
                "  WARNING    market-regulation                     1         0      -1  区市场监督管理局",
                "total                                              4         4       0"),
                out.toString().lines().toList());
    }

    @Test
    void noDifference_saysSo() {
        assertEquals(List.of("No alert differs."), changes(BacktestComparison.of(RULES, WEEK, WEEK)));
    }

    private static List<String> changes(BacktestComparison c) {
        StringWriter out = new StringWriter();
        BacktestChanges.of(c).print(new PrintWriter(out, true), SHANGHAI);
        return out.toString().lines().toList();
    }

    private static Alert with(Alert alert, String field, String value) {
        try {
            ObjectNode node = (ObjectNode) new ObjectMapper().readTree(CODEC.toJson(alert));
            node.put(field, value);
            return CODEC.decodeAlert(node.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Alert> read() {
        try {
            return Files.readAllLines(Fixtures.sampleData().resolve("scenarios/district-week/expected-alerts.jsonl"),
                    StandardCharsets.UTF_8).stream().map(CODEC::decodeAlert).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
