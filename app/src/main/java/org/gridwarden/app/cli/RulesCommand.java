package org.gridwarden.app.cli;

import picocli.CommandLine.Command;

/** {@code gridwarden rules}: what a safety supervisor does with a rule set, from edit to live. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Validate, compare, backtest and deploy rule sets.",
        subcommands = {RulesValidateCommand.class, RulesDiffCommand.class, RulesBacktestCommand.class,
            RulesDeployCommand.class})
public final class RulesCommand {}
