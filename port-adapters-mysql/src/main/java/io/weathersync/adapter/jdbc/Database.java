package io.weathersync.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A node's relational store: a connection pool on MySQL 8, MariaDB 10.11 or H2 (in MySQL mode), with the
 * schema migrated to the current version. The stores of this package are built on it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_POOL_SIZE = 8;
    private static final int MAX_REASON = 500;
    /**
     * How long a caller waits for its write transaction: above H2's LOCK_TIMEOUT and the MySQL session's
     * innodb_lock_wait_timeout (10 s, see {@link JdbcUrl}), so that a lock wait fails on its own first.
     */
    static final Duration WRITE_BOUND = Duration.ofSeconds(15);
    /** A write in flight longer than this makes the store degraded (a batch of 1,000 takes well under 1 s). */
    static final Duration SLOW_WRITE = Duration.ofSeconds(5);
    /**
     * On MariaDB (10.3+), a transaction whose client sends nothing for this long is rolled back by the server and
     * its locks are released. Our transactions never wait on anything between statements, so only a client that was
     * cut off, or stopped (SIGSTOP), goes quiet inside one; without it the server keeps such a session, and the
     * lock on the lease row that every seq assignment takes, until {@code wait_timeout} (8 h by default), and no
     * standby can take over. MySQL has no such variable, so it is set inside MariaDB's executable comment
     * ({@code /*M!100300 …}), which MySQL skips. A {@code DB_URL} that sets {@code idle_transaction_timeout} itself
     * keeps its own value.
     */
    static final Duration IDLE_TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String display;
    private final StoreWrites writes;
    private final Optional<CrashedStore> marker;

    private Database(HikariDataSource pool, Dialect dialect, String display, Duration writeBound,
                     Optional<CrashedStore> marker) {
        this.pool = pool;
        this.marker = marker;
        this.jdbi = Jdbi.create(pool);
        this.dialect = dialect;
        this.display = display;
        this.writes = new StoreWrites(jdbi, dialect == Dialect.H2, writeBound, SLOW_WRITE);
    }

    /**
     * Connects, migrates the schema (classpath {@code db/migration}) and returns the open database.
     *
     * @param jdbcUrl  {@code jdbc:mysql://host:port/database…} or {@code jdbc:h2:…}; H2 URLs get
     *                 {@code MODE=MySQL;DATABASE_TO_LOWER=TRUE} added when absent
     * @param user     the database user
     * @param password the password, may be empty; it never appears in a message or a log
     * @throws IllegalArgumentException when the URL is not one of the supported forms
     * @throws IllegalStateException    when the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, WRITE_BOUND);
    }

    /** Like {@link #open(String, String, String)}, with another bound for write transactions (tests). */
    static Database open(String jdbcUrl, String user, String password, Duration writeBound) {
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        Optional<Path> h2File = url.dialect() == Dialect.H2 ? EmbeddedFiles.h2File(url.url()) : Optional.empty();
        h2File.ifPresent(EmbeddedFiles::ownerOnlyDatabase);
        Optional<CrashedStore> marker = h2File.map(base -> CrashedStore.prepare(base, url, user, password));
        HikariDataSource pool = connect(url, user, password);
        try {
            migrate(pool, url);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("database ready: {}", url.display());
        return new Database(pool, url.dialect(), url.display(), writeBound, marker);
    }

    private static HikariDataSource connect(JdbcUrl url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("weather-sync-db");
        config.setJdbcUrl(url.url());
        config.setUsername(Objects.requireNonNullElse(user, ""));
        config.setPassword(Objects.requireNonNullElse(password, ""));
        url.properties().forEach(config::addDataSourceProperty);
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(2);
        // Each append reads the stored rows after taking the head lock: it must see what others committed.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (url.dialect() == Dialect.MYSQL && !url.url().toLowerCase(Locale.ROOT).contains("idle_transaction_timeout")) {
            config.setConnectionInitSql("SET @weather_sync = 1 /*M!100300 , SESSION idle_transaction_timeout = "
                    + IDLE_TRANSACTION_TIMEOUT.toSeconds() + " */");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw cannotConnect(url, config.getUsername(), password, e);
        }
    }

    /** The one-line error of a failed connection: the URL and reason without the password. */
    static IllegalStateException cannotConnect(JdbcUrl url, String user, String password, Exception e) {
        return new IllegalStateException("cannot connect to " + url.display() + " as '"
                + Objects.requireNonNullElse(user, "") + "': " + reason(e, password), e);
    }

    private static void migrate(HikariDataSource pool, JdbcUrl url) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("migrated {} to schema version {}", url.display(), result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot migrate the schema of " + url.display() + ": "
                    + reason(e, null), e);
        }
    }

    /** The innermost message of {@code e}, with URL passwords and {@code password} masked. */
    static String reason(Throwable e, String password) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
        String masked = JdbcUrl.redact(message.strip());
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "***");
        }
        // Multi-line messages (Flyway's) carry the detail on later lines: keep them, on one line.
        String oneLine = masked.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Need more flexibility"))
                .collect(Collectors.joining("; "));
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "…";
    }

    /**
     * Creates a node's data directory owner-only ({@code rwx------}), or makes an existing one owner-only: it holds
     * the embedded store (whose files {@link #open} keeps owner-only too) and the node's keys.
     */
    public static void ownerOnlyDirectory(Path dir) {
        EmbeddedFiles.ownerOnlyDirectory(dir);
    }

    /** The Jdbi over the pool. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Whether a connection can be taken and answers within {@code timeoutSeconds} (for health checks). */
    public boolean isReachable(int timeoutSeconds) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("database {} is not reachable: {}", display, reason(e, null));
            return false;
        }
    }

    /**
     * Runs {@code callback} as one write transaction: one at a time on H2, and failing with a
     * {@code StoreUnavailableException} when it does not end within {@link #WRITE_BOUND} (see {@link StoreWrites}).
     * Every write of the stores goes through here, autocommit statements included.
     */
    <R> R write(HandleCallback<R, RuntimeException> callback) {
        return writes.inTransaction(callback);
    }

    /** Like {@link #write(HandleCallback)}, bounded by {@code bound} instead (a write that grows with the store). */
    <R> R write(HandleCallback<R, RuntimeException> callback, Duration bound) {
        return writes.inTransaction(callback, bound);
    }

    /** Like {@link #write(HandleCallback)}, without a result. */
    void writeVoid(HandleConsumer<RuntimeException> consumer) {
        writes.inTransaction(h -> {
            consumer.useHandle(h);
            return null;
        });
    }

    /**
     * Why writes do not work right now (one has been in flight for more than 5 s, or the last one failed or
     * timed out), or empty while they do: the health check reports the store {@code degraded} meanwhile.
     */
    public Optional<String> writeProblem() {
        return writes.problem();
    }

    Dialect dialect() {
        return dialect;
    }

    /** The URL with any password masked. */
    @Override
    public String toString() {
        return display;
    }

    /**
     * Closes every connection; the stores built on this database stop working. An embedded store is then closed
     * too, and its next open skips the compaction that follows a crash (see {@link CrashedStore}).
     */
    @Override
    public void close() {
        pool.close();
        marker.ifPresent(CrashedStore::closed);
    }
}
