package org.gridwarden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.app.cli.CliRun;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.Layout;
import org.gridwarden.testkit.generate.StreamGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --report-day} over a day archive in which the reported day's files are empty: the nightly
 * report says the day's data is missing, where it would otherwise show every grid as silent.
 */
class ReplayReportDayTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String REFERENCE = Fixtures.sampleData().resolve("reference").toString();
    private static final String RULES = Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void aDayOfEmptyFiles_isReportedAsMissingData_aDayWithRecordsIsNot() throws Exception {
        Path archive = dir.resolve("archive");
        GeneratorSettings settings = GeneratorSettings.of(10, 7);
        StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(), new GeneratorSettings(settings.days(),
                settings.seed(), settings.startDay(), Layout.DAYS), archive, line -> {});
        LocalDate empty = settings.startDay().plusDays(8);
        try (var files = Files.list(archive.resolve(empty.toString()))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "");
            }
        }

        String md = replayReport(archive, empty);
        assertTrue(md.contains("> **归档中 " + empty + " 的 2 个输入文件均为空（0 条记录）：当日数据缺失"), md);

        String normal = replayReport(archive, empty.minusDays(1));
        assertFalse(normal.contains("归档中"), normal);
    }

    private String replayReport(Path archive, LocalDate day) throws Exception {
        Path out = dir.resolve("out-" + day);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        // the archive holds an empty day whichever day is reported: the replay warns and exits 2, report written
        assertEquals(2, CliRun.execute(stdout, stderr, CliRun.withSampleKey("replay", "--input", archive, "--out", out,
                "--reference", REFERENCE, "--rules", RULES, "--report-day", day)), stderr.toString());
        return Files.readString(out.resolve("daily-report-" + day + ".md"));
    }
}
