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
 * Slows down credential guessing without locking anyone out. Failed authentications are counted per remote
 * address, per presented credential (a node's key id, or a hash of a presented admin token) and for the whole node;
 * once any of those counts reaches its cap within {@code window} (counted from its first failure), further
 * <em>wrong</em> attempts are answered 429 with {@code Retry-After} instead of 401. The credential is always checked
 * first, and a correct one is always admitted: someone else's failures, from the same address or anywhere, never
 * refuse it (the lock-out seed 002's throttle had). Guessing from many addresses meets the global cap.
 *
 * <p>The windows live in a Guava {@link Cache}: expiry {@code window} after a key's first failure with no sweeper
 * thread, a size bound so that a flood of distinct addresses or made-up keys cannot grow memory without limit,
 * atomic get-or-create, and time from a {@link Ticker} driven by the injected {@link Clock}.
 */
public final class AuthThrottle {

    /** Failures allowed per address, and per presented credential, per window by {@link #standard}. */
    public static final int DEFAULT_MAX_FAILURES = 10;
    /** Failures allowed for the whole node per window by {@link #standard}. */
    public static final int DEFAULT_MAX_GLOBAL_FAILURES = 100;
    /** The window of {@link #standard}. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    private static final long MAX_KEYS = 100_000;
    private static final String GLOBAL = "*";

    private final int maxFailures;
    private final int maxGlobalFailures;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> windows;

    /** {@code maxFailures} per address or credential and ten times as many in all, per {@code window}. */
    public AuthThrottle(int maxFailures, Duration window, Clock clock) {
        this(maxFailures, maxFailures * 10, window, clock);
    }

    /** {@code maxFailures} per address or credential and {@code maxGlobalFailures} in all, per {@code window}. */
    public AuthThrottle(int maxFailures, int maxGlobalFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("max_failures: must be at least 1, was " + maxFailures);
        }
        if (maxGlobalFailures < maxFailures) {
            throw new IllegalArgumentException("max_global_failures: must be at least max_failures, was "
                    + maxGlobalFailures);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, was " + window);
        }
        this.maxFailures = maxFailures;
        this.maxGlobalFailures = maxGlobalFailures;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = CacheBuilder.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(MAX_KEYS)
                .ticker(new Ticker() {
                    @Override
                    public long read() {
                        Instant now = clock.instant();
                        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
                    }
                })
                .build();
    }

    /** {@value #DEFAULT_MAX_FAILURES} failures per minute per address or credential, 100 in all. */
    public static AuthThrottle standard(Clock clock) {
        return new AuthThrottle(DEFAULT_MAX_FAILURES, DEFAULT_MAX_GLOBAL_FAILURES, DEFAULT_WINDOW, clock);
    }

    /**
     * Counts a failed authentication from {@code address} presenting {@code credential} (an identifier of what was
     * presented, never a secret), and says how long the caller should wait when any count is over its cap.
     */
    Optional<Duration> failed(String address, String credential) {
        Optional<Duration> wait = Optional.empty();
        wait = longer(wait, count("address " + address, maxFailures));
        wait = longer(wait, count("credential " + credential, maxFailures));
        return longer(wait, count(GLOBAL, maxGlobalFailures));
    }

    private Optional<Duration> count(String key, int cap) {
        Window current;
        try {
            current = windows.get(key, () -> new Window(clock.instant()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating a window cannot fail", e);
        }
        if (current.failures.incrementAndGet() <= cap) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), current.start.plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    /** One key's failures since {@code start}. */
    private static final class Window {
        private final Instant start;
        private final AtomicInteger failures = new AtomicInteger();

        private Window(Instant start) {
            this.start = start;
        }
    }
}
