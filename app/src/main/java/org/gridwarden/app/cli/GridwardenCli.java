package org.gridwarden.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.gridwarden.rules.reference.ReferenceDataException;
import org.gridwarden.rules.ruleset.RuleSetException;
import org.gridwarden.bench.CityBench;
import org.gridwarden.bench.StateBackendBench;
import org.gridwarden.importer.ImportMappingException;
import org.apache.logging.log4j.LogManager;
import org.gridwarden.connectors.kafka.KafkaReachability;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gridwarden}: the command line of the governance risk early-warning jobs (基层治理风险预警). */
@Command(
        name = "gridwarden",
        mixinStandardHelpOptions = true,
        version = "gridwarden 0.1.0",
        description = "Governance risk early-warning on Apache Flink: grid reports and service-ledger events in,"
                + " alerts to the responsible departments out.",
        subcommands = {DemoCommand.class, ReplayCommand.class, ReportCommand.class, GenerateCommand.class,
            ImportCommand.class, RunCommand.class, WatchCommand.class, ConsoleCommand.class, RulesCommand.class, CityBench.class,
            StateBackendBench.class})
public final class GridwardenCli {

    /** Exit code for wrong arguments, unreadable files and invalid rule sets, reference data or import mappings. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        ProcessLog.name(args);
        String command = ProcessLog.command(args);
        LogManager.getLogger(GridwardenCli.class).info("gridwarden{} started (process {})",
                command.isEmpty() ? "" : " " + command, ProcessHandle.current().pid());
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GridwardenCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(GridwardenCli::explain);
        cli.setParameterExceptionHandler(GridwardenCli::wrongArguments);
        return cli;
    }

    /** A wrong argument: what is wrong in one line and where to read more, not the whole usage text. */
    private static int wrongArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see " + cli.getCommandSpec().qualifiedName() + " --help");
        return USAGE;
    }

    /** Problems the user can fix get one clear message and exit code 2; anything else is a bug and shows its trace. */
    private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof ReferenceDataException || e instanceof RuleSetException || e instanceof ImportMappingException
                || e instanceof IllegalArgumentException || e instanceof UncheckedIOException
                || e instanceof KafkaReachability.Unreachable) {
            err.println(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return USAGE;
        }
        err.println(cli.getCommandSpec().qualifiedName() + " failed: " + e);
        e.printStackTrace(err);
        return 1;
    }
}
