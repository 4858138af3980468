package org.gridwarden.jobs.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.functions.source.legacy.SourceFunction;

/**
 * Emits a list of records, then holds the job open until released: a finished task's metrics leave the
 * reporter, so they can only be scraped while the job still runs. Records and latch are static because the
 * MiniCluster runs in this JVM while the function itself is serialized.
 */
final class HeldSource<T> implements SourceFunction<T> {

    private static final Map<String, List<?>> RECORDS = new ConcurrentHashMap<>();
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    private final String name;
    private volatile boolean running = true;

    private HeldSource(String name) {
        this.name = name;
    }

    static <T> HeldSource<T> of(String name, List<T> records) {
        RECORDS.put(name, records);
        return new HeldSource<>(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(SourceContext<T> ctx) throws Exception {
        for (Object record : RECORDS.get(name)) {
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect((T) record);
            }
        }
        while (running && !RELEASE.await(100, TimeUnit.MILLISECONDS)) {
            // the job stays up for the scrape
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
