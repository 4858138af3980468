package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command pointed at a Kafka that does not answer says so in one line and exits 2, within its own time
 * limit: no job started, no stack trace.
 */
class KafkaUnreachableTest {

    private static final String REFERENCE = Fixtures.sampleData().resolve("reference").toString();
    private static final String RULES = Fixtures.projectRoot().resolve("rules/ruleset.yaml").toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String nobody;

    /** A local port that was free a moment ago: nothing listens there. */
    @BeforeEach
    void freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = "localhost:" + socket.getLocalPort();
        }
    }

    @Test
    void run_saysTheBrokerDoesNotAnswer() {
        int exit = CliRun.execute(out, err, CliRun.withSampleKey("run", "--bootstrap-servers", nobody,
                "--reference", REFERENCE, "--rules", RULES));
        assertEquals(GridwardenCli.USAGE, exit, err.toString());
        assertEquals(List.of("gridwarden run: Kafka at " + nobody + ": no broker answered within 10 s; is it running,"
                + " and are --bootstrap-servers and --kafka-properties right?"), err.toString().lines().toList());
    }

    @Test
    void rulesDeploy_givesUpWithinItsTimeout_andPublishesNothing() {
        int exit = CliRun.execute(out, err, "rules", "deploy", RULES, "--bootstrap-servers", nobody,
                "--reference", REFERENCE, "--timeout-seconds", "2");
        assertEquals(GridwardenCli.USAGE, exit, err.toString());
        assertEquals(List.of("gridwarden rules deploy: Kafka at " + nobody + ": no broker answered within 2 s; is it"
                + " running, and are --bootstrap-servers and --kafka-properties right?"), err.toString().lines().toList());
        assertEquals("", out.toString());
    }
}
