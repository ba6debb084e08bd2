package io.weathersync.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a task over and over on its own thread, each run starting a delay after the previous one ended (so runs
 * never overlap). The task returns that delay, which lets it back off. A run that throws is logged and never
 * stops the schedule; a run longer than the nominal interval is logged as a warning. Closing stops the
 * schedule and waits, bounded, for a run in flight.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Duration stopWait;
    private final Supplier<Duration> task;
    private final ScheduledThreadPoolExecutor executor;
    private volatile boolean closed;

    private PeriodicTask(String name, Duration interval, Duration stopWait, Supplier<Duration> task) {
        this.name = name;
        this.interval = interval;
        this.stopWait = stopWait;
        this.task = task;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        // A run waiting for its delay is dropped at close; only one in flight is waited for.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Starts {@code task} after {@code initialDelay}.
     *
     * @param name     the thread's and the logs' name
     * @param interval the nominal interval (what a run is held against, and the delay after a failed run)
     * @param stopWait how long {@link #close} waits for a run in flight
     * @param task     one run; returns the delay before the next
     */
    public static PeriodicTask start(String name, Duration initialDelay, Duration interval, Duration stopWait,
                                     Supplier<Duration> task) {
        PeriodicTask periodic = new PeriodicTask(name, interval, stopWait, task);
        periodic.schedule(initialDelay);
        return periodic;
    }

    private void schedule(Duration delay) {
        if (closed) {
            return;
        }
        try {
            executor.schedule(this::runOnce, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void runOnce() {
        long started = System.nanoTime();
        Duration next = interval;
        try {
            next = task.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{} failed: {}", name, e.toString(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(interval) > 0) {
            LOG.warn("{} took {} ms, longer than its interval of {}", name, took.toMillis(),
                    Durations.format(interval));
        }
        schedule(next == null ? interval : next);
    }

    /** Stops scheduling; waits up to the stop bound for a run in flight, then interrupts it. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{}: the run in flight did not end within {}; interrupting it", name,
                        Durations.format(stopWait));
                executor.shutdownNow();
                executor.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
