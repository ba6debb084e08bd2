package io.weathersync.adapter.redis;

import io.lettuce.core.api.StatefulConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the first connection in the background, retrying with backoff until it succeeds or is closed, so a
 * node starts while Redis is down. Once connected, Lettuce's own watchdog reconnects.
 */
final class FirstConnect<C extends StatefulConnection<?, ?>> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FirstConnect.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;

    private final String what;
    private final Supplier<? extends CompletionStage<C>> connect;
    private final Consumer<C> onConnected;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    private int failures;
    private C connection;
    private boolean closed;

    FirstConnect(String what, Supplier<? extends CompletionStage<C>> connect, Consumer<C> onConnected,
                 ScheduledExecutorService scheduler) {
        this.what = what;
        this.connect = connect;
        this.onConnected = onConnected;
        this.scheduler = scheduler;
    }

    /** Starts the first attempt; returns at once. */
    void start() {
        attempt();
    }

    /** Starts, and waits up to {@code max} for the first attempt to succeed or fail (then retries go on). */
    void startAndWait(Duration max) {
        attempt();
        try {
            firstAttempt.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("{}: first connect attempt still pending: {}", what, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection once made, else {@code null}. */
    synchronized C connection() {
        return connection;
    }

    /** Whether a connection is made and open now (Lettuce reconnects a dropped one by itself). */
    boolean isConnected() {
        C current = connection();
        return current != null && current.isOpen();
    }

    /**
     * Opens a new connection beside the current one and, once it is made, makes it current, calls
     * {@code onConnected} with it and closes the old one; with a Sentinel URI Lettuce asks the Sentinels for the
     * primary anew. Nothing happens before the first connection or after {@link #close}; a failed attempt keeps
     * the old connection, which Lettuce's watchdog looks after.
     */
    void renew() {
        synchronized (this) {
            if (closed || connection == null) {
                return;
            }
        }
        try {
            connect.get().whenComplete((made, error) -> {
                if (error != null) {
                    LOG.warn("{}: could not connect anew, keeping the current connection: {}", what, error.toString());
                    return;
                }
                C old;
                synchronized (this) {
                    if (closed) {
                        made.closeAsync();
                        return;
                    }
                    old = connection;
                    connection = made;
                }
                LOG.info("{}: connected anew", what);
                onConnected.accept(made);
                old.closeAsync();
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: could not connect anew, keeping the current connection: {}", what, e.toString());
        }
    }

    private void attempt() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            connect.get().whenComplete((made, error) -> {
                if (error == null) {
                    connected(made);
                } else {
                    failed(error);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void connected(C made) {
        int before;
        synchronized (this) {
            if (closed) {
                made.closeAsync();
                return;
            }
            connection = made;
            before = failures;
        }
        firstAttempt.complete(null);
        if (before > 0) {
            LOG.info("{}: connected to Redis after {} failed attempts", what, before);
        }
        onConnected.accept(made);
    }

    private void failed(Throwable error) {
        int attempts;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempts = ++failures;
        }
        firstAttempt.complete(null);
        if (attempts == 1) {
            LOG.warn("{}: cannot connect to Redis, retrying in the background: {}", what, error.toString());
        } else {
            LOG.debug("{}: connect attempt {} failed: {}", what, attempts, error.toString());
        }
        long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempts - 1, 10));
        try {
            scheduler.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: no retry, the client is shutting down", what);
        }
    }

    /** Stops retrying and closes the connection, if one was made. */
    @Override
    public void close() {
        C made;
        synchronized (this) {
            closed = true;
            made = connection;
            connection = null;
        }
        if (made != null) {
            made.close();
        }
    }
}
