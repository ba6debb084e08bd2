package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.StoreUnavailableException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Every write transaction of a {@link Database}: bounded in time, one at a time on H2, and remembered for the
 * health check.
 * <p>
 * One at a time on H2: an MVStore commit writes a chunk of every map's current root, one map after the other,
 * while other threads keep writing; a second write transaction in flight meanwhile can land in the file half
 * done (its rows without its undo-log entries, or half of its commit), which after a kill -9 is a torn batch
 * that recovery cannot roll back and whose row locks nobody ever releases. With one write transaction at a
 * time, every chunk holds whole transactions or the undo log of the one in flight.
 * <p>
 * Bounded: the transaction runs on a virtual thread and the caller waits at most {@link #bound}; past it the
 * caller gets a {@link StoreUnavailableException} (the transaction may still commit later, like any write whose
 * answer was lost) and the store reports {@code degraded} until a write succeeds again.
 * <p>
 * Run again when the database chose it as a deadlock's victim: the server has rolled the whole transaction back
 * and asks for it to be restarted (two registrations of one name on InnoDB, each inserting into two unique
 * indexes, can deadlock). A few attempts, a short random pause between them, all within the bound.
 */
final class StoreWrites {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWrites.class);
    /** MySQL's and MariaDB's ER_LOCK_WAIT_TIMEOUT. */
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    /** SQL's serialization failure: a deadlock's victim on MySQL, MariaDB and H2 (and a lock wait timeout on MySQL). */
    private static final String SERIALIZATION_FAILURE = "40001";
    /** How often a transaction chosen as a deadlock's victim is run in all. */
    static final int DEADLOCK_ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final Optional<ReentrantLock> gate;
    private final Duration bound;
    private final Duration slowAfter;
    private final AtomicLong inFlightSince = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();

    /**
     * @param oneAtATime whether write transactions are serialised (H2)
     * @param bound      how long a caller waits for its transaction, lock waits included
     * @param slowAfter  how long a write may be in flight before the store counts as degraded
     */
    StoreWrites(Jdbi jdbi, boolean oneAtATime, Duration bound, Duration slowAfter) {
        this.jdbi = jdbi;
        this.gate = oneAtATime ? Optional.of(new ReentrantLock(true)) : Optional.empty();
        this.bound = bound;
        this.slowAfter = slowAfter;
    }

    /**
     * Runs {@code callback} in one transaction and returns its result, or throws what it threw; a transaction
     * that does not end within the bound fails with {@link StoreUnavailableException}.
     */
    <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        return inTransaction(callback, bound);
    }

    /** Like {@link #inTransaction(HandleCallback)}, with its own bound (a write whose size grows with the store). */
    <R> R inTransaction(HandleCallback<R, RuntimeException> callback, Duration bound) {
        long start = System.nanoTime();
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<R> result = new CompletableFuture<>();
        Thread.ofVirtual().name("store-write").start(() -> run(callback, start, bound, abandoned, result));
        try {
            return result.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            String problem = "a write transaction did not end within " + bound.toSeconds() + " s"
                    + (running.get() > 0 ? " (a write has been running for " + runningFor().toSeconds() + " s)" : "");
            failure.set(problem);
            // Not logged here: the caller gets the exception and says what failed (one line per failure).
            throw new StoreUnavailableException("store: " + problem);
        } catch (InterruptedException e) {
            abandoned.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a write transaction", e);
        } catch (ExecutionException e) {
            if (isLockTimeout(e.getCause())) {
                throw new StoreUnavailableException("store: " + Database.reason(e.getCause(), null), e.getCause());
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private <R> void run(HandleCallback<R, RuntimeException> callback, long start, Duration bound,
                         AtomicBoolean abandoned, CompletableFuture<R> result) {
        try {
            if (!enter(start, bound)) {
                result.completeExceptionally(new StoreUnavailableException("store: waited " + bound.toSeconds()
                        + " s for the write in flight"));
                return;
            }
            try {
                if (abandoned.get()) {
                    result.completeExceptionally(new StoreUnavailableException("store: the caller stopped waiting"));
                    return;
                }
                if (running.incrementAndGet() == 1) {
                    inFlightSince.set(System.nanoTime());
                }
                try {
                    R value = runRetryingDeadlocks(callback, start, bound, abandoned);
                    failure.set(null);
                    result.complete(value);
                } finally {
                    running.decrementAndGet();
                }
            } finally {
                gate.ifPresent(ReentrantLock::unlock);
            }
        } catch (RuntimeException | Error e) {
            if (isStoreFailure(e)) {
                String problem = "a write transaction failed: " + Database.reason(e, null);
                failure.set(problem);
                if (abandoned.get()) {
                    // Its caller has gone: this line is the only trace of what became of the write.
                    LOG.warn("store: a write whose caller stopped waiting failed: {}", Database.reason(e, null));
                }
            }
            result.completeExceptionally(e);
        }
    }

    private <R> R runRetryingDeadlocks(HandleCallback<R, RuntimeException> callback, long start, Duration bound,
                                       AtomicBoolean abandoned) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(callback);
            } catch (RuntimeException e) {
                long pauseMillis = ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1);
                long leftMillis = bound.toMillis() - Duration.ofNanos(System.nanoTime() - start).toMillis();
                if (!isDeadlock(e) || attempt == DEADLOCK_ATTEMPTS || abandoned.get() || leftMillis <= pauseMillis) {
                    throw e;
                }
                LOG.debug("store: a write transaction was a deadlock's victim (attempt {} of {}); running it again",
                        attempt, DEADLOCK_ATTEMPTS);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private boolean enter(long start, Duration bound) {
        if (gate.isEmpty()) {
            return true;
        }
        long left = bound.toNanos() - (System.nanoTime() - start);
        try {
            return left > 0 && gate.get().tryLock(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why writes do not work right now, or empty while they do (none stuck, the last one did not fail). */
    Optional<String> problem() {
        if (running.get() > 0 && runningFor().compareTo(slowAfter) > 0) {
            return Optional.of("a write transaction has been running for " + runningFor().toSeconds() + " s");
        }
        return Optional.ofNullable(failure.get());
    }

    private Duration runningFor() {
        return Duration.ofNanos(System.nanoTime() - inFlightSince.get());
    }

    /** A lock wait that timed out, or a transaction the database rolled back (deadlock): try again later. */
    private static boolean isLockTimeout(Throwable e) {
        return anyCause(e, t -> t instanceof SQLTimeoutException || t instanceof SQLTransactionRollbackException
                || (t instanceof SQLException sql && (MYSQL_LOCK_WAIT_TIMEOUT == sql.getErrorCode()
                || String.valueOf(sql.getSQLState()).startsWith("HYT"))));
    }

    /** A transaction the database rolled back as a deadlock's victim, to be run again. */
    private static boolean isDeadlock(Throwable e) {
        return anyCause(e, t -> t instanceof SQLException sql && SERIALIZATION_FAILURE.equals(sql.getSQLState())
                && sql.getErrorCode() != MYSQL_LOCK_WAIT_TIMEOUT);
    }

    /** A database error or lock timeout, as opposed to a rule of the store refusing the write. */
    private static boolean isStoreFailure(Throwable e) {
        return anyCause(e, t -> t instanceof SQLException || t instanceof JdbiException
                || t instanceof StoreUnavailableException);
    }

    /** Whether {@code e} or one of its causes is {@code wanted}. */
    private static boolean anyCause(Throwable e, Predicate<Throwable> wanted) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (wanted.test(t)) {
                return true;
            }
        }
        return false;
    }
}
