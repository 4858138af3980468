package org.gridwarden.bench;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * One measured job: a synthetic input and the rule operators it feeds.
 *
 * @param unit what the state is counted in for "bytes per unit", e.g. open case
 * @param units how many of them the input leaves in state
 */
record Workload(String name, String families, InputGenerator input, String unit, long units, Wiring wiring) {

    /** Attaches the real rule operators to the input; each returned stream goes to a discarding sink. */
    interface Wiring {
        List<DataStream<?>> wire(DataStream<Ingested> records, DataStream<LedgerEvent> ledger,
                DataStream<GridReport> reports, RuleContext ctx);
    }

    long positions() {
        return input.positions;
    }
}
