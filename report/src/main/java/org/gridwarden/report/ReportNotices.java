package org.gridwarden.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warnings for a day whose figures would otherwise read as a quiet day: the archive's files for the day are
 * empty, or the alert files hold no alert at all on the day. Zeros there mean missing data more often than
 * a calm district, so the report says so above every figure.
 */
final class ReportNotices {

    private ReportNotices() {}

    static List<Notice> of(LocalDate day, DailyFigures.Source source, int alertsToday,
            Optional<DayInput> input) {
        List<Notice> notices = new ArrayList<>();
        input.ifPresent(in -> {
            if (in.files() == 0) {
                notices.add(new Notice("归档中 " + day + " 的目录没有输入文件：当日数据缺失，本日报不反映当日实际情况。",
                        "The archive's directory for " + day + " holds no input file: the day's data is missing and"
                                + " this report does not describe the day."));
            } else if (in.records() == 0) {
                notices.add(new Notice("归档中 " + day + " 的 " + in.files() + " 个输入文件均为空（0 条记录）：当日数据缺失，"
                        + "静默网格等告警因此而来，本日报不反映当日实际情况。",
                        "The archive's " + in.files() + " input files for " + day + " are empty (0 records): the day's"
                                + " data is missing, alerts such as silent grids follow from that, and this report does"
                                + " not describe the day."));
            }
        });
        if (alertsToday == 0 && source.alerts() > 0) {
            boolean outside = day.isBefore(source.firstDay()) || day.isAfter(source.lastDay());
            notices.add(outside
                    ? new Notice("统计日不在告警文件的时间范围内（" + source.firstDay() + " 至 " + source.lastDay()
                            + "）：当日的 0 不是无告警，而是没有数据。",
                            "The day lies outside the alert files (" + source.firstDay() + " to " + source.lastDay()
                                    + "): its zeros mean no data, not no alerts.")
                    : new Notice("当日没有任何告警：请确认当日的输入数据已归档并已回放，0 可能意味着数据缺失。",
                            "No alert at all on the day: check that the day's input was archived and replayed;"
                                    + " zeros may mean missing data."));
        }
        return List.copyOf(notices);
    }
}
