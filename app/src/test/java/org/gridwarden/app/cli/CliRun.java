package org.gridwarden.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.gridwarden.app.cli.GridwardenCli;
import org.gridwarden.rules.testing.Fixtures;
import picocli.CommandLine;

/** Runs {@code gridwarden} as a user does, with what it prints to its out and err captured. */
public final class CliRun {

    private CliRun() {}

    /** The exit code; arguments are passed as their {@code toString()}. */
    public static int execute(StringWriter out, StringWriter err, Object... args) {
        CommandLine cli = GridwardenCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(Arrays.stream(args).map(Object::toString).toArray(String[]::new));
    }

    /** The arguments of a command that needs a pseudonym key, with the sample key added. */
    public static Object[] withSampleKey(Object... args) {
        Object[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--pseudonym-key-file";
        all[args.length + 1] = Fixtures.sampleData().resolve("sample-pseudonym.key");
        return all;
    }
}
