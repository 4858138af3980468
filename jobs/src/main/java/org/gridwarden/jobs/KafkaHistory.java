package org.gridwarden.jobs;

import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridwarden.connectors.codec.IngestDecoder;
import org.gridwarden.connectors.kafka.KafkaEndpoints;
import org.gridwarden.connectors.kafka.KafkaSettings;
import org.gridwarden.rules.ingest.IngestWatermarks;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.ruleset.IngestRules;

/**
 * The live job's input topics as replay history, bounded by the records' Kafka timestamps ({@code from}, {@code
 * to}; null for the earliest and the latest record at start). The event-time window of the replay applies on top.
 */
public record KafkaHistory(KafkaSettings kafka, Instant from, Instant to) {

    public ReplayInput.Streams read(StreamExecutionEnvironment env, ReferenceData reference, IngestRules ingest) {
        KafkaEndpoints endpoints = new KafkaEndpoints(kafka);
        IngestDecoder decoder = new IngestDecoder(reference, ingest);
        WatermarkStrategy<Ingested> watermarks = IngestWatermarks.strategy(ingest.allowedLateness().toDuration());
        return new ReplayInput.Streams(
                env.fromSource(endpoints.boundedSource(kafka.gridReportsTopic(), IngestDecoder.GRID_REPORTS, decoder,
                        from, to), watermarks, "Grid reports (Kafka history)").uid("grid-reports-kafka-history"),
                env.fromSource(endpoints.boundedSource(kafka.ledgerEventsTopic(), IngestDecoder.LEDGER_EVENTS, decoder,
                        from, to), watermarks, "Ledger events (Kafka history)").uid("ledger-events-kafka-history"));
    }
}
