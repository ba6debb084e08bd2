package io.weathersync.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends batch k at {@code start + k * period} (1,000 changes/s = 10 changes every 10 ms); a late send goes at
 * once and keeps its scheduled time, so queueing shows in the latency (no coordinated omission).
 */
final class Pacer {

    static final int PER_BATCH = 10;
    static final long PERIOD_NANOS = 10_000_000L;

    /** Sends one batch; {@code first} is the index of its first change. */
    interface Send {
        void batch(long first) throws Exception;
    }

    private final long start = System.nanoTime() + 50_000_000L;

    long scheduled(long change) {
        return start + (change / PER_BATCH) * PERIOD_NANOS;
    }

    /** Runs for {@code seconds}; returns how late, at most, a batch went out (ms): the sender's own backlog. */
    double run(int seconds, Send send) throws Exception {
        long batches = seconds * 1_000_000_000L / PERIOD_NANOS;
        long latest = 0;
        for (long k = 0; k < batches; k++) {
            long at = start + k * PERIOD_NANOS;
            long wait;
            while ((wait = at - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            latest = Math.max(latest, -wait);
            send.batch(k * PER_BATCH);
        }
        return latest / 1e6;
    }

    static double[] millis(long[] nanos, int count) {
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            ms[i] = nanos[i] / 1e6;
        }
        return ms;
    }
}
