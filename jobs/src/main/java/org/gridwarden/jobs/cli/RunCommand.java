package org.gridwarden.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "TODO")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
