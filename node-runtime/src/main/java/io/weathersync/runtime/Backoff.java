package io.weathersync.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off while a peer is away: waits of 1 s, 2 s, 4 s... up to a cap, back to 1 s once it
 * answers. It lives in the runtime, not in an app, because back-off is behaviour any node may need and apps
 * only wire. Thread-safe: a periodic task and a caller on another thread may share one.
 */
public final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);

    private final Duration cap;
    private Duration next = FIRST;

    /**
     * A back-off whose waits never exceed {@code cap}.
     *
     * @param cap the longest wait, so an away peer is still tried at least that often
     * @throws IllegalArgumentException when {@code cap} is not positive (a zero wait would be a busy loop)
     */
    public Backoff(Duration cap) {
        Objects.requireNonNull(cap, "cap");
        if (cap.isZero() || cap.isNegative()) {
            throw new IllegalArgumentException("cap: must be a positive duration, was " + cap);
        }
        this.cap = cap;
    }

    /** The wait before the next attempt after a failure; doubles each time up to the cap. */
    public synchronized Duration failed() {
        Duration wait = next.compareTo(cap) > 0 ? cap : next;
        next = wait.multipliedBy(2);
        return wait;
    }

    /** The peer answered: the next failure starts from the first wait again. */
    public synchronized void succeeded() {
        next = FIRST;
    }
}
