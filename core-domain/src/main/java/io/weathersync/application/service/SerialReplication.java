package io.weathersync.application.service;

import io.weathersync.application.port.in.CatchUpUseCase;
import io.weathersync.application.port.in.FollowNewStreamUseCase;
import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.in.ReceivePushUseCase;
import io.weathersync.application.port.in.RequestCatchUpUseCase;
import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.StreamId;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way anything reaches a slave's replica: live deliveries, pushed pages, and every catch-up (reconnect,
 * heartbeat, periodic check) run in order on one replication thread, so they never interleave and a transport
 * never waits for the database. Live changes that queued up while one apply ran are applied together, in one
 * transaction. The queue is bounded: when it is full a live delivery is dropped and counted; nothing is lost,
 * because the next change shows the gap and the periodic check the head.
 */
public final class SerialReplication implements ReceiveChangesUseCase, ReceivePushUseCase, CatchUpUseCase,
        RequestCatchUpUseCase, FollowNewStreamUseCase, AutoCloseable {

    /** Deliveries taken together at most, so one apply stays a bounded transaction. */
    static final int MAX_TOGETHER = 500;
    private static final System.Logger LOG = System.getLogger(SerialReplication.class.getName());
    /**
     * Live changes waiting at most, whatever the number of deliveries they came in: with the 1 MiB message limit a
     * few thousand changes can arrive in one delivery, so a count of deliveries alone would not bound memory. At
     * well under 1 KiB each, this keeps the queue within tens of MiB; beyond it deliveries are dropped (repaired).
     */
    static final int MAX_QUEUED_CHANGES = 50_000;
    /** How long a caller that needs an answer waits for room in a full queue. */
    private static final long ENQUEUE_WAIT_SECONDS = 30;

    private final ReplicationServices services;
    private final BlockingQueue<Delivery> queue;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger queuedChanges = new AtomicInteger();
    private volatile boolean closed;

    /** Starts the replication thread, with room for {@code capacity} waiting deliveries. */
    public SerialReplication(ReplicationServices services, int capacity) {
        this.services = services;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(new SerialWorker(queue, services.live(), () -> closed,
                released -> queuedChanges.addAndGet(-released)), "replication");
        thread.setDaemon(true);
        thread.start();
    }

    /** What a transport's subscriber calls; each call only enqueues (or counts). */
    public ChangeListener listener() {
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
                rejected(rejection);
            }
        };
    }

    /** Enqueues live changes (a Redis message or an HTTP push) and returns at once. */
    @Override
    public void receive(List<SignedChange> changes) {
        services.progress().received(changes);
        hand(Delivery.live(List.copyOf(changes)));
    }

    /** Counts it at once: counting needs no turn on the replication thread. */
    @Override
    public void rejected(RejectedMessage rejection) {
        services.progress().rejected(rejection);
    }

    @Override
    public void requestCatchUp() {
        hand(Delivery.task("a catch-up", services.context().carry((Runnable) services.catchUp()::tryCatchUp)));
    }

    /** Verifies and writes a pushed page on the replication thread, after what is queued; waits for it. */
    @Override
    public int receive(SignedPush push) {
        return call("a pushed page", () -> services.pushes().receive(push));
    }

    /** Catches up on the replication thread, after what is queued; waits for it. */
    @Override
    public long catchUp() {
        return call("a catch-up", services.catchUp()::catchUp);
    }

    /** As {@link #catchUp()}, but says whether the master answered instead of throwing (logged once). */
    public boolean tryCatchUp() {
        return call("a catch-up", services.catchUp()::tryCatchUp);
    }

    /** Records the consent at once (it is thread-safe) and queues the catch-up that follows the new stream. */
    @Override
    public StreamId followNewStream() {
        StreamId stream = services.catchUp().approveDiverged();
        requestCatchUp();
        return stream;
    }

    /** Live deliveries dropped because the replication thread was too far behind. */
    public long dropped() {
        return dropped.get();
    }

    private void hand(Delivery delivery) {
        int changes = delivery.changes() == null ? 0 : delivery.changes().size();
        boolean room = queuedChanges.addAndGet(changes) <= MAX_QUEUED_CHANGES || changes == 0;
        if (closed || !room || !queue.offer(delivery)) {
            queuedChanges.addAndGet(-changes);
            if (dropped.incrementAndGet() == 1 && !closed) {
                LOG.log(System.Logger.Level.WARNING, "replication queue full: dropped {0}; further drops are only "
                        + "counted, the gap is repaired by catch-up", delivery.what());
            }
        }
    }

    private <T> T call(String what, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(services.context().carry(work));
        try {
            if (closed || !queue.offer(Delivery.task(what, task), ENQUEUE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("replication " + (closed ? "is stopping" : "is busy: "
                        + queue.size() + " deliveries are waiting") + "; " + what + " was not taken");
            }
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
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
        // Whoever still waits for an answer gets one: the work was not done.
        for (Delivery left; (left = queue.poll()) != null; ) {
            if (left.task() instanceof FutureTask<?> waiting) {
                waiting.cancel(false);
            }
        }
    }
}
