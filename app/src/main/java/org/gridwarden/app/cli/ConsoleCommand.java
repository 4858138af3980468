package org.gridwarden.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.console.Console;
import org.gridwarden.jobs.options.DistrictOptions;
import org.gridwarden.jobs.options.KafkaPropertiesOption;
import org.gridwarden.rules.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Serve the operations center's web console: the live alert feed with filters, today's counts"
                + " per department and level against the week before, and the risk map of every grid, read"
                + " read_committed from alerts.all and risk.grids and pushed to the page as they land. Works"
                + " offline. Ctrl-C to stop.")
final class ConsoleCommand implements Callable<Integer> {

    /** Where the access token may come from besides {@code --token-file}. */
    static final String TOKEN_VARIABLE = "GRIDWARDEN_CONSOLE_TOKEN";

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT")
    String bootstrapServers;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to serve on (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only). Any other address"
                    + " needs an access token.")
    String bind;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the access token a browser must show once (/?token=...); or set "
                    + TOKEN_VARIABLE + ".")
    Path tokenFile;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N",
            description = "Days before today the averages cover (default ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    DistrictOptions district;

    @Mixin
    KafkaPropertiesOption kafkaProperties;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must lie between 0 and 65535, not " + port);
        }
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, not " + days);
        }
        ReferenceData reference = district.loadReference();
        KafkaSettings kafka = KafkaSettings.defaults(bootstrapServers).withClientProperties(kafkaProperties.load());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "gridwarden-console-stop"));
        try (Console console = Console.start(new Console.Settings(kafka.clientConfig(),
                kafka.allAlertsTopic(), kafka.riskTopic(), bind, port, token(), days), reference,
                district.referenceDirectory(), Clock.systemUTC())) {
            System.out.println("gridwarden console: " + console.url());
            stop.await();
        }
        return 0;
    }

    private String token() {
        if (tokenFile != null) {
            try {
                return Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("--token-file " + tokenFile + ": cannot read it", e);
            }
        }
        String fromEnvironment = System.getenv(TOKEN_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
    }
}
