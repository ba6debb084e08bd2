package io.weathersync.e2e;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A MariaDB database of this run ({@code ws_e2e_<random>}) on the shared server named by
 * {@code WS_TEST_MYSQL_URL}; created here, dropped by {@link #close}. The test fails when the server is absent.
 */
final class TestDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates a fresh, empty database. */
    static TestDatabase create() {
        String url = env("WS_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        base = base.substring(0, base.lastIndexOf('/') + 1);
        String name = "ws_e2e_" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        TestDatabase db = new TestDatabase(base, env("WS_TEST_MYSQL_USER", "root"),
                env("WS_TEST_MYSQL_PASSWORD", ""), name);
        db.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return db;
    }

    String name() {
        return name;
    }

    /** The JDBC URL a node gets as {@code DB_URL}. */
    String jdbcUrl() {
        return serverUrl + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("MariaDB at " + serverUrl + " (WS_TEST_MYSQL_URL): " + sql + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
