package org.gridwarden.rules.routing;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.wire.WireRecord;

/** An alert addressed to one destination: a department's topic or the operations center's. */
@TypeInfo(WireRecord.class)
public record RoutedAlert(String destination, Alert alert) {}
