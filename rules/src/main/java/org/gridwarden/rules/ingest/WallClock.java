package org.gridwarden.rules.ingest;

import java.io.Serializable;

/**
 * Wall-clock time for watermark generation. An interface of our own, not {@link java.time.Clock}, because a
 * watermark strategy ships with the job and must be serializable, and because tests need to move time by hand.
 */
@FunctionalInterface
public interface WallClock extends Serializable {

    /** The current wall-clock time in epoch milliseconds. */
    long millis();

    /** The machine's clock. */
    static WallClock system() {
        return System::currentTimeMillis;
    }
}
