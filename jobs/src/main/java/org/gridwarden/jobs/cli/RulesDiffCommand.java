package org.gridwarden.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "diff", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class RulesDiffCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("rules diff");
    }
}
