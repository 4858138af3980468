package org.gridwarden.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "backtest", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class RulesBacktestCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("rules backtest");
    }
}
