package io.weathersync.application.service;

import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.model.ReadingRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoalescingSlaveSyncTest {

    @Test
    void aBurstOfTheSameRequestCostsOneSyncAndEveryCallerGetsItsOutcome() throws Exception {
        AtomicInteger performed = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CoalescingSlaveSync syncs = new CoalescingSlaveSync((name, repair) -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            performed.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            return null;
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SyncOutcome>> callers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                callers.add(pool.submit(() -> syncs.sync("backup1", Optional.empty())));
            }
            for (int i = 0; i < 5; i++) {
                callers.add(pool.submit(() -> syncs.sync("backup1", Optional.of(ReadingRange.ALL))));
            }
            Thread.sleep(300);
            release.countDown();
            for (Future<SyncOutcome> caller : callers) {
                caller.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(maxConcurrent.get()).as("syncs of one slave at once").isEqualTo(1);
        assertThat(performed.get()).as("55 requests, two ranges").isBetween(2, 4);
    }

    @Test
    void aFailureReachesEveryCoalescedCallerAndTheNextRequestTriesAgain() {
        AtomicInteger performed = new AtomicInteger();
        CoalescingSlaveSync syncs = new CoalescingSlaveSync((name, repair) -> {
            performed.incrementAndGet();
            throw new PushFailedException("slave unreachable");
        });
        assertThatThrownBy(() -> syncs.sync("backup1", Optional.empty())).isInstanceOf(PushFailedException.class);
        assertThatThrownBy(() -> syncs.sync("backup1", Optional.empty())).isInstanceOf(PushFailedException.class);
        assertThat(performed.get()).isEqualTo(2);
    }
}
