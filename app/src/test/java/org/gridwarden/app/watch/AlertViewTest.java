package org.gridwarden.app.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridwarden.app.watch.AlertLine;
import org.gridwarden.app.watch.AlertView;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.junit.jupiter.api.Test;

/** Rendering without Kafka: the line layout, colours only when asked, the level filter and the counts line. */
class AlertViewTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void oneLine_localTimeLevelDepartmentPlaceTitle_alignedByDisplayWidth() {
        AlertView view = new AlertView(out, SHANGHAI, Set.of(), false, 20);
        view.accept(WatchAlerts.alert(0));
        view.accept(WatchAlerts.alert(7));
        assertEquals(List.of(
                "11-16 13:05  WARNING    K-003           区市场监督管理局  东湖街道 湖滨社区第1网格    派单签收超时：食品安全问题",
                "11-17 10:00  OVERDUE    K-002           西城街道办事处    西城街道 西门社区第1网格    案件超期未办结：消防通道堵塞"),
                lines());
    }

    @Test
    void everyLevel_caseIdAndColumnsStartAtTheSameDisplayColumn() {
        AlertView view = new AlertView(out, SHANGHAI, Set.of(), false, 20);
        List<Alert> alerts = new ArrayList<>();
        String[] cases = {"K-003", "QY2026111600123", null, "案件-12", "K-1"};
        AlertLevel[] levels = AlertLevel.values();
        for (int i = 0; i < levels.length; i++) {
            // departments and places of different widths, Chinese and not
            Alert alert = WatchAlerts.with(WatchAlerts.alert(new int[] {0, 7, 3, 4, 1}[i]), levels[i], cases[i]);
            alerts.add(alert);
            view.accept(alert);
        }
        List<String> lines = lines();
        assertEquals(levels.length, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Alert alert = alerts.get(i);
            String caseId = alert.caseId() != null ? alert.caseId() : "-";
            assertEquals(List.of(13, 24, 40, 58, 86), List.of(
                    column(line, alert.level().name()), column(line, caseId), column(line, alert.departmentName()),
                    column(line, alert.streetName() + " "), column(line, alert.title())), line);
        }
    }

    /** The display column (CJK characters count two) at which {@code text} starts in {@code line}. */
    private static int column(String line, String text) {
        int at = line.indexOf(text, 12);
        assertTrue(at >= 0, text + " not in " + line);
        return AlertLine.width(line.substring(0, at));
    }

    @Test
    void levelIsColouredBySeverity_onlyWhenColoursAreOn() {
        new AlertView(out, SHANGHAI, Set.of(), true, 20).accept(WatchAlerts.alert(7));
        assertTrue(lines().get(0).contains("\u001B[1;31mOVERDUE  \u001B[0m"), lines().get(0));
        bytes.reset();
        new AlertView(out, SHANGHAI, Set.of(), false, 20).accept(WatchAlerts.alert(7));
        assertFalse(lines().get(0).contains("\u001B"), lines().get(0));
    }

    @Test
    void onlyTheChosenLevels_countsPerDepartmentAfterEveryNShown() {
        AlertView view = new AlertView(out, SHANGHAI, Set.of(AlertLevel.ALERT), false, 2);
        for (int i : new int[] {0, 1, 3, 4, 7}) { // WARNING, WARNING, ALERT, ALERT, OVERDUE
            view.accept(WatchAlerts.alert(i));
        }
        List<String> lines = lines();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("ALERT      K-001           东湖街道办事处    东湖街道 湖滨社区第1网格    隐患漏报：燃气泄漏"), lines.get(0));
        assertTrue(lines.get(1).contains("ALERT      K-001           区应急管理局"), lines.get(1));
        assertEquals("── 2 alerts (of 4 received) │ 东湖街道办事处 1 · 区应急管理局 1 ──", lines.get(2));
        assertEquals(2, view.shown());
        assertEquals(5, view.received());
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
