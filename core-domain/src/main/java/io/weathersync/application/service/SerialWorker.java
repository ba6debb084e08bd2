package io.weathersync.application.service;

import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.domain.message.SignedChange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The replication thread's loop: takes what queued up (at most {@link SerialReplication#MAX_TOGETHER}), applies
 * consecutive live deliveries as one, runs tasks in their place, and goes on until closed and drained. A failure
 * is logged and never ends the loop.
 */
final class SerialWorker implements Runnable {

    private static final System.Logger LOG = System.getLogger(SerialWorker.class.getName());

    private final BlockingQueue<Delivery> queue;
    private final ReceiveChangesUseCase live;
    private final BooleanSupplier closed;
    private final LongConsumer released;

    /** {@code released} hears how many bytes of live changes left the queue, so the queue's owner can bound them. */
    SerialWorker(BlockingQueue<Delivery> queue, ReceiveChangesUseCase live, BooleanSupplier closed,
                 LongConsumer released) {
        this.queue = queue;
        this.live = live;
        this.closed = closed;
        this.released = released;
    }

    @Override
    public void run() {
        List<Delivery> taken = new ArrayList<>();
        List<SignedChange> changes = new ArrayList<>();
        while (!closed.getAsBoolean() || !queue.isEmpty()) {
            try {
                Delivery first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, SerialReplication.MAX_TOGETHER - 1);
            } catch (InterruptedException e) {
                return;
            }
            for (Delivery delivery : taken) {
                if (delivery.changes() != null) {
                    released.accept(delivery.bytes());
                    changes.addAll(delivery.changes());
                } else {
                    applyLive(changes);
                    run(delivery.what(), delivery.task());
                }
            }
            applyLive(changes);
            taken.clear();
        }
    }

    private void applyLive(List<SignedChange> changes) {
        if (!changes.isEmpty()) {
            List<SignedChange> together = List.copyOf(changes);
            changes.clear();
            run("live changes", () -> live.receive(together));
        }
    }

    private static void run(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "replication of " + what + " failed: " + e, e);
        }
    }
}
