package io.weathersync.adapter.http.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer that cuts a slow client short: a blocked socket read on a virtual thread fails when the thread is
 * interrupted (the socket is closed), so a late body or late headers are ended by interrupting their reader. Its own
 * daemon thread, not Helidon's idle-connection timer, so a deadline never waits behind another server's checks.
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("http-watchdog").factory());

    private Watchdog() {
    }

    /** Runs {@code action} after {@code delay} unless the returned future is cancelled first. */
    static ScheduledFuture<?> after(Duration delay, Runnable action) {
        return TIMER.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
