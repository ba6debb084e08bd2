package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicTaskTest {

    private static final Duration SHORT = Duration.ofMillis(5);

    @Test
    void aFailingRunNeverStopsTheSchedule() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);

        try (PeriodicTask task = PeriodicTask.start("flaky", Duration.ZERO, SHORT, Duration.ofSeconds(1), () -> {
            runs.incrementAndGet();
            third.countDown();
            throw new IllegalStateException("boom");
        })) {
            assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void runsNeverOverlap() throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch five = new CountDownLatch(5);

        try (PeriodicTask task = PeriodicTask.start("slow", Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(1),
                () -> {
                    if (!running.compareAndSet(false, true)) {
                        overlapped.set(true);
                    }
                    sleep(20);
                    running.set(false);
                    five.countDown();
                    return Duration.ofMillis(1);
                })) {
            assertThat(five.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(overlapped).isFalse();
    }

    @Test
    void closeLetsTheRunInFlightFinishAndStopsTheNextOnes() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = PeriodicTask.start("cycle", Duration.ZERO, SHORT, Duration.ofSeconds(5), () -> {
            runs.incrementAndGet();
            started.countDown();
            sleep(200);
            finished.set(true);
            return SHORT;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        task.close();

        assertThat(finished).isTrue();
        int after = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(after).isEqualTo(1);
    }

    @Test
    void closeIsBoundedWhenARunHangs() {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        PeriodicTask task = PeriodicTask.start("stuck", Duration.ZERO, SHORT, Duration.ofMillis(100), () -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SHORT;
        });
        awaitQuietly(started);

        long begin = System.nanoTime();
        task.close();

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theReturnedDelayIsHonoured() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicTask task = PeriodicTask.start("waits", Duration.ZERO, SHORT, Duration.ofSeconds(1), () -> {
            runs.incrementAndGet();
            return Duration.ofMinutes(1);
        })) {
            Thread.sleep(200);
        }
        assertThat(runs.get()).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
