package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing and publishing after the commit: on the caller's thread, or on its own bounded thread. */
class ChangeBroadcasterTest {

    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final List<Long> seqs = new CopyOnWriteArrayList<>();

    private List<Change> batch(int first) {
        return log.append(List.of(reading("Oslo", first, 1), reading("Bergen", first, 2)));
    }

    private ChangePublisher recording(CountDownLatch release) {
        return new ChangePublisher() {
            @Override
            public void publish(List<SignedChange> changes) {
                threads.add(Thread.currentThread().getName());
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                changes.forEach(signed -> seqs.add(signed.change().seq()));
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void onTheCallersThreadTheChangesArePublishedBeforeBroadcastReturns() {
        ChangeBroadcaster broadcaster = ChangeBroadcaster.onCallerThread(recording(new CountDownLatch(0)),
                Optional.empty());

        broadcaster.broadcast(batch(0));

        assertThat(seqs).containsExactly(1L, 2L);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void onItsOwnThreadBatchesArePublishedInCommitOrderAndCloseSendsWhatIsQueued() {
        ChangeBroadcaster broadcaster = ChangeBroadcaster.onOwnThread(recording(new CountDownLatch(0)),
                Optional.empty(), 10);

        broadcaster.broadcast(batch(0));
        broadcaster.broadcast(batch(1));
        broadcaster.broadcast(batch(2));
        broadcaster.close();

        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(threads).containsOnly("broadcast");
        assertThat(broadcaster.dropped()).isZero();
    }

    @Test
    void aFullQueueDropsAndCountsBatchesWithoutBlockingTheWritePath() {
        CountDownLatch release = new CountDownLatch(1);
        ChangeBroadcaster broadcaster = ChangeBroadcaster.onOwnThread(recording(release), Optional.empty(), 1);
        broadcaster.broadcast(batch(0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threads.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        broadcaster.broadcast(batch(1));
        broadcaster.broadcast(batch(2));
        release.countDown();
        broadcaster.close();

        assertThat(broadcaster.dropped()).isEqualTo(1);
        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aFailingTransportNeitherThrowsNorStopsLaterBroadcasts() {
        List<Long> delivered = new CopyOnWriteArrayList<>();
        ChangePublisher failingOnce = new ChangePublisher() {
            private boolean failed;

            @Override
            public void publish(List<SignedChange> changes) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("transport down");
                }
                changes.forEach(signed -> delivered.add(signed.change().seq()));
            }

            @Override
            public void close() {
            }
        };
        ChangeBroadcaster broadcaster = ChangeBroadcaster.onOwnThread(failingOnce, Optional.empty(), 10);

        broadcaster.broadcast(batch(0));
        broadcaster.broadcast(batch(1));
        broadcaster.close();

        assertThat(delivered).containsExactly(3L, 4L);
    }
}
