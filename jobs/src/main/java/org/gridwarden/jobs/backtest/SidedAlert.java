package org.gridwarden.jobs.backtest;

import org.gridwarden.rules.model.Alert;

/** An alert of a backtest with the side whose rules raised it. */
public record SidedAlert(Side side, Alert alert) {}
