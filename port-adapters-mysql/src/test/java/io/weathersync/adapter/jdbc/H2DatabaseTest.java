package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.application.port.out.StoreUnavailableException;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.GeocodingAnswer;
import io.weathersync.domain.model.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening, migrating and failing to open an embedded H2 store. */
class H2DatabaseTest {

    @TempDir
    Path directory;

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("weather").toAbsolutePath();
    }

    private static List<String> history(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT CONCAT(\"version\", ':', \"success\")"
                        + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")
                .mapTo(String.class)
                .list());
    }

    @Test
    void aNewFileIsMigratedAndReopeningItMigratesNothingAndKeepsTheData() {
        StreamId stream;
        List<String> migrated;
        try (Database database = Database.open(url(), "sa", "")) {
            ChangeLog log = new JdbiChangeLog(database);
            log.append(List.of(reading("Oslo", 0, 1)));
            stream = log.stream();
            migrated = history(database);
        }

        try (Database again = Database.open(url(), "sa", "")) {
            ChangeLog log = new JdbiChangeLog(again);

            assertThat(history(again)).isEqualTo(migrated).isNotEmpty().allMatch(row -> row.endsWith(":TRUE"));
            assertThat(log.stream()).isEqualTo(stream);
            assertThat(log.head()).isEqualTo(1);
        }
        assertThat(Files.exists(directory.resolve("weather.mv.db"))).isTrue();
    }

    private static List<Long> observedAtOfLogCities(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT observed_at FROM log_cities")
                .mapTo(Long.class).list());
    }

    @Test
    void aStoreLeftAtSchemaVersion1IsUpgradedKeepingItsRows() throws Exception {
        TestDatabases.migrateOnlyTo(url(), "sa", "", "1");
        try (Connection old = DriverManager.getConnection(JdbcUrl.parse(url()).url(), "sa", "");
             Statement statement = old.createStatement()) {
            statement.execute("INSERT INTO log_cities (city_key, observed_at) VALUES ('oslo', 42)");
            OldRegistryRows.insert(statement, "");
        }

        try (Database database = Database.open(url(), "sa", "")) {
            GeocodedCities cities = new JdbiGeocodedCities(database);
            GeocodingAnswer missed = new GeocodingAnswer.NotFound(Instant.parse("2026-11-23T10:00:00Z"));
            cities.remember(new City("Atlantisxyz"), missed);

            // Flyway's own row for creating the schema has no version.
            assertThat(history(database)).filteredOn(row -> !row.startsWith(":"))
                    .startsWith("1:TRUE", "2:TRUE").hasSizeGreaterThan(2).allMatch(row -> row.endsWith(":TRUE"));
            assertThat(observedAtOfLogCities(database)).containsExactly(42L);
            OldRegistryRows.assertMigrated(database);
            assertThat(cities.find(new City("atlantisxyz"))).contains(missed);
        }
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedDatabaseIsNotReachable() {
        Database database = Database.open(url(), "sa", "");
        assertThat(database.isReachable(2)).isTrue();

        database.close();
        database.close();

        assertThat(database.isReachable(2)).isFalse();
    }

    @Test
    void aSchemaThatCannotBeMigratedFailsNamingTheUrlAndTheCause() throws Exception {
        try (Database database = Database.open(url(), "sa", "")) {
            database.jdbi().useHandle(h -> h.execute(
                    "UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'"));
        }

        assertThatThrownBy(() -> Database.open(url(), "sa", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot migrate the schema of jdbc:h2:file:")
                .hasMessageContaining("checksum");
    }

    @Test
    void anUnreachableMySqlServerFailsNamingTheServerButNeverThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://127.0.0.1:1/weather?connectTimeout=2000", "weather",
                "hunter2-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to jdbc:mysql://127.0.0.1:1/weather")
                .hasMessageContaining("as 'weather'")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2-secret");
                    }
                });
    }

    @Test
    void aWrongH2PasswordFailsClearlyWithoutThePassword() {
        Database.open(url(), "sa", "right-one").close();

        assertThatThrownBy(() -> Database.open(url(), "sa", "wrong-one"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot connect to jdbc:h2:file:")
                .hasMessageContaining("Wrong user name or password")
                .hasMessageNotContaining("wrong-one");
    }

    /** What a server says of a rolled-back transaction, as the driver throws it (SQLState, vendor code). */
    private static RuntimeException rolledBack(String sqlState, int vendorCode) {
        return new IllegalStateException(new SQLTransactionRollbackException("server says so", sqlState, vendorCode));
    }

    @Test
    void aTransactionChosenAsADeadlocksVictimIsRunAgainUntilItCommits() {
        try (Database database = Database.open(url(), "sa", "")) {
            AtomicInteger runs = new AtomicInteger();

            int written = database.write(h -> {
                if (runs.incrementAndGet() < 3) {
                    throw rolledBack("40001", 1213);
                }
                return h.createUpdate("UPDATE log_meta SET head = head").execute();
            });

            assertThat(runs).hasValue(3);
            assertThat(written).isZero();
            assertThat(database.writeProblem()).isEmpty();
        }
    }

    @Test
    void aDeadlockThatKeepsComingBackOrALockWaitTimeoutFailsAsStoreUnavailableWithoutMoreRuns() {
        try (Database database = Database.open(url(), "sa", "")) {
            AtomicInteger deadlocked = new AtomicInteger();
            AtomicInteger timedOut = new AtomicInteger();

            assertThatThrownBy(() -> database.writeVoid(h -> {
                deadlocked.incrementAndGet();
                throw rolledBack("40001", 1213);
            })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("server says so");
            // MySQL's driver reports a lock wait timeout (1205) as 40001 too: it has waited long enough already.
            assertThatThrownBy(() -> database.writeVoid(h -> {
                timedOut.incrementAndGet();
                throw rolledBack("40001", 1205);
            })).isInstanceOf(StoreUnavailableException.class);

            assertThat(deadlocked).hasValue(StoreWrites.DEADLOCK_ATTEMPTS);
            assertThat(timedOut).hasValue(1);
            assertThat(database.writeProblem()).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("server says so"));
        }
    }
}
