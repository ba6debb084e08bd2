package io.weathersync.domain.cluster;

import java.time.Instant;

/**
 * How the master describes itself in the status view.
 *
 * @param name       its name ({@code master})
 * @param host       the host it serves on
 * @param port       the port it serves on
 * @param startedAt  when it started
 * @param tasksCount its scheduled tasks
 */
public record MasterIdentity(String name, String host, int port, Instant startedAt, int tasksCount) {
}
