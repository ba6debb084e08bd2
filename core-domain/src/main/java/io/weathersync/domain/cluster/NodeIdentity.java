package io.weathersync.domain.cluster;

import java.time.Instant;

/**
 * How a node describes itself in heartbeats and the status view.
 *
 * @param name       its name
 * @param host       the host it serves on
 * @param port       the port it serves on
 * @param startedAt  when it started
 * @param tasksCount its scheduled tasks
 * @param version    its software version
 */
public record NodeIdentity(String name, String host, int port, Instant startedAt, int tasksCount, String version) {
}
