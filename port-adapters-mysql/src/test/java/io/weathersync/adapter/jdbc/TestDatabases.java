package io.weathersync.adapter.jdbc;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real databases for one test class: opens fresh stores, reopens them as a new process would, and closes and
 * deletes everything afterwards. Registered as a static {@code @RegisterExtension} field.
 */
abstract class TestDatabases implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final List<Database> open = new ArrayList<>();
    private final Map<Database, String> urls = new ConcurrentHashMap<>();

    /** Embedded H2 files in a temporary directory, a new file per store. */
    static TestDatabases h2() {
        return new H2TestDatabases();
    }

    /** One MariaDB database per test class over {@code WS_TEST_MYSQL_URL}, emptied for each new store. */
    static TestDatabases mariaDb() {
        return new MariaDbTestDatabases();
    }

    /** Migrates the store at {@code url} only up to schema {@code version}, as an older release left it. */
    static void migrateOnlyTo(String url, String user, String password, String version) {
        Flyway.configure()
                .dataSource(JdbcUrl.parse(url).url(), user, password)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    /** The URL of a new, empty store. */
    abstract String freshUrl();

    /** Makes inserts into {@code table} of rows whose city key is {@code failtown} fail, inside the database. */
    abstract void failInsertsOfFailtown(Database database, String table);

    /** The database user for {@link Database#open}. */
    abstract String user();

    /** The password for {@link Database#open}. */
    abstract String password();

    /** A new, empty, migrated store. */
    final Database fresh() {
        return open(freshUrl());
    }

    /** Opens {@code url} (again), tracked so that it is closed after the test. */
    final synchronized Database open(String url) {
        Database database = Database.open(url, user(), password());
        open.add(database);
        urls.put(database, url);
        return database;
    }

    /** Closes {@code database} and opens its store anew, as a restarted process would. */
    final Database reopen(Database database) {
        String url = urls.get(database);
        database.close();
        return open(url);
    }

    /** The URL {@code database} was opened with. */
    final String urlOf(Database database) {
        return urls.get(database);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        open.forEach(Database::close);
        open.clear();
        urls.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        afterEach(context);
    }
}
