package io.weathersync.application.port.out;

import java.time.Duration;

/**
 * A source's free allowance: {@code requests} per {@code period}.
 *
 * @param requests how many requests
 * @param period   per how long
 */
public record FreeTier(long requests, Duration period) {

    /** The allowance scaled to one day. */
    public double perDay() {
        return requests * (double) Duration.ofDays(1).toMillis() / period.toMillis();
    }
}
