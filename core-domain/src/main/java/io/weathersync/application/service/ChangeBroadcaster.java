package io.weathersync.application.service;

import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The master's last step after a commit: sign each change and hand it to the live transport. Run on its own
 * thread it keeps the write path free of the signing cost (Ed25519, ~0.5 ms a change), in commit order; a full
 * queue drops batches, which slaves repair from the log like any lost message.
 */
public final class ChangeBroadcaster implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChangeBroadcaster.class.getName());

    private final ChangePublisher publisher;
    private final Optional<ChangeSigner> signer;
    private final ExecutorService thread;
    private final AtomicLong dropped = new AtomicLong();

    private ChangeBroadcaster(ChangePublisher publisher, Optional<ChangeSigner> signer, ExecutorService thread) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.thread = thread;
    }

    /** Signs and publishes on the committing thread (embedders, tests). */
    public static ChangeBroadcaster onCallerThread(ChangePublisher publisher, Optional<ChangeSigner> signer) {
        return new ChangeBroadcaster(publisher, signer, null);
    }

    /** Signs and publishes on one thread of its own, at most {@code maxBatches} committed batches behind. */
    public static ChangeBroadcaster onOwnThread(ChangePublisher publisher, Optional<ChangeSigner> signer,
                                                int maxBatches) {
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxBatches), runnable -> {
                    Thread named = new Thread(runnable, "broadcast");
                    named.setDaemon(true);
                    return named;
                });
        return new ChangeBroadcaster(publisher, signer, thread);
    }

    /** Broadcasts committed changes; never throws and never waits for the transport. */
    public void broadcast(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (thread == null) {
            send(changes);
            return;
        }
        try {
            thread.execute(() -> send(changes));
        } catch (RejectedExecutionException e) {
            if (dropped.incrementAndGet() == 1) {
                LOG.log(System.Logger.Level.WARNING, "broadcast queue full: a batch of {0} changes is not sent live "
                        + "(slaves repair it from the log); further drops are only counted", changes.size());
            }
        }
    }

    private void send(List<Change> changes) {
        try {
            publisher.publish(changes.stream()
                    .map(change -> new SignedChange(change, signer.map(s -> s.sign(change)).orElse(null)))
                    .toList());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "broadcast of seqs {0}-{1} failed (slaves repair it from the log)",
                    changes.getFirst().seq(), changes.getLast().seq(), e);
        }
    }

    /** Batches dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Sends what is queued (bounded wait), then stops. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
