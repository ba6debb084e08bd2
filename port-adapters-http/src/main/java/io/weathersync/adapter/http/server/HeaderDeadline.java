package io.weathersync.adapter.http.server;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * Gives a request's headers at most {@code timeout} after its request line: a client trickling header bytes is cut
 * off. Helidon's idle check only interrupts a connection still reading its request line; once the line is read it
 * counts the connection as busy, and each trickled byte satisfies the socket read timeout. Helidon calls
 * {@link #prologue} and {@link #headers} on the connection's own (virtual) thread, so a {@link Watchdog} armed at the
 * request line interrupts that thread when the headers are late: its blocked read fails and the connection closes.
 */
final class HeaderDeadline implements Http1ConnectionListener {

    private final Duration timeout;
    private final Map<Thread, Watch> reading = new ConcurrentHashMap<>();

    HeaderDeadline(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        Watch watch = new Watch(Thread.currentThread());
        reading.put(watch.reader, watch);
        watch.timer = Watchdog.after(timeout, watch);
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        Watch watch = reading.remove(Thread.currentThread());
        if (watch == null) {
            // the watchdog fired as the last header byte came in: its interrupt is on its way, close cleanly
            throw new CloseConnectionException("headers not whole within " + timeout);
        }
        watch.timer.cancel(false);
    }

    /** One request's headers being read; fires once, and only while they still are. */
    private final class Watch implements Runnable {
        private final Thread reader;
        private volatile ScheduledFuture<?> timer;

        private Watch(Thread reader) {
            this.reader = reader;
        }

        @Override
        public void run() {
            // An entry left by headers Helidon refused (a 400 before headers()) is removed here; its thread is done.
            if (reading.remove(reader, this)) {
                reader.interrupt();
            }
        }
    }
}
