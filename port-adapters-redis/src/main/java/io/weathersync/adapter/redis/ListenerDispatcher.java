package io.weathersync.adapter.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs listener calls one at a time, in arrival order, on a thread of its own, so Lettuce's event loop never
 * waits. Bounded in tasks and in message bytes: past either bound a task is dropped and counted, as Pub/Sub
 * itself drops for a slow subscriber (the slave sees the seq gap, or its periodic check, and catches up).
 */
final class ListenerDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);

    private final String what;
    private final int maxPendingTasks;
    private final long maxPendingBytes;
    private final ThreadPoolExecutor executor;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean dropping = new AtomicBoolean();
    private volatile Thread worker;
    private volatile boolean closed;

    ListenerDispatcher(String what, int maxPendingTasks, long maxPendingBytes) {
        this.what = what;
        this.maxPendingTasks = maxPendingTasks;
        this.maxPendingBytes = maxPendingBytes;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxPendingTasks),
                Thread.ofPlatform().name("redis-change-listener").daemon().factory());
    }

    /** Queues {@code task}, which holds {@code bytes} of message, or drops and counts it; never blocks. */
    void dispatch(Runnable task, long bytes) {
        if (closed) {
            return;
        }
        if (pendingBytes.addAndGet(bytes) > maxPendingBytes) {
            pendingBytes.addAndGet(-bytes);
            drop("more than " + maxPendingBytes + " bytes of messages waiting");
            return;
        }
        try {
            executor.execute(() -> run(task, bytes));
        } catch (RejectedExecutionException e) {
            pendingBytes.addAndGet(-bytes);
            if (!closed) {
                drop("more than " + maxPendingTasks + " messages waiting");
            }
            return;
        }
        if (dropping.compareAndSet(true, false)) {
            LOG.info("{}: the listener keeps up again ({} messages dropped in all)", what, dropped.sum());
        }
    }

    private void run(Runnable task, long bytes) {
        worker = Thread.currentThread();
        pendingBytes.addAndGet(-bytes);
        if (closed) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("{}: the change listener failed", what, e);
        }
    }

    private void drop(String why) {
        dropped.increment();
        if (dropping.compareAndSet(false, true)) {
            LOG.warn("{}: the listener is behind, dropping messages (counted, logged again once it recovers): {}",
                    what, why);
        }
    }

    /** Tasks dropped because the listener was too far behind. */
    long dropped() {
        return dropped.sum();
    }

    /** Stops calling the listener; waits briefly for a call in progress unless called from one. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        if (Thread.currentThread() != worker) {
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
