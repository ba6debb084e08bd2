package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** The remembered newest readings never hide a write of the store, however the read and the write interleave. */
class LatestReadingsTest {

    private static final City OSLO = new City("Oslo");
    private static final WeatherReading OLD = reading("Oslo", 0, 1);
    private static final WeatherReading NEW = reading("Oslo", 1, 2);

    @TempDir
    Path directory;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:file:" + directory.resolve("store").toAbsolutePath(), "sa", "");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Optional<WeatherReading> counted(AtomicInteger reads, WeatherReading answer) {
        reads.incrementAndGet();
        return Optional.of(answer);
    }

    @Test
    void theLogsLatestShowsEveryAppendIncludingACorrectionOfTheSameObservation() {
        ChangeLog log = new JdbiChangeLog(database);
        log.append(List.of(OLD));
        assertThat(log.latest(OSLO)).contains(OLD);

        log.append(List.of(NEW));
        assertThat(log.latest(OSLO)).contains(NEW);

        WeatherReading corrected = reading("Oslo", 1, 3);
        log.append(List.of(corrected));
        assertThat(log.latest(OSLO)).contains(corrected);
    }

    @Test
    void aReplicaSwitchingGenerationsServesTheNewGenerationsReadings() {
        Replica replica = new JdbiReplica(database);
        StreamId first = new StreamId("first");
        StreamId second = new StreamId("second");
        replica.beginResync(first);
        replica.apply(first, List.of(new Change(first, 1, NEW)), 1);
        replica.finishResync();
        assertThat(replica.latest(OSLO)).contains(NEW);

        replica.beginResync(second);
        replica.apply(second, List.of(new Change(second, 1, OLD)), 1);
        assertThat(replica.latest(OSLO)).as("the old generation is served until the switch").contains(NEW);

        replica.finishResync();
        assertThat(replica.latest(OSLO)).contains(OLD);
    }

    @Test
    void anAnswerIsRememberedWhenNoWriteOverlapsItsRead() {
        LatestReadings latest = new LatestReadings();
        AtomicInteger reads = new AtomicInteger();

        latest.get(OSLO, () -> counted(reads, OLD));
        Optional<WeatherReading> again = latest.get(OSLO, () -> counted(reads, NEW));

        assertThat(again).contains(OLD);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadThatAWriteOverlappedIsNotRemembered() {
        LatestReadings latest = new LatestReadings();
        AtomicInteger reads = new AtomicInteger();
        Handle write = database.jdbi().open();
        latest.forgetWhenDone(write, Set.of(OSLO.key()));

        Optional<WeatherReading> during = latest.get(OSLO, () -> {
            write.close();  // the write commits while this read is under way: its answer may predate it
            return counted(reads, OLD);
        });
        Optional<WeatherReading> after = latest.get(OSLO, () -> counted(reads, NEW));

        assertThat(during).contains(OLD);
        assertThat(after).contains(NEW);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aWriteForgetsItsCitiesWhenItsHandleIsDoneEvenIfItRolledBack() {
        LatestReadings latest = new LatestReadings();
        AtomicInteger reads = new AtomicInteger();
        latest.get(OSLO, () -> counted(reads, OLD));
        latest.get(new City("Rome"), () -> counted(reads, reading("Rome", 0, 1)));

        try (Handle write = database.jdbi().open()) {
            write.begin();
            latest.forgetWhenDone(write, Set.of(OSLO.key()));
            assertThat(latest.get(OSLO, () -> counted(reads, NEW))).as("not done yet").contains(OLD);
            write.rollback();
        }

        assertThat(latest.get(OSLO, () -> counted(reads, NEW))).contains(NEW);
        assertThat(latest.get(new City("Rome"), () -> counted(reads, NEW))).contains(reading("Rome", 0, 1));
        assertThat(reads).hasValue(3);
    }

    @Test
    void unknownCitiesAreNotRemembered() {
        LatestReadings latest = new LatestReadings();
        AtomicInteger reads = new AtomicInteger();

        latest.get(OSLO, () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertThat(latest.get(OSLO, () -> counted(reads, NEW))).contains(NEW);
        assertThat(reads).hasValue(2);
    }
}
