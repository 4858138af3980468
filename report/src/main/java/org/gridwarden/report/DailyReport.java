package org.gridwarden.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * The operations center's daily report (运行日报) for one day: {@code daily-report-D.html}, a self-contained page
 * to open or print, and {@code daily-report-D.md}, its Markdown twin, both from the same {@link DailyFigures}.
 */
public final class DailyReport {

    /** The files written and the figures they show. */
    public record Written(Path html, Path markdown, DailyFigures figures) {}

    private DailyReport() {}

    /** The report of {@code day} from the alerts of a replay output or alerts directory. */
    public static Written write(Path alertsDir, LocalDate day, Path outDir, ReferenceData reference) {
        return write(List.of(alertsDir), day, outDir, reference);
    }

    /** The report of {@code day} from the alerts of several directories, e.g. consecutive nightly replays. */
    public static Written write(List<Path> alertsDirs, LocalDate day, Path outDir, ReferenceData reference) {
        return writeFrom(AlertFiles.read(alertsDirs), day, outDir, reference);
    }

    /** The report of {@code day} from alerts in memory, e.g. those a replay has just written. */
    public static Written writeFrom(List<Alert> alerts, LocalDate day, Path outDir, ReferenceData reference) {
        return writeFrom(alerts, day, outDir, reference, Optional.empty());
    }

    /**
     * The report of {@code day} from alerts in memory, knowing what the day archive held for the day, so that a
     * day of empty files is reported as missing data.
     */
    public static Written writeFrom(List<Alert> alerts, LocalDate day, Path outDir, ReferenceData reference,
            Optional<DayInput> input) {
        DailyFigures figures = DailyFiguresCalculator.compute(alerts, day, reference, input);
        Path html = outDir.resolve("daily-report-" + day + ".html");
        Path markdown = outDir.resolve("daily-report-" + day + ".md");
        try {
            Files.createDirectories(outDir);
            Files.writeString(html, HtmlReport.render(figures), StandardCharsets.UTF_8);
            Files.writeString(markdown, MarkdownReport.render(figures), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(outDir + ": cannot write the report: " + e, e);
        }
        return new Written(html, markdown, figures);
    }
}
