package io.weathersync.runtime;

import java.time.Duration;

/** Exponential back-off while the master is away: 1 s, 2 s, 4 s... capped; reset once it answers. */
public final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);

    private final Duration cap;
    private Duration next = FIRST;

    public Backoff(Duration cap) {
        this.cap = cap;
    }

    /** The wait before the next attempt after a failure; doubles each time up to the cap. */
    public synchronized Duration failed() {
        Duration wait = next.compareTo(cap) > 0 ? cap : next;
        next = wait.multipliedBy(2);
        return wait;
    }

    /** The master answered: the next failure starts from the first wait again. */
    public synchronized void succeeded() {
        next = FIRST;
    }
}
