package org.gridwarden.rules.grid;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.alert.AlertFactory;
import org.gridwarden.rules.alert.Bilingual;
import org.gridwarden.rules.alert.ReferenceNames;
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
        Bilingual grid = ReferenceNames.grid(place.grid());
        Bilingual community = ReferenceNames.community(place.community());
        Bilingual worker = ReferenceNames.worker(place.grid());
        Bilingual span = ReferenceNames.span(silence);
        Bilingual to = ReferenceNames.department(office);
        String from = alerts.local(s.since());
        Bilingual since = s.lastPatrolId() == null
                ? new Bilingual("自" + from + "开始监测以来", "monitoring began at " + from)
                : new Bilingual("自" + from + "最后一次巡查（" + s.lastPatrolId() + "）以来",
                        "the last patrol (" + s.lastPatrolId() + ") at " + from);
        Bilingual title = new Bilingual("网格静默：" + grid.zh() + span.zh() + "无巡查",
                "Silent grid: no patrol in " + grid.en() + " for " + span.en());
        Bilingual message = new Bilingual(
                grid.zh() + "（" + community.zh() + "，" + worker.zh() + "）" + since.zh() + "已" + span.zh()
                        + "无巡查上报，请" + to.zh() + "核实网格员履职情况。",
                grid.en() + " (" + community.en() + ", " + worker.en() + ") has reported no patrol for " + span.en()
                        + " since " + since.en() + ". " + to.en() + " should check on the grid worker's duties.");
        List<String> evidence = s.lastPatrolId() == null ? List.of() : List.of(s.lastPatrolId());
        return alerts.create(new AlertFactory.Finding(SilentGridRule.RULE_ID, AlertLevel.WARNING, "grid:" + gridId,
                s.since().toString(), null, office, gridId, null, title, message, evidence, at, null),
                rules.version());
    }
}
