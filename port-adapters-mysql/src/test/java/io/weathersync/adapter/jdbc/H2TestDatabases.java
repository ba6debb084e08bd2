package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** H2 files under a temporary directory, deleted after the class. */
final class H2TestDatabases extends TestDatabases {

    private final AtomicInteger counter = new AtomicInteger();
    private Path directory;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("ws-h2-");
    }

    @Override
    String freshUrl() {
        return "jdbc:h2:file:" + directory.resolve("store-" + counter.incrementAndGet()).toAbsolutePath();
    }

    @Override
    void failInsertsOfFailtown(Database database, String table) {
        database.jdbi().useHandle(h -> h.execute("CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table
                + " FOR EACH ROW CALL '" + FailtownTrigger.class.getName() + "'"));
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        super.afterAll(context);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
