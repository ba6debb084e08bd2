package io.weathersync.domain.cluster;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 002's sync-log page: limit 1–200, offset from 0; node and operation filters. */
class SyncLogQueryTest {

    private static final SyncLogEntry ENTRY = SyncLogEntry.at("node-1", SyncOperation.CATCH_UP, true, 1, 1, 1,
            Instant.parse("2026-11-23T10:00:00Z"), "");

    @ParameterizedTest(name = "limit {0}, offset {1} -> {2}")
    @CsvSource(nullValues = "ok", value = {
        "1,   0,  ok",
        "200, 0,  ok",
        "50,  10, ok",
        "0,   0,  limit:",
        "201, 0,  limit:",
        "-1,  0,  limit:",
        "50,  -1, offset:"})
    void pageBoundsFollowTheTable(int limit, int offset, String refusal) {
        if (refusal == null) {
            assertThatCode(() -> new SyncLogQuery(Optional.empty(), Optional.empty(), limit, offset))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> new SyncLogQuery(Optional.empty(), Optional.empty(), limit, offset))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(refusal);
        }
    }

    @ParameterizedTest(name = "node {0}, operation {1} -> {2}")
    @CsvSource(nullValues = "any", value = {
        "any,    any,          true",
        "node-1, any,          true",
        "node-2, any,          false",
        "any,    CATCH_UP,     true",
        "any,    SYNC_REQUEST, false",
        "node-1, CATCH_UP,     true",
        "node-2, CATCH_UP,     false"})
    void filtersSelectAsTheTableSays(String node, SyncOperation operation, boolean selected) {
        SyncLogQuery query = new SyncLogQuery(Optional.ofNullable(node), Optional.ofNullable(operation), 50, 0);

        assertThat(query.selects(ENTRY)).isEqualTo(selected);
    }

    @ParameterizedTest
    @CsvSource({"catch_up, CATCH_UP, pull", "sync_request, SYNC_REQUEST, push", "report_result, REPORT_RESULT, push"})
    void operationsGoBySeed002sNamesWithTheirDirection(String name, SyncOperation operation, String direction) {
        assertThat(SyncOperation.named(name)).contains(operation);
        assertThat(operation.wireName()).isEqualTo(name);
        assertThat(operation.direction().name()).isEqualToIgnoringCase(direction);
        assertThat(SyncOperation.named(name.toUpperCase())).isEmpty();
    }
}
