package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.GeocodingAnswer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening, migrating and configuring connections on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbDatabaseIT {

    @RegisterExtension
    static final MariaDbTestDatabases DATABASES = new MariaDbTestDatabases();
    /** A database of its own, so that it can be left at an old schema version. */
    @RegisterExtension
    static final MariaDbTestDatabases OLD = new MariaDbTestDatabases();

    private static List<String> history(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT CONCAT(version, ':', success) FROM flyway_schema_history ORDER BY installed_rank")
                .mapTo(String.class)
                .list());
    }

    @Test
    void restartingMigratesNothingAgainAndKeepsTheStreamAndData() {
        Database first = DATABASES.fresh();
        ChangeLog log = new JdbiChangeLog(first);
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        List<String> migrated = history(first);

        Database second = DATABASES.reopen(first);
        ChangeLog reopened = new JdbiChangeLog(second);

        assertThat(migrated).isNotEmpty().allMatch(row -> row.endsWith(":1"));
        assertThat(history(second)).isEqualTo(migrated);
        assertThat(reopened.stream()).isEqualTo(log.stream());
        assertThat(reopened.head()).isEqualTo(2);
    }

    /** The one column {@code sql} selects, as {@code type}. */
    private static <T> List<T> column(Database database, String sql, Class<T> type) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).list());
    }

    @Test
    void aStoreLeftAtSchemaVersion1IsUpgradedKeepingItsRows() throws Exception {
        String url = OLD.freshUrl();
        TestDatabases.migrateOnlyTo(url, OLD.user(), OLD.password(), "1");
        try (Connection old = OLD.admin(); Statement statement = old.createStatement()) {
            statement.execute("INSERT INTO " + OLD.name() + ".log_cities (city_key, observed_at) VALUES ('oslo', 42)");
            OldRegistryRows.insert(statement, OLD.name() + ".");
        }

        Database database = OLD.open(url);
        GeocodedCities cities = new JdbiGeocodedCities(database);
        GeocodingAnswer found = new GeocodingAnswer.Found(new Coordinates(44.34, 10.99),
                Instant.parse("2026-11-23T10:00:00Z"));
        cities.remember(new City("Zocca"), found);

        assertThat(history(database)).startsWith("1:1", "2:1").hasSizeGreaterThan(2)
                .allMatch(row -> row.endsWith(":1"));
        assertThat(column(database, "SELECT observed_at FROM log_cities", Long.class)).containsExactly(42L);
        OldRegistryRows.assertMigrated(database);
        assertThat(cities.find(new City("zocca"))).contains(found);
    }

    @Test
    void sessionsRunInUtcAndTextIsComparedByteForByte() {
        Database database = DATABASES.fresh();

        String zone = database.jdbi().withHandle(h -> h.createQuery("SELECT @@session.time_zone")
                .mapTo(String.class).one());
        List<String> collations = database.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT collation_name"
                        + " FROM information_schema.columns WHERE table_schema = DATABASE()"
                        + " AND table_name <> 'flyway_schema_history' AND collation_name IS NOT NULL")
                .mapTo(String.class).list());

        assertThat(zone).isIn("UTC", "+00:00");
        assertThat(collations).containsExactly("utf8mb4_bin");
    }

    @Test
    void everySessionHasAnIdleTransactionTimeoutSoACutOffClientReleasesItsLocks() {
        Database database = DATABASES.fresh();

        long idleTimeout = database.jdbi().withHandle(h -> h.createQuery("SELECT @@session.idle_transaction_timeout")
                .mapTo(Long.class).one());

        assertThat(idleTimeout).isEqualTo(Database.IDLE_TRANSACTION_TIMEOUT.toSeconds());
    }

    @Test
    void aWrongPasswordFailsNamingTheServerButNotThePassword() {
        assertThatThrownBy(() -> Database.open(DATABASES.url(), "ws_nobody", "hunter2-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to jdbc:mysql://")
                .hasMessageContaining(DATABASES.name())
                .hasMessageContaining("Access denied")
                .hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void aWriteChosenAsADeadlocksVictimIsRunAgainAndCommits() throws Exception {
        Database database = DATABASES.fresh();
        database.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE scratch (id INT PRIMARY KEY, v INT NOT NULL)");
            h.execute("INSERT INTO scratch (id, v) VALUES (1, 0), (2, 0)");
        });
        CountDownLatch holdsRowOne = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        try (Handle other = database.jdbi().open(); ExecutorService writer = Executors.newSingleThreadExecutor()) {
            // The other transaction has changed more rows, so InnoDB rolls the store's write back, not it.
            other.begin();
            for (int id = 100; id < 150; id++) {
                other.execute("INSERT INTO scratch (id, v) VALUES (?, 0)", id);
            }
            other.execute("UPDATE scratch SET v = v + 10 WHERE id = 2");
            Future<Integer> write = writer.submit(() -> database.write(h -> {
                h.execute("UPDATE scratch SET v = v + 1 WHERE id = 1");
                if (runs.incrementAndGet() == 1) {
                    holdsRowOne.countDown();
                }
                h.execute("UPDATE scratch SET v = v + 1 WHERE id = 2");
                return runs.get();
            }));
            assertThat(holdsRowOne.await(10, TimeUnit.SECONDS)).isTrue();
            other.execute("UPDATE scratch SET v = v + 10 WHERE id = 1");
            other.commit();

            assertThat(write.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(column(database, "SELECT v FROM scratch WHERE id IN (1, 2) ORDER BY id", Integer.class))
                .containsExactly(11, 11);
        assertThat(database.writeProblem()).isEmpty();
    }
}
