package org.gridwarden.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridwarden.jobs.options.ReferenceOption;
import org.gridwarden.report.AlertFiles;
import org.gridwarden.report.DailyReport;
import org.gridwarden.report.Trend;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the daily report of one day from replay outputs: daily-report-D.html (self-contained,"
                + " printable, in Chinese) and daily-report-D.md (Chinese with English): totals by rule, level and"
                + " department against the 7 days before, the day's overdue and escalated cases, overdue rate per"
                + " department, top grids and streets by risk score, repeat-complaint hot spots, silent grids and"
                + " unreported hazards with evidence. A day outside the alerts read is refused (exit 2).")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--alerts", required = true, paramLabel = "DIR",
            description = "A replay's output directory (alerts/all.jsonl) or its alerts directory (all.jsonl)."
                    + " Repeat it to read several, e.g. the last 8 nightly replays; an alert in two counts once.")
    List<Path> alerts;

    @Option(names = "--day", required = true, paramLabel = "DATE", converter = DayConverter.class,
            description = "The day to report, e.g. 2026-12-16, in the district's time zone.")
    LocalDate day;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the two files.")
    Path out;

    @Mixin
    ReferenceOption reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path dir : alerts) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--alerts " + dir + ": not a directory");
            }
        }
        ReferenceData district = reference.load();
        List<Alert> read = AlertFiles.read(alerts);
        checkDayInData(read, district.zone());
        DailyReport.Written written = DailyReport.writeFrom(read, day, out, district);
        Trend total = written.figures().total();
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d alerts (7-day average %.1f); wrote %s and %s%n", day,
                total.today(), total.previousAverage(), written.html(), written.markdown());
        return 0;
    }

    /** A day outside the alerts read would be a report of zeros that looks like a quiet day: refused. */
    private void checkDayInData(List<Alert> read, ZoneId zone) {
        List<LocalDate> days = read.stream().map(a -> a.eventTime().atZone(zone).toLocalDate()).sorted().toList();
        if (days.isEmpty()) {
            throw new IllegalArgumentException("--day " + day + ": the alert files hold no alert at all, so there is"
                    + " nothing to report; check that the replay covered the day");
        }
        LocalDate first = days.get(0);
        LocalDate last = days.get(days.size() - 1);
        if (day.isBefore(first) || day.isAfter(last)) {
            throw new IllegalArgumentException("--day " + day + " is outside the alerts read (" + first + " to " + last
                    + "); replay that day first (replay --emit-from/--emit-to) or pass its output with --alerts");
        }
    }

    static final class DayConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date such as 2026-12-16");
            }
        }
    }
}
