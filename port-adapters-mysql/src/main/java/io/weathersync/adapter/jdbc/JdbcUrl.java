package io.weathersync.adapter.jdbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A checked JDBC URL: which dialect it is, the URL to connect with (H2 forced into MySQL mode), the driver
 * properties to add, and a form safe to print (no password).
 *
 * @param dialect    MySQL/MariaDB or H2
 * @param url        the URL to connect with
 * @param properties driver properties the URL does not set itself
 * @param display    the URL with any password masked, for messages and logs
 */
record JdbcUrl(Dialect dialect, String url, Map<String, String> properties, String display) {

    private static final Pattern SECRET_SETTING =
            Pattern.compile("(?i)((?:password|passwd|pwd)[a-z0-9_.-]*=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@?;]*):([^/@?;]*)@");
    private static final Map<String, String> H2_REQUIRED = ordered("MODE", "MySQL", "DATABASE_TO_LOWER", "TRUE");
    private static final Map<String, String> H2_DEFAULTS = ordered(
            // The application closes the pool on SIGTERM itself, after committing or rolling back.
            "DB_CLOSE_ON_EXIT", "FALSE",
            // Appenders queue on the head row; a big batch may hold it longer than H2's one-second default.
            "LOCK_TIMEOUT", "10000",
            // H2 otherwise writes commits out up to 500 ms later from a background thread: a kill -9 then loses
            // changes already acknowledged (a master whose head goes back hands the same seqs out again), and that
            // thread writes chunks while transactions are in flight. With 0 there is no such thread: each commit
            // writes its chunk in the committing thread before it returns. That alone is not crash-safe: a chunk
            // holds each map as the writer found it, map after map, so a second write transaction in flight
            // meanwhile lands in the file half done; Database lets one write transaction run at a time on H2.
            "WRITE_DELAY", "0");

    /** Copies the properties, keeping their order. */
    JdbcUrl {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * Checks and completes {@code jdbcUrl}.
     *
     * @throws IllegalArgumentException naming what is wrong, without the password
     */
    static JdbcUrl parse(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "db url: must not be empty (jdbc:mysql://host:3306/database or jdbc:h2:…)");
        }
        String url = jdbcUrl.strip();
        String display = redact(url);
        if (url.startsWith("jdbc:h2:")) {
            return h2(url, display);
        }
        if (url.startsWith("jdbc:mysql:")) {
            return mysql(url, display);
        }
        throw new IllegalArgumentException(
                "db url: must start with jdbc:mysql:// (MySQL 8, MariaDB) or jdbc:h2:, was '" + display + "'");
    }

    /** {@code text} with URL passwords masked. */
    static String redact(String text) {
        String masked = SECRET_SETTING.matcher(text).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }

    private static JdbcUrl h2(String url, String display) {
        String[] parts = url.split(";");
        if (parts[0].length() <= "jdbc:h2:".length()) {
            throw new IllegalArgumentException("db url: names no H2 database, was '" + display + "'");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (!parts[i].isBlank()) {
                String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip().toUpperCase(Locale.ROOT);
                settings.put(key, eq < 0 ? "" : parts[i].substring(eq + 1).strip());
            }
        }
        StringBuilder completed = new StringBuilder(url.endsWith(";") ? url.substring(0, url.length() - 1) : url);
        H2_REQUIRED.forEach((key, value) -> {
            String given = settings.get(key);
            if (given == null) {
                completed.append(';').append(key).append('=').append(value);
            } else if (!given.equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("db url: the schema needs H2's " + key + "=" + value
                        + ", but the URL sets " + key + "=" + given + " ('" + display + "')");
            }
        });
        H2_DEFAULTS.forEach((key, value) -> {
            if (!settings.containsKey(key)) {
                completed.append(';').append(key).append('=').append(value);
            }
        });
        return new JdbcUrl(Dialect.H2, completed.toString(), Map.of(), redact(completed.toString()));
    }

    private static JdbcUrl mysql(String url, String display) {
        int hosts = url.indexOf("//");
        int path = hosts < 0 ? -1 : url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String database = path < 0 ? "" : url.substring(path + 1, query < 0 ? url.length() : query);
        if (hosts < 0 || path < 0 || (query >= 0 && query < path) || database.isBlank()) {
            throw new IllegalArgumentException("db url: must name the database, as in "
                    + "jdbc:mysql://127.0.0.1:3306/weather, was '" + display + "'");
        }
        String given = query < 0 ? "" : url.substring(query + 1).toLowerCase(Locale.ROOT);
        Map<String, String> properties = new LinkedHashMap<>();
        mysqlDefaults().forEach((key, value) -> {
            if (!Pattern.compile("(^|&)" + key.toLowerCase(Locale.ROOT) + "=").matcher(given).find()) {
                properties.put(key, value);
            }
        });
        return new JdbcUrl(Dialect.MYSQL, url, properties, display);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, String> mysqlDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        // One multi-row INSERT per batch instead of a round trip per row.
        defaults.put("rewriteBatchedStatements", "true");
        // Times are stored as epoch millis; a UTC session keeps any server-side time function honest too.
        defaults.put("connectionTimeZone", "UTC");
        defaults.put("forceConnectionTimeZoneToSession", "true");
        defaults.put("characterEncoding", "UTF-8");
        defaults.put("connectTimeout", "10000");
        // A write waits for a row lock as long as on H2 (LOCK_TIMEOUT), not InnoDB's 50 s, and then fails.
        defaults.put("sessionVariables", "innodb_lock_wait_timeout=10");
        // Client-side prepared statements (the default) rewrite batches best; cache their parse.
        defaults.put("cachePrepStmts", "true");
        defaults.put("prepStmtCacheSize", "250");
        defaults.put("prepStmtCacheSqlLimit", "2048");
        defaults.put("useLocalSessionState", "true");
        defaults.put("cacheServerConfiguration", "true");
        return defaults;
    }
}
