package io.weathersync.adapter.http.server;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down credential guessing: a remote address that failed authentication {@code maxFailures} times
 * within {@code window} (counted from its first failure) is refused with 429 until that window ends.
 *
 * <p>The per-address windows live in a Guava {@link Cache} rather than a hand-rolled map because the cache
 * gives, in one tested piece: expiry of each window {@code window} after its first failure (write time; the
 * counter is bumped in place, so later failures do not extend it) with no sweeper thread, a size bound so
 * that a flood of distinct addresses cannot grow memory without limit, atomic get-or-create under concurrent
 * requests, and time read from a {@link Ticker} that we drive from the injected {@link Clock} for tests.
 */
public final class AuthThrottle {

    /** Failures allowed per address and window by {@link #standard}. */
    public static final int DEFAULT_MAX_FAILURES = 10;
    /** The window of {@link #standard}. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    private static final long MAX_ADDRESSES = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> windows;

    /** An address may fail {@code maxFailures} times per {@code window}; time comes from {@code clock}. */
    public AuthThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("max_failures: must be at least 1, was " + maxFailures);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, was " + window);
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = CacheBuilder.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(MAX_ADDRESSES)
                .ticker(new Ticker() {
                    @Override
                    public long read() {
                        Instant now = clock.instant();
                        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
                    }
                })
                .build();
    }

    /** {@value #DEFAULT_MAX_FAILURES} failures per minute per address. */
    public static AuthThrottle standard(Clock clock) {
        return new AuthThrottle(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, clock);
    }

    /** How long {@code address} must wait before trying again; empty when it may try now. */
    Optional<Duration> blockedFor(String address) {
        Window current = windows.getIfPresent(address);
        if (current == null || current.failures.get() < maxFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), current.start.plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Counts a failed authentication from {@code address}. */
    void failed(String address) {
        try {
            windows.get(address, () -> new Window(clock.instant())).failures.incrementAndGet();
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating a window cannot fail", e);
        }
    }

    /** One address's failures since {@code start}. */
    private static final class Window {
        private final Instant start;
        private final AtomicInteger failures = new AtomicInteger();

        private Window(Instant start) {
            this.start = start;
        }
    }
}
