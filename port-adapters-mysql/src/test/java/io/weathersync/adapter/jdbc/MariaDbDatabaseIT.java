package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening, migrating and configuring connections on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbDatabaseIT {

    @RegisterExtension
    static final MariaDbTestDatabases DATABASES = new MariaDbTestDatabases();

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
    void aWrongPasswordFailsNamingTheServerButNotThePassword() {
        assertThatThrownBy(() -> Database.open(DATABASES.url(), "ws_nobody", "hunter2-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to jdbc:mysql://")
                .hasMessageContaining(DATABASES.name())
                .hasMessageContaining("Access denied")
                .hasMessageNotContaining("hunter2-secret");
    }
}
