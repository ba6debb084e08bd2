package io.weathersync.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A bounded poll for asynchronous outcomes: waits until a condition holds, or fails saying what was awaited. */
public final class Eventually {

    /** How long {@link #await(String, BooleanSupplier)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 5;

    private Eventually() {
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for {@code condition}. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, DEFAULT_TIMEOUT, condition, () -> "");
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for {@code condition}; on timeout the failure shows {@code state}. */
    public static void await(String what, BooleanSupplier condition, Supplier<?> state) {
        await(what, DEFAULT_TIMEOUT, condition, state);
    }

    /** Waits up to {@code timeout} for {@code condition}; on timeout the failure shows {@code state}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<?> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + stateText(state));
            }
            pause();
        }
    }

    /** Checks that {@code condition} stays true for the whole of {@code window} (for "nothing arrives"). */
    public static void holdsFor(String what, Duration window, BooleanSupplier condition, Supplier<?> state) {
        long deadline = System.nanoTime() + window.toNanos();
        do {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("expected " + what + stateText(state));
            }
            pause();
        } while (System.nanoTime() - deadline < 0);
    }

    private static String stateText(Supplier<?> state) {
        String text = String.valueOf(state.get());
        return text.isEmpty() ? "" : "; state: " + text;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
