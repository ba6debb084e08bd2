package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.weathersync.testing.TestReadings.changes;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.exactReadings;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the relational replica must do beyond the core's contract; subclasses choose the database. */
abstract class JdbiReplicaBehaviour {

    private static final StreamId S1 = new StreamId("stream-one");
    private static final StreamId S2 = new StreamId("stream-two");

    abstract TestDatabases databases();

    private static long count(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Replica serving(Database database, List<WeatherReading> readings) {
        Replica replica = new JdbiReplica(database);
        replica.beginResync(S1);
        replica.apply(S1, changes(S1, 1, readings), readings.size());
        replica.finishResync();
        return replica;
    }

    @ParameterizedTest(name = "failing insert into {0}")
    @ValueSource(strings = {"replica_readings", "replica_cities"})
    void anApplyThatFailsHalfWayLeavesRowsAndStateUnchanged(String failingTable) {
        Database database = databases().fresh();
        Replica replica = serving(database, List.of(reading("Oslo", 0, 1)));
        Digest before = replica.digest();
        databases().failInsertsOfFailtown(database, failingTable);

        assertThatThrownBy(() -> replica.apply(S1, changes(S1, 2, List.of(reading("Rome", 0, 2),
                reading("Oslo", 0, 7), reading("Failtown", 0, 3), reading("Lima", 0, 4))), 5))
                .hasStackTraceContaining("injected failure");

        assertThat(replica.state()).isEqualTo(new SyncState(S1, 1));
        assertThat(replica.digest()).isEqualTo(before);
        assertThat(count(database, "SELECT COUNT(*) FROM replica_readings")).isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM replica_cities")).isEqualTo(1);
    }

    @ParameterizedTest(name = "failing insert into {0}")
    @ValueSource(strings = {"replica_readings", "replica_cities"})
    void aRepairThatFailsHalfWayLeavesEveryRowUnchanged(String failingTable) {
        Database database = databases().fresh();
        Replica replica = serving(database, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        replica.apply(S1, List.of(), 5);
        Digest before = replica.digest();
        databases().failInsertsOfFailtown(database, failingTable);

        assertThatThrownBy(() -> replica.repair(S1, List.of(new Change(S1, 1, reading("Oslo", 0, 7)),
                new Change(S1, 3, reading("Rome", 0, 3)), new Change(S1, 4, reading("Failtown", 0, 4)),
                new Change(S1, 5, reading("Lima", 0, 5)))))
                .hasStackTraceContaining("injected failure");

        assertThat(replica.state()).isEqualTo(new SyncState(S1, 5));
        assertThat(replica.digest()).isEqualTo(before);
        assertThat(count(database, "SELECT COUNT(*) FROM replica_readings")).isEqualTo(2);
        assertThat(count(database, "SELECT COUNT(*) FROM replica_cities")).isEqualTo(2);
    }

    @Test
    void finishingAResyncDeletesTheOldGenerationsRows() {
        Database database = databases().fresh();
        Replica replica = serving(database, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1),
                reading("Oslo", 1, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Rome", 0, 2))), 1);

        assertThat(count(database, "SELECT COUNT(*) FROM replica_readings")).isEqualTo(4);
        replica.finishResync();

        assertThat(count(database, "SELECT COUNT(*) FROM replica_readings")).isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM replica_cities")).isEqualTo(1);
        assertThat(exactReadings(replica.latestAll())).containsExactly(exact(reading("Rome", 0, 2)));
    }

    @Test
    void aResyncWritesReadingsOnlyAndSetsEachCitysNewestReadingWhenItSwitches() {
        Database database = databases().fresh();
        Replica replica = serving(database, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Oslo", 5, 2), reading("Oslo", 3, 3),
                reading("Rome", 1, 4))), 3);

        assertThat(count(database, "SELECT COUNT(*) FROM replica_cities")).isEqualTo(1);
        replica.finishResync();

        assertThat(exactReadings(replica.latestAll()))
                .containsExactly(exact(reading("Oslo", 5, 2)), exact(reading("Rome", 1, 4)));
        assertThat(count(database, "SELECT COUNT(*) FROM replica_cities")).isEqualTo(2);
    }

    @Test
    void rowsOfAGenerationNoLongerInUseAreDroppedWhenTheReplicaOpens() {
        Database database = databases().fresh();
        Replica replica = serving(database, List.of(reading("Oslo", 0, 1)));
        Digest served = replica.digest();
        // What a crash between the switching transaction and the clean-up leaves behind.
        database.jdbi().useHandle(h -> {
            h.execute("INSERT INTO replica_readings (generation, city_key, observed_at, city_name, temperature,"
                    + " humidity, source_name, seq) VALUES (1000, 'rome', 0, 'Rome', 20, 50, 'test', 1)");
            h.execute("INSERT INTO replica_cities (generation, city_key, observed_at) VALUES (1000, 'rome', 0)");
        });

        Replica reopened = new JdbiReplica(databases().reopen(database));

        assertThat(reopened.digest()).isEqualTo(served);
        assertThat(count(databases().open(databases().urlOf(database)),
                "SELECT COUNT(*) FROM replica_readings WHERE generation = 1000")).isZero();
    }

    @Test
    void anAbandonedResyncsRowsAreDroppedWhenTheNextOneBegins() {
        Database database = databases().fresh();
        Replica replica = serving(database, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Rome", 0, 2), reading("Lima", 0, 2))), 2);

        replica.beginResync(S2);

        assertThat(count(database, "SELECT COUNT(*) FROM replica_readings")).isEqualTo(1);
        assertThat(replica.pendingResync()).contains(new SyncState(S2, 0));
    }
}
