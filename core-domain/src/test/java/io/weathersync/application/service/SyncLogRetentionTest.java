package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryNodeRegistry;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncLogRetentionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry();

    @Test
    void aFloodOfEntriesIsCutToTheNewestAndOldOnesAgeOut() {
        SyncLogRetention retention = new SyncLogRetention(registry, Duration.ofDays(1), 100, clock);
        for (int i = 0; i < 1000; i++) {
            registry.appendSyncLog(SyncLogEntry.at("n1", SyncOperation.SYNC_REQUEST, true, 0, 0, 0, clock.instant(),
                    ""));
        }

        assertThat(retention.prune()).isEqualTo(900);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(retention.prune()).isEqualTo(100);
        assertThat(registry.syncLogs(new SyncLogQuery(Optional.empty(), Optional.empty(), 10, 0)).total()).isZero();
    }

    @Test
    void nonsensicalBoundsAreRefused() {
        assertThatThrownBy(() -> new SyncLogRetention(registry, Duration.ZERO, 1, clock))
                .hasMessageStartingWith("SYNC_LOG_MAX_AGE");
        assertThatThrownBy(() -> new SyncLogRetention(registry, Duration.ofDays(1), 0, clock))
                .hasMessageStartingWith("SYNC_LOG_MAX_ROWS");
    }
}
