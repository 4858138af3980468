package org.gridwarden.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.gridwarden.bench.InputGenerator;
import org.gridwarden.bench.Inputs;
import org.gridwarden.bench.SyntheticDistrict;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's measurements rest on its input coming in event-time order (so nothing is late and the
 * watermark releases everything) and ending with the marker after every other record.
 */
class InputGeneratorTest {

    private static final SyntheticDistrict DISTRICT = SyntheticDistrict.of(Fixtures.reference(), 1_000);

    @Test
    void everyWorkloadsInputIsInEventTimeOrderAndEndsWithTheMarker() {
        List<InputGenerator> inputs = List.of(
                new Inputs.OpenCases(DISTRICT, 500, Duration.ofHours(10)),
                new Inputs.Complaints(DISTRICT, 500, 100, Duration.ofDays(30)),
                new Inputs.Hazards(DISTRICT, 500, Duration.ofDays(30)),
                new Inputs.Patrols(DISTRICT, 500, Duration.ofDays(60)));
        for (InputGenerator input : inputs) {
            List<Ingested> records = generate(input);
            for (int i = 1; i < records.size(); i++) {
                assertTrue(records.get(i - 1).eventTimeMillis() <= records.get(i).eventTimeMillis(),
                        input.getClass().getSimpleName() + " goes back in time at record " + i);
            }
            assertEquals(input.markerTime().toEpochMilli(), records.get(records.size() - 1).eventTimeMillis());
        }
    }

    @Test
    void complaintsCloseTheCaseOpenedOneDayEarlier() {
        Inputs.Complaints input = new Inputs.Complaints(DISTRICT, 3_000, 100, Duration.ofDays(30));
        List<Ingested> records = generate(input);
        Ingested firstClose = records.stream()
                .filter(r -> r.ledgerEvent() != null && r.ledgerEvent().eventId().startsWith("X")).findFirst().orElseThrow();
        Ingested opened = records.stream()
                .filter(r -> r.ledgerEvent() != null && r.ledgerEvent().caseId().equals(firstClose.ledgerEvent().caseId()))
                .findFirst().orElseThrow();
        assertEquals(Duration.ofDays(1).toMillis(), firstClose.eventTimeMillis() - opened.eventTimeMillis(),
                Duration.ofHours(1).toMillis());
    }

    private static List<Ingested> generate(InputGenerator input) {
        List<Ingested> out = new ArrayList<>();
        Collector<Ingested> collector = new Collector<>() {
            @Override
            public void collect(Ingested record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
        for (long p = 0; p < input.positions; p++) {
            input.flatMap(p, collector);
        }
        return out;
    }
}
