package org.gridwarden.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The comparison of two sides' alerts, without Flink, on alerts of the district-week scenario: matched by id,
 * compared without the rule-set version and the emit time, counted per rule, level and department.
 */
class BacktestComparisonTest {

    private static final AlertCodec CODEC = new AlertCodec();
    private static final List<Alert> WEEK = read();
    private static final List<String> RULES =
            List.of("HAZARD_NOT_REPORTED_BY_GRID", "OVERDUE_CASE", "SIGN_FOR_TIMEOUT", "SILENT_GRID");

    // SIGN_FOR_TIMEOUT market-regulation, OVERDUE_CASE street-xicheng, OVERDUE_CASE market-regulation,
    // HAZARD_NOT_REPORTED_BY_GRID street-donghu, HAZARD_NOT_REPORTED_BY_GRID emergency
    private final Alert signFor = WEEK.get(0);
    private final Alert overdueXicheng = WEEK.get(1);
    private final Alert overdueMarket = WEEK.get(2);
    private final Alert hazardDonghu = WEEK.get(3);
    private final Alert hazardEmergency = WEEK.get(4);

    @Test
    void theSameAlertsUnderAnotherVersion_emittedLater_areNoChange() {
        List<Alert> candidate = WEEK.stream().map(a -> with(a, "ruleSetVersion", "2026.12-1"))
                .map(a -> with(a, "emittedAt", "2026-12-01T00:00:00Z")).toList();
        BacktestComparison c = BacktestComparison.of(RULES, WEEK, candidate);
        assertEquals(List.of(), c.onlyBaseline());
        assertEquals(List.of(), c.onlyCandidate());
        assertEquals(List.of(), c.changed());
        c.rows().forEach(r -> assertEquals(0, r.delta(), r.toString()));
        assertEquals(WEEK.size(), c.candidateTotal());
    }

    @Test
    void alertsOfOneSideOnly_andAlertsOfBothWithOtherContent_areListedApart() {
        Alert reworded = with(with(overdueMarket, "message", "另一种说法"), "ruleSetVersion", "2026.12-1");
        BacktestComparison c = BacktestComparison.of(RULES,
                List.of(signFor, overdueXicheng, overdueMarket, hazardDonghu),
                List.of(overdueXicheng, reworded, hazardDonghu, hazardEmergency));
        assertEquals(List.of(signFor), c.onlyBaseline());
        assertEquals(List.of(hazardEmergency), c.onlyCandidate());
        assertEquals(List.of(new BacktestComparison.ChangedAlert(overdueMarket.alertId(), List.of("message"),
                overdueMarket, reworded)), c.changed());
    }

    @Test
    void table_rulesThatDifferFirst_thenLevelAndDepartment_withTotals() {
        BacktestComparison c = BacktestComparison.of(RULES,
                List.of(signFor, overdueXicheng, overdueMarket, hazardDonghu),
                List.of(overdueXicheng, overdueMarket, hazardDonghu, hazardEmergency));
        StringWriter out = new StringWriter();
        c.print(new PrintWriter(out, true));
        assertEquals(List.of(
                "rule / level / department                   baseline candidate       Δ",
                "HAZARD_NOT_REPORTED_BY_GRID                        1         2      +1",
                "  ALERT      emergency                             0         1      +1  区应急管理局",
                "  ALERT      street-donghu                         1         1       0  东湖街道办事处",
                "SIGN_FOR_TIMEOUT                                   1         0      -1",
                "  WARNING    market-regulation                     1         0      -1  区市场监督管理局",
                "OVERDUE_CASE                                       2         2       0",
                "  WARNING    market-regulation                     1         1       0  区市场监督管理局",
                "  WARNING    street-xicheng                        1         1       0  西城街道办事处",
                "SILENT_GRID                                        0         0       0",
                "total                                              4         4       0"),
                out.toString().lines().toList());
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
