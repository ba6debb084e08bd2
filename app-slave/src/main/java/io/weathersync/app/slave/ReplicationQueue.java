package io.weathersync.app.slave;

import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.application.service.ReplicationService;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands every live delivery (Redis subscriber callbacks, HTTP pushes) to one replication thread, in order, so
 * a transport never waits for the database or a catch-up. Live changes that queued up meanwhile are applied
 * together, in one transaction: a burst of one-change Redis messages costs one commit, not one each. The queue
 * is bounded: when it is full a delivery is dropped and counted; nothing is lost, because the next change shows
 * the gap and the periodic check the head.
 */
final class ReplicationQueue implements ReceiveChangesUseCase, AutoCloseable {

    /** Deliveries taken together at most, so one apply stays a bounded transaction. */
    static final int MAX_TOGETHER = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationQueue.class);

    /** Work for the replication thread: live changes, or a task that runs on its own. */
    private record Delivery(String what, List<SignedChange> changes, Runnable task) {
    }

    private final ReplicationService replication;
    private final BlockingQueue<Delivery> queue;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /** A queue of at most {@code capacity} deliveries waiting for {@code replication}. */
    ReplicationQueue(ReplicationService replication, int capacity) {
        this.replication = replication;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::work, "replication");
        thread.setDaemon(true);
        thread.start();
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
                hand(new Delivery("a rejection", null, () -> replication.rejected(rejection)));
            }
        };
    }

    /** Live changes (a Redis message or an HTTP push), enqueued for the replication thread. */
    @Override
    public void receive(List<SignedChange> changes) {
        hand(new Delivery("live changes", List.copyOf(changes), null));
    }

    /** Asks the replication thread for a catch-up, without waiting for it. */
    void requestCatchUp() {
        hand(new Delivery("a catch-up", null, replication::tryCatchUp));
    }

    /** Deliveries dropped because the replication thread was too far behind. */
    long dropped() {
        return dropped.get();
    }

    private void hand(Delivery delivery) {
        if (closed || !queue.offer(delivery)) {
            if (dropped.incrementAndGet() == 1 && !closed) {
                LOG.warn("replication queue full: dropped {}; further drops are only counted, the gap is "
                        + "repaired by catch-up", delivery.what());
            }
        }
    }

    private void work() {
        List<Delivery> taken = new ArrayList<>();
        List<SignedChange> live = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Delivery first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, MAX_TOGETHER - 1);
            } catch (InterruptedException e) {
                return;
            }
            for (Delivery delivery : taken) {
                if (delivery.changes() != null) {
                    live.addAll(delivery.changes());
                } else {
                    applyLive(live);
                    run(delivery.what(), delivery.task());
                }
            }
            applyLive(live);
            taken.clear();
        }
    }

    private void applyLive(List<SignedChange> live) {
        if (!live.isEmpty()) {
            List<SignedChange> changes = List.copyOf(live);
            live.clear();
            run("live changes", () -> replication.receive(changes));
        }
    }

    private static void run(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("replication of {} failed: {}", what, e.toString(), e);
        }
    }

    /** Stops taking deliveries; lets the queued ones finish (bounded). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
