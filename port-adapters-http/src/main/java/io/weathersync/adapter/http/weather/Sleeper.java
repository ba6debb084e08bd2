package io.weathersync.adapter.http.weather;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the wait instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps. */
    Sleeper REAL = duration -> Thread.sleep(duration);

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
