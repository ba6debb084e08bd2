package io.weathersync.application.port.out;

import java.time.Duration;

/**
 * Where a slave's replication reports what a metrics system keeps as distributions and running totals: how long
 * each live change took from its receipt to its apply, and each page a catch-up pulled. The core keeps its own
 * counts ({@code ReplicationStats}); this port only takes what would need a metrics library to hold.
 */
public interface ReplicationMeter {

    /** Reports nothing; receipt times are then not even kept. */
    ReplicationMeter NONE = new ReplicationMeter() {
        @Override
        public void applied(Duration sinceReceipt) {
        }

        @Override
        public void pulled(int rows) {
        }
    };

    /** One live change is in the replica, {@code sinceReceipt} after a transport handed it over. */
    void applied(Duration sinceReceipt);

    /** A catch-up pulled and applied one page of {@code rows} changes (an up-to-date check pulls one empty page). */
    void pulled(int rows);
}
