package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A database {@code ws_test_<random>} on the MariaDB/MySQL server named by {@code WS_TEST_MYSQL_URL} (default
 * {@code jdbc:mysql://127.0.0.1:3306/}), created before the class and dropped after it. Each new store empties
 * its tables. The server must be there: without it the tests fail, they do not skip.
 */
final class MariaDbTestDatabases extends TestDatabases {

    private final String serverUrl = env("WS_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    private final String user = env("WS_TEST_MYSQL_USER", "root");
    private final String password = env("WS_TEST_MYSQL_PASSWORD", "");
    private final String name = "ws_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<String> triggers = new ArrayList<>();
    private List<String> tables;
    private boolean created;

    private static String env(String variable, String fallback) {
        return Objects.requireNonNullElse(System.getenv(variable), fallback);
    }

    /** The server URL with this class's database in its path. */
    String url() {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return (base.endsWith("/") ? base : base + "/") + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    /** The database's name. */
    String name() {
        return name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
            created = true;
        }
    }

    /** A plain connection to the server, outside any pool. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl, user, password);
    }

    @Override
    synchronized String freshUrl() {
        if (tables == null) {
            tables = tablesOf();
        }
        if (tables != null) {
            emptyTables();
        }
        return url();
    }

    /** The schema's tables, or {@code null} before the first store has migrated it. */
    private List<String> tablesOf() {
        try (Connection connection = admin(); PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                        + " AND table_name <> 'flyway_schema_history'")) {
            statement.setString(1, name);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names.isEmpty() ? null : names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog of test database " + name, e);
        }
    }

    /** Drops the injected faults and deletes every row, in one transaction (one flush, not one per table). */
    private void emptyTables() {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            for (String trigger : triggers) {
                statement.execute("DROP TRIGGER IF EXISTS " + name + "." + trigger);
            }
            triggers.clear();
            connection.setAutoCommit(false);
            for (String table : tables) {
                statement.execute("DELETE FROM " + name + "." + table);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty test database " + name, e);
        }
    }

    @Override
    synchronized void failInsertsOfFailtown(Database database, String table) {
        triggers.add("fail_" + table);
        database.jdbi().useHandle(h -> h.execute("CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table
                + " FOR EACH ROW IF NEW.city_key = 'failtown' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure for failtown'; END IF"));
    }

    @Override
    String user() {
        return user;
    }

    @Override
    String password() {
        return password;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        super.afterAll(context);
        if (created) {
            try (Connection connection = admin(); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }
}
