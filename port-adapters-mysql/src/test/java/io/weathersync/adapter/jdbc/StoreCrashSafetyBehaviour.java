package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.StoreUnavailableException;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the stores do after a crash and while a write cannot complete (issue 14): the start-up self-check on a
 * deliberately damaged store, and a write stuck on a lock failing within its bound while the store reports it.
 * Subclasses choose the database.
 */
abstract class StoreCrashSafetyBehaviour {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    abstract TestDatabases databases();

    /** Held here: java.util.logging keeps loggers only weakly, and a new one would lack the handler. */
    private final List<Logger> loggers = List.of(Logger.getLogger(LogSelfCheck.class.getName()),
            Logger.getLogger(ReplicaSelfCheck.class.getName()), Logger.getLogger(StoreWrites.class.getName()));

    @BeforeEach
    void captureWarnings() {
        loggers.forEach(logger -> logger.addHandler(capture));
    }

    @AfterEach
    void stopCapturing() {
        loggers.forEach(logger -> logger.removeHandler(capture));
    }

    private static long one(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void rowsAboveTheHeadAreDiscardedAtStartWithOneLine() {
        Database database = databases().fresh();
        JdbiChangeLog log = new JdbiChangeLog(database);
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2), reading("Oslo", 1, 3)));
        var digest = log.digest();
        // What a crash in the middle of the next batch's commit can leave: its rows, not its head.
        database.jdbi().useHandle(h -> {
            h.execute("INSERT INTO log_readings (city_key, observed_at, city_name, temperature, humidity, source_name,"
                    + " seq) SELECT city_key, observed_at + 3600000, city_name, 9, humidity, source_name, seq + 3"
                    + " FROM log_readings");
            h.execute("UPDATE log_cities SET observed_at = observed_at + 3600000");
        });

        Database reopened = databases().reopen(database);
        JdbiChangeLog again = new JdbiChangeLog(reopened);

        assertThat(again.head()).isEqualTo(3);
        assertThat(one(reopened, "SELECT COUNT(*) FROM log_readings")).isEqualTo(3);
        assertThat(again.digest()).isEqualTo(digest);
        assertThat(again.latestAll()).hasSize(2);
        assertThat(warnings).singleElement().asString().startsWith(LogSelfCheck.REPAIRED)
                .contains("discarded 3 rows with seqs 4–6 above the head 3");
        assertThat(again.append(List.of(reading("Rome", 0, 1))).getFirst().seq()).isEqualTo(4);
    }

    @Test
    void aHeadAboveTheNewestRowRefusesTheStartNamingTheProblem() {
        Database database = databases().fresh();
        new JdbiChangeLog(database).append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));
        database.jdbi().useHandle(h -> h.execute("UPDATE log_meta SET head = 7"));

        Database reopened = databases().reopen(database);

        assertThatThrownBy(() -> new JdbiChangeLog(reopened)).isInstanceOf(IllegalStateException.class)
                .hasMessage("store self-check: the log's head is seq 7 but its newest row has seq 2: committed changes"
                        + " are missing and slaves may hold seqs this store would hand out again; restore the store"
                        + " from a backup");
    }

    @Test
    void replicaRowsAboveTheAppliedSeqAreDiscardedAtStart() {
        StreamId stream = StreamId.random();
        Database database = databases().fresh();
        JdbiReplica replica = new JdbiReplica(database);
        replica.beginResync(stream);
        replica.finishResync();
        replica.apply(stream, List.of(new Change(stream, 1, reading("Oslo", 0, 1))), 1);
        var digest = replica.digest();
        database.jdbi().useHandle(h -> h.execute("INSERT INTO replica_readings (generation, city_key, observed_at,"
                + " city_name, temperature, humidity, source_name, seq) SELECT generation, city_key, observed_at + 3600000,"
                + " city_name, 9, humidity, source_name, 2 FROM replica_readings"));

        JdbiReplica again = new JdbiReplica(databases().reopen(database));

        assertThat(again.digest()).isEqualTo(digest);
        assertThat(warnings).singleElement().asString().startsWith(LogSelfCheck.REPAIRED)
                .contains("discarded 1 rows above the applied seq 1");
    }

    @Test
    void aWriteStuckOnALockFailsWithinItsBoundAndTheStoreSaysSoUntilAWriteSucceeds() throws Exception {
        Duration bound = Duration.ofSeconds(2);
        Database database = Database.open(lockWaitsLongerThan(bound), databases().user(), databases().password(), bound);
        try {
            JdbiChangeLog log = new JdbiChangeLog(database);
            log.append(List.of(reading("Oslo", 0, 1)));
            try (Handle holder = database.jdbi().open()) {
                holder.begin();
                holder.createQuery("SELECT head FROM log_meta WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
                try {

                long start = System.nanoTime();
                assertThatThrownBy(() -> log.append(List.of(reading("Oslo", 1, 2))))
                        .isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("did not end within 2 s");
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(took).isBetween(bound, bound.plusSeconds(2));
                assertThat(database.writeProblem()).get().asString().contains("did not end within 2 s");
                } finally {
                    holder.rollback();
                }
            }
            // The abandoned write goes on once the lock is free; the next one succeeds and clears the problem.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (database.writeProblem().isPresent() && System.nanoTime() < deadline) {
                try {
                    log.append(List.of(reading("Bergen", (System.nanoTime() / 1_000_000) % 100_000, 3)));
                } catch (StoreUnavailableException e) {
                    Thread.sleep(200);
                }
            }
            assertThat(database.writeProblem()).isEmpty();
        } finally {
            database.close();
        }
    }

    /** A fresh store's URL whose lock waits outlast {@code bound}, so that the bound is what ends the wait. */
    abstract String lockWaitsLongerThan(Duration bound);
}
