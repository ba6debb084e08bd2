package io.weathersync.app.slave;

import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.application.service.ReplicationService;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands every live delivery (Redis subscriber callbacks, HTTP pushes) to one replication thread, in order, so
 * a transport never waits for the database or a catch-up. The queue is bounded: when it is full a delivery is
 * dropped and counted; nothing is lost, because the next change shows the gap and the periodic check the head.
 */
final class ReplicationQueue implements ReceiveChangesUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationQueue.class);
    private final ReplicationService replication;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();

    /** A queue of at most {@code capacity} deliveries waiting for {@code replication}. */
    ReplicationQueue(ReplicationService replication, int capacity) {
        this.replication = replication;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "replication");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * What a subscriber calls: each call only enqueues. (A callback handed to the transport, not an adapter of
     * a technology, hence not a named port implementation.)
     */
    ChangeListener listener() {
        return new ChangeListener() {
            @Override
            public void onConnected() {
                requestCatchUp();
            }

            @Override
            public void onChanges(List<SignedChange> changes) {
                receive(changes);
            }

            @Override
            public void onRejected(RejectedMessage rejection) {
                hand("a rejection", () -> replication.rejected(rejection));
            }
        };
    }

    /** Live changes (a Redis message or an HTTP push), enqueued for the replication thread. */
    @Override
    public void receive(List<SignedChange> changes) {
        hand("live changes", () -> replication.receive(changes));
    }

    /** Asks the replication thread for a catch-up, without waiting for it. */
    void requestCatchUp() {
        hand("a catch-up", replication::tryCatchUp);
    }

    /** Deliveries dropped because the replication thread was too far behind. */
    long dropped() {
        return dropped.get();
    }

    private void hand(String what, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("replication of {} failed: {}", what, e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            if (dropped.incrementAndGet() == 1 && !executor.isShutdown()) {
                LOG.warn("replication queue full: dropped {}; further drops are only counted, the gap is "
                        + "repaired by catch-up", what);
            }
        }
    }

    /** Stops taking deliveries; lets the one in progress finish (bounded). */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
