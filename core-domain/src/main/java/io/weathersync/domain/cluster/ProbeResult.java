package io.weathersync.domain.cluster;

/**
 * What a test connection to a node found.
 *
 * @param reachable whether its status endpoint answered with success
 * @param latencyMs the round trip, in milliseconds
 * @param role      the role it reported ({@code master}/{@code slave}), or empty
 * @param detail    the HTTP status or error when not reachable, else empty
 */
public record ProbeResult(boolean reachable, long latencyMs, String role, String detail) {
}
