package io.weathersync.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Logs a long catch-up's progress (done/total, rate, ETA) every few seconds, and its end. */
final class CatchUpProgress {

    private static final System.Logger LOG = System.getLogger(CatchUpProgress.class.getName());
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final Clock clock;
    private final long from;
    private final Instant started;
    private Instant lastLog;
    private long reached;
    private long head;

    CatchUpProgress(Clock clock, long from, long head) {
        this.clock = clock;
        this.from = from;
        this.head = head;
        this.reached = from;
        this.started = clock.instant();
        this.lastLog = started;
    }

    void reached(long seq, long currentHead) {
        reached = seq;
        head = currentHead;
        Instant now = clock.instant();
        if (Duration.between(lastLog, now).compareTo(EVERY) >= 0) {
            lastLog = now;
            double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
            double rate = (reached - from) / seconds;
            long eta = rate > 0 ? Math.round((head - reached) / rate) : -1;
            LOG.log(System.Logger.Level.INFO, "catch-up: through seq {0} of {1} ({2} changes/s, ETA {3} s)",
                    reached, head, Math.round(rate), eta);
        }
    }

    void finished() {
        if (!lastLog.equals(started)) {
            LOG.log(System.Logger.Level.INFO, "catch-up: complete through seq {0} in {1} ms", reached,
                    Duration.between(started, clock.instant()).toMillis());
        }
    }
}
