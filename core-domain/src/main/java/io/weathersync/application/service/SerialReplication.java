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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way anything reaches a slave's replica: live deliveries, pushed pages, and every catch-up (reconnect,
 * heartbeat, periodic check) run in order on one replication thread, so they never interleave and a transport
 * never waits for the database. Live changes that queued up while one apply ran are applied together, in one
 * transaction. The queue is bounded in deliveries and in the bytes of the live changes it holds: when either is full
 * a live delivery is dropped and counted; nothing is lost, because the next change shows the gap and the periodic
 * check the head.
 */
public final class SerialReplication implements ReceiveChangesUseCase, ReceivePushUseCase, CatchUpUseCase,
        RequestCatchUpUseCase, FollowNewStreamUseCase, AutoCloseable {

    /** Deliveries taken together at most, so one apply stays a bounded transaction. */
    static final int MAX_TOGETHER = 500;
    private static final System.Logger LOG = System.getLogger(SerialReplication.class.getName());
    /**
     * Bytes of live changes waiting at most, by default, whatever the number of deliveries they came in: with the
     * 1 MiB message limit one delivery can carry thousands of changes, so a count of deliveries alone would not bound
     * memory. Beyond it deliveries are dropped (and repaired by catch-up).
     */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 32L * 1024 * 1024;
    /**
     * What one live change counts as where the transport does not say how many bytes it came in: about a signed
     * change's JSON (a reading, its stream and seq, an Ed25519 signature) with room for its objects in memory.
     */
    static final int ESTIMATED_BYTES_PER_CHANGE = 512;
    /** How long a caller that needs an answer waits for room in a full queue. */
    private static final long ENQUEUE_WAIT_SECONDS = 30;

    private final ReplicationServices services;
    private final BlockingQueue<Delivery> queue;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean closed;

    /** Starts the replication thread, with room for {@code capacity} waiting deliveries of the default bytes. */
    public SerialReplication(ReplicationServices services, int capacity) {
        this(services, capacity, DEFAULT_MAX_QUEUED_BYTES);
    }

    /**
     * Starts the replication thread, with room for {@code capacity} waiting deliveries holding at most
     * {@code maxQueuedBytes} of live changes (one delivery is taken into an empty queue whatever its size).
     */
    public SerialReplication(ReplicationServices services, int capacity, long maxQueuedBytes) {
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes: must be positive, was " + maxQueuedBytes);
        }
        this.services = services;
        this.maxQueuedBytes = maxQueuedBytes;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(new SerialWorker(queue, services.live(), () -> closed,
                released -> queuedBytes.addAndGet(-released)), "replication");
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

    /** Enqueues live changes (a Redis message, say) and returns at once; their size is estimated. */
    @Override
    public void receive(List<SignedChange> changes) {
        receive(changes, (long) changes.size() * ESTIMATED_BYTES_PER_CHANGE);
    }

    /** Enqueues live changes that arrived in {@code bytes} (an HTTP push's body) and returns at once. */
    @Override
    public void receive(List<SignedChange> changes, long bytes) {
        services.progress().received(changes);
        hand(Delivery.live(List.copyOf(changes), Math.max(bytes, 1)));
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
        long bytes = delivery.bytes();
        long before = queuedBytes.getAndAdd(bytes);
        boolean room = bytes == 0 || before == 0 || before + bytes <= maxQueuedBytes;
        if (closed || !room || !queue.offer(delivery)) {
            queuedBytes.addAndGet(-bytes);
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
