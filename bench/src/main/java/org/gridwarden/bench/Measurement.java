package org.gridwarden.bench;

/**
 * What one run of one workload on one state backend measured.
 *
 * @param records input records (the marker included)
 * @param seconds from the first record until the last operator had processed everything (its barrier of the
 *     checkpoint taken after the input)
 * @param cpuSeconds CPU time the whole process used from submission until that checkpoint completed (the
 *     generator, every operator, checkpoints and garbage collection)
 * @param stateBytes full size of that checkpoint, as Flink's checkpoint statistics report it
 * @param checkpointMillis that checkpoint's end-to-end duration
 * @param heapBytes heap in use after a GC with the job and its state alive, minus the same before the job
 * @param rssBytes resident memory of the process then, minus before the job (includes RocksDB's native memory)
 * @param error why the run failed, or null
 */
record Measurement(String workload, String backend, long records, double seconds, long alerts, double cpuSeconds,
        long stateBytes,
        long checkpointMillis, long heapBytes, long rssBytes, String unit, long units, String error) {

    static Measurement failed(Workload w, String backend, String error) {
        return new Measurement(w.name(), backend, Progress.RECORDS.get(), 0, 0, 0, 0, 0, 0, 0, w.unit(), w.units(), error);
    }

    double eventsPerSecond() {
        return seconds > 0 ? records / seconds : 0;
    }

    double eventsPerCpuSecond() {
        return cpuSeconds > 0 ? records / cpuSeconds : 0;
    }

    double bytesPerUnit() {
        return units > 0 ? (double) stateBytes / units : 0;
    }
}
