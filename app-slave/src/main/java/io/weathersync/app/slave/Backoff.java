package io.weathersync.app.slave;

import java.time.Duration;

/** Exponential back-off while the master is away: 1 s, 2 s, 4 s... capped; reset once it answers. */
final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);

    private final Duration cap;
    private Duration next = FIRST;

    Backoff(Duration cap) {
        this.cap = cap;
    }

    /** The wait before the next attempt after a failure; doubles each time up to the cap. */
    synchronized Duration failed() {
        Duration wait = next.compareTo(cap) > 0 ? cap : next;
        next = wait.multipliedBy(2);
        return wait;
    }

    /** The master answered: the next failure starts from the first wait again. */
    synchronized void succeeded() {
        next = FIRST;
    }
}
