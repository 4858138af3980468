package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} then a plain {@code replay --input} of its output: the horizon is the export time the import
 * recorded, so a request still open at the export and past its due time is overdue, though no later event says
 * so; {@code --until} still sets another horizon.
 */
class ImportedReplayHorizonTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** NYC's 59893001 is open and due 2024-01-09 20:00; the newest event is 16:10 the same day. */
    private Path importNewYork() {
        Path imported = dir.resolve("nyc");
        assertEquals(0, CliRun.execute(out, err, "import", "--mapping",
                Fixtures.sampleData().resolve("new-york/mapping.yaml"), "--input",
                Fixtures.projectRoot().resolve("importer/src/test/resources/importer/nyc-311.csv"), "--out", imported,
                "--emit-reference", imported.resolve("reference"), "--exported-at", "2024-01-10T08:00:00-05:00"),
                err.toString());
        return imported;
    }

    private List<String> overdueCases(Path imported, Object... options) throws Exception {
        Path alerts = dir.resolve("alerts-" + options.length);
        Object[] args = List.of("replay", "--input", imported, "--out", alerts, "--reference",
                imported.resolve("reference"), "--rules", Fixtures.sampleData().resolve("new-york/ruleset.yaml"))
                .toArray(new Object[0]);
        Object[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(options))
                .toArray();
        assertEquals(0, CliRun.execute(out, err, CliRun.withSampleKey(all)), err.toString());
        AlertCodec codec = new AlertCodec();
        return Files.readAllLines(alerts.resolve("alerts/all.jsonl")).stream().map(codec::decodeAlert)
                .filter(a -> a.level() == AlertLevel.OVERDUE).map(Alert::caseId).toList();
    }

    @Test
    void plainReplay_runsToTheRecordedExportTime_andUntilStillOverridesIt() throws Exception {
        Path imported = importNewYork();
        assertEquals(List.of("59893001"), overdueCases(imported));
        assertEquals(List.of(), overdueCases(imported, "--until", "2024-01-09T19:00:00-05:00"));
    }
}
