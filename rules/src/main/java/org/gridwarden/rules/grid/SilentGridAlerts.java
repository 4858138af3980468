package org.gridwarden.rules.grid;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.ruleset.RuleSetHistory.InForce;
import org.gridwarden.rules.ruleset.SilentGridRules;
import org.gridwarden.rules.ruleset.TimeSpan;

/** The wording and routing of a silent-grid alert (网格静默): to the grid's street office, as a WARNING. */
final class SilentGridAlerts implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RuleContext ctx;

    SilentGridAlerts(RuleContext ctx) {
        this.ctx = ctx;
    }

    Alert silent(String gridId, Silence s, Instant at) {
        InForce<SilentGridRules> rules = SilentGridRule.rulesFor(ctx, gridId, s.since()).orElseThrow();
        TimeSpan silence = rules.parameters().silence();
        // validated input names only grids of the reference data, and every street has its office
        GridPlace place = ctx.reference().grid(gridId).orElseThrow();
        Department office = ctx.reference().department(place.street().department()).orElseThrow();
        AlertFactory alerts = ctx.alerts();
        String grid = place.grid().name() + "（" + place.community().name() + "，网格员" + place.grid().workerName() + "）";
        String since = s.lastPatrolId() == null
                ? "自" + alerts.local(s.since()) + "开始监测以来"
                : "自" + alerts.local(s.since()) + "最后一次巡查（" + s.lastPatrolId() + "）以来";
        String title = "网格静默：" + place.grid().name() + silence.toChinese() + "无巡查";
        String message = grid + since + "已" + silence.toChinese() + "无巡查上报，请" + office.name() + "核实网格员履职情况。";
        List<String> evidence = s.lastPatrolId() == null ? List.of() : List.of(s.lastPatrolId());
        return alerts.create(new AlertFactory.Finding(SilentGridRule.RULE_ID, AlertLevel.WARNING, "grid:" + gridId,
                s.since().toString(), null, office, gridId, null, title, message, evidence, at, null),
                rules.version());
    }
}
