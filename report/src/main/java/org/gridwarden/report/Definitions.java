package org.gridwarden.report;

import java.util.List;

/** What the report's figures mean, printed at its foot in both renderings. */
final class Definitions {

    /** One term with its definition in Chinese and in English. */
    record Definition(Label term, String chinese, String english) {}

    static final List<Definition> ALL = List.of(
            new Definition(new Label("day", "统计日", "Report day"),
                    "告警的事件时间（告警成立的时间）落在该日 00:00 至 24:00（区所在时区）。每条告警计一次："
                            + "同一线索分别通知两个单位时为两条告警。",
                    "An alert belongs to the day on which its event time (when it became true) falls, in the"
                            + " district's time zone. Every alert counts once, so a finding sent to two departments"
                            + " counts twice."),
            new Definition(new Label("average", "前7日平均与变化", "7-day average and change"),
                    "前7日（D-7 至 D-1）每日告警数之和除以 7，无告警的日子计 0；变化 = 当日 − 前7日平均，括号内为相对变化，"
                            + "仅在前7日平均不小于 5 时给出（基数小时百分比失真）。各统计表按当日告警数从多到少排列，同数按名称。",
                    "The sum of the counts on D-7 … D-1 divided by 7, days without alerts counting 0; change = day"
                            + " − average, in brackets relative to the average, given only when the average is 5 or"
                            + " more (on a small base a percentage misleads). Totals tables list the most alerts on"
                            + " the day first, ties by name."),
            new Definition(new Label("open-cases", "当日超期、升级督办案件", "Overdue and escalated cases"),
                    "当日收到超期或升级督办告警的案件，每案一行，取当日最高等级；升级督办在前，再按办理时限先后。",
                    "Cases with an overdue or escalated alert on the day, one row each at the highest level of the"
                            + " day; escalated first, then by deadline."),
            new Definition(new Label("risk", "风险分", "Risk score"),
                    "当日该网格（或街道）全部告警的严重度之和：警示 2、超期 3、预警 3、升级督办 4、紧急 4。同分时告警多者在前。",
                    "The sum of the severities of the day's alerts about the grid (or street): warning 2, overdue 3,"
                            + " alert 3, escalated 4, critical 4. Ties: more alerts first."),
            new Definition(new Label("overdue-rate", "超期率", "Overdue rate"),
                    "单位当日收到案件超期类告警（临期、超期、升级督办）的案件中，当日告警为超期或升级督办的案件所占比例。"
                            + "告警文件不含按时办结、从未告警的案件，故它是当日到达时限节点的案件中已超期的比例，"
                            + "不是全部在办案件的超期率。升级督办告警发给上一级单位，故接收升级的单位为 100%。",
                    "Of the cases for which the department received a time-limit alert (warning, overdue or"
                            + " escalated) on the day, the share whose alert was overdue or escalated. Alert files do"
                            + " not hold cases that met their deadline without an alert, so this is the share of the"
                            + " day's time-limit milestones that were missed deadlines, not an overdue rate of all"
                            + " open cases. Escalations go to the next tier, whose rate is therefore 100%."),
            new Definition(new Label("hotspots", "重复投诉热点", "Repeat-complaint hot spots"),
                    "当日或前7日有重复投诉、案结事不了告警的对象（投诉人、楼栋或地址，连同问题大类），按当日告警数、"
                            + "再按前7日告警数排序，列前10。",
                    "Subjects (a complainant, building or address, with a category family) with repeat-complaint"
                            + " or complaint-after-closure alerts on the day or the 7 days before, most alerts on the"
                            + " day first, then most before; top 10."),
            new Definition(new Label("silent", "静默网格", "Silent grids"),
                    "当日成立的网格静默告警：网格连续多日无巡查上报。",
                    "The day's silent-grid alerts: grids without a patrol report for the rule set's number of days."),
            new Definition(new Label("hazards", "隐患瞒报漏报", "Unreported hazards"),
                    "当日成立的隐患漏报、巡查未发现、隐患未立案告警；证据为告警依据的台账事件和网格上报编号。",
                    "The day's hazard-not-reported-by-grid, patrol-missed-hazard and hazard-not-filed alerts; the"
                            + " evidence is the ids of the ledger events and grid reports the alert rests on."));

    private Definitions() {}
}
