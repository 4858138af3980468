package org.gridwarden.bench;

import java.io.PrintStream;
import java.util.List;

/** The benchmark's results as a Markdown table, ready for docs/state-backend.md. */
final class ResultTable {

    private ResultTable() {}

    static String line(Measurement m) {
        if (m.error() != null) {
            return m.workload() + " on " + m.backend() + " failed: " + m.error();
        }
        return String.format("%s on %s: %,d records in %.1f s = %,.0f/s (%,.0f per CPU-s), %,d alerts, checkpoint %,d bytes (%,.0f per %s) "
                        + "in %,d ms, heap +%,d MB, RSS +%,d MB",
                m.workload(), m.backend(), m.records(), m.seconds(), m.eventsPerSecond(), m.eventsPerCpuSecond(), m.alerts(), m.stateBytes(),
                m.bytesPerUnit(), m.unit(), m.checkpointMillis(), m.heapBytes() >> 20, m.rssBytes() >> 20);
    }

    static void print(List<Measurement> results, PrintStream out) {
        out.print(markdown(results));
    }

    static String markdown(List<Measurement> results) {
        StringBuilder md = new StringBuilder("| workload | backend | records | events/s | per CPU-s | alerts | checkpoint size"
                + " | bytes per unit | checkpoint ms | heap MB | RSS MB |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Measurement m : results) {
            if (m.error() != null) {
                md.append(String.format("| %s | %s | %s ||||||||%n", m.workload(), m.backend(), m.error()));
                continue;
            }
            md.append(String.format("| %s | %s | %,d | %,.0f | %,.0f | %,d | %,.1f MB | %,.0f / %s | %,d | %,d | %,d |%n",
                    m.workload(), m.backend(), m.records(), m.eventsPerSecond(), m.eventsPerCpuSecond(), m.alerts(),
                    m.stateBytes() / 1e6, m.bytesPerUnit(), m.unit(), m.checkpointMillis(),
                    m.heapBytes() >> 20, m.rssBytes() >> 20));
        }
        return md.toString();
    }
}
