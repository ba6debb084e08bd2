package io.weathersync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC helpers for the raw limits and the benchmark's private databases. */
final class Sql {

    private Sql() {
    }

    static Connection mysql(String url) throws SQLException {
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
                + "rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true", "root", "");
    }

    static void exec(String url, String... statements) throws SQLException {
        try (Connection c = mysql(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
