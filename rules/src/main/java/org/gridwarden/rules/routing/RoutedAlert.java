package org.gridwarden.rules.routing;

import org.gridwarden.rules.model.Alert;

/** An alert addressed to one destination: a department's topic or the operations center's. */
public record RoutedAlert(String destination, Alert alert) {}
