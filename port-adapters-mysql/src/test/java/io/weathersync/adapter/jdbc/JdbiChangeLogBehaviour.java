package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.DigestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static io.weathersync.testing.TestReadings.at;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.exactReadings;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the relational change log must do beyond the core's contract; subclasses choose the database. */
abstract class JdbiChangeLogBehaviour {

    abstract TestDatabases databases();

    private static long count(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void appendersOnTwoPoolsWritingTheSameKeysGetContiguousSeqsAndTheLastChangeWins() throws Exception {
        Database one = databases().fresh();
        Database two = databases().open(databases().urlOf(one));
        List<ChangeLog> logs = List.of(new JdbiChangeLog(one), new JdbiChangeLog(two));
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<List<Change>>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                ChangeLog log = logs.get(t % 2);
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<List<Change>> appended = new ArrayList<>();
                    for (int b = 0; b < 15; b++) {
                        List<WeatherReading> batch = new ArrayList<>();
                        for (int i = 0; i < 5; i++) {
                            batch.add(reading("Shared " + i, b % 3, thread * 10 + b));
                            batch.add(reading("Own " + thread, b * 5 + i, i));
                        }
                        appended.add(log.append(batch));
                    }
                    return appended;
                }));
            }
            start.countDown();
            List<Change> all = new ArrayList<>();
            for (Future<List<List<Change>>> result : results) {
                for (List<Change> batch : result.get()) {
                    List<Long> seqs = batch.stream().map(Change::seq).toList();
                    assertThat(seqs).as("one append's seqs").containsExactlyElementsOf(
                            LongStream.range(0, seqs.size()).map(i -> seqs.getFirst() + i).boxed().toList());
                    all.addAll(batch);
                }
            }
            long head = logs.getFirst().head();
            assertThat(all.stream().map(Change::seq).sorted().toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, head).boxed().toList());
            Map<ReadingKey, WeatherReading> lastByKey = new HashMap<>();
            all.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                    .forEach(change -> lastByKey.put(change.reading().key(), change.reading()));
            List<Change> stored = logs.get(1).changesAfter(0, 100_000).changes();
            assertThat(stored).hasSize(lastByKey.size());
            assertThat(stored).allSatisfy(change ->
                    assertThat(exact(change.reading())).isEqualTo(exact(lastByKey.get(change.reading().key()))));
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "failing insert into {0}")
    @ValueSource(strings = {"log_readings", "log_cities"})
    void aBatchThatFailsHalfWayLeavesNoRowAndTheHeadUnchanged(String failingTable) {
        Database database = databases().fresh();
        ChangeLog log = new JdbiChangeLog(database);
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));
        Digest before = log.digest();
        databases().failInsertsOfFailtown(database, failingTable);

        assertThatThrownBy(() -> log.append(List.of(reading("Rome", 0, 3), reading("Oslo", 0, 9),
                reading("Failtown", 0, 4), reading("Lima", 0, 5))))
                .hasStackTraceContaining("injected failure");

        assertThat(log.head()).isEqualTo(2);
        assertThat(log.digest()).isEqualTo(before);
        assertThat(count(database, "SELECT COUNT(*) FROM log_readings")).isEqualTo(2);
        assertThat(count(database, "SELECT COUNT(*) FROM log_cities")).isEqualTo(2);
        assertThat(log.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 0, 1)));
        assertThat(log.append(List.of(reading("Rome", 0, 3))).getFirst().seq()).isEqualTo(3);
    }

    @Test
    void aBatchOfTenThousandReadingsIsOneAppendAndARepeatOfItIsNoChange() {
        ChangeLog log = new JdbiChangeLog(databases().fresh());
        List<WeatherReading> batch = new ArrayList<>();
        for (int city = 0; city < 100; city++) {
            for (int minute = 0; minute < 100; minute++) {
                batch.add(reading("City " + city, minute, (city + minute) % 40));
            }
        }

        List<Change> first = log.append(batch);
        List<Change> repeat = log.append(batch);
        List<WeatherReading> oneCorrected = new ArrayList<>(batch);
        oneCorrected.set(5_000, reading("City 50", 0, 39.5));
        List<Change> correction = log.append(oneCorrected);

        assertThat(first).hasSize(10_000);
        assertThat(first.getLast().seq()).isEqualTo(10_000);
        assertThat(repeat).isEmpty();
        assertThat(correction).extracting(Change::seq).containsExactly(10_001L);
        assertThat(log.digest().rows()).isEqualTo(10_000);
        assertThat(log.latestAll()).hasSize(100);
    }

    @Test
    void theDigestOfManyRowsEqualsTheReferenceDigest() {
        ChangeLog log = new JdbiChangeLog(databases().fresh());
        DigestBuilder reference = new DigestBuilder();
        for (int part = 0; part < 2; part++) {
            List<WeatherReading> batch = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                batch.add(reading("Town " + (i % 250) + "-" + part, i / 250, i % 60 - 20));
            }
            batch.forEach(reference::add);
            log.append(batch);
        }

        Digest digest = log.digest();

        assertThat(digest).isEqualTo(reference.build(log.stream(), 20_000));
    }

    @Test
    void negativeZeroIsStoredAsZeroSoARepollIsNoCorrection() {
        Database database = databases().fresh();
        ChangeLog log = new JdbiChangeLog(database);
        WeatherReading polled = new WeatherReading(new City("Oslo"), at(0), -0.0, -0.0, null, -0.0, -0.0, -0.0, 0,
                "test");

        assertThat(log.append(List.of(polled))).hasSize(1);
        ChangeLog reopened = new JdbiChangeLog(databases().reopen(database));

        assertThat(reopened.append(List.of(polled))).isEmpty();
        assertThat(reopened.latest(new City("oslo")).map(r -> exact(r))).contains(exact(polled));
    }

    @Test
    void namesThatDifferOnlyByAccentsAreDifferentCitiesAndAnyScriptRoundTrips() {
        ChangeLog log = new JdbiChangeLog(databases().fresh());
        List<WeatherReading> readings = List.of(reading("Zürich", 0, 1), reading("Zurich", 0, 2),
                reading("İstanbul", 0, 3), reading("𝓛𝓸𝓷𝓭𝓸𝓷 🌧", 0, 4), reading("東京", 0, 5));

        log.append(readings);
        List<Change> corrected = log.append(List.of(reading("ZÜRICH", 0, 1)));

        assertThat(corrected).hasSize(1);
        assertThat(exactReadings(log.latestAll())).containsExactlyInAnyOrder(exact(reading("ZÜRICH", 0, 1)),
                exact(readings.get(1)), exact(readings.get(2)), exact(readings.get(3)), exact(readings.get(4)));
        assertThat(log.latest(new City("zurich")).map(r -> exact(r))).contains(exact(readings.get(1)));
    }

    @Test
    void aRangeOfACityDoesNotMatchACityThatDiffersOnlyByAccents() {
        ChangeLog log = new JdbiChangeLog(databases().fresh());
        log.append(List.of(reading("Zürich", 0, 1), reading("Zurich", 0, 2), reading("ZURICH", 1, 3)));

        ChangePage page = log.changesIn(new ReadingRange(new City("zurich"), at(0), at(10)), 0, 10);

        assertThat(page.changes()).extracting(change -> exact(change.reading()))
                .containsExactly(exact(reading("Zurich", 0, 2)), exact(reading("ZURICH", 1, 3)));
    }

    @Test
    void changesInRejectsANegativeStartOrAnEmptyPageNamingTheArgument() {
        ChangeLog log = new JdbiChangeLog(databases().fresh());

        assertThatThrownBy(() -> log.changesIn(ReadingRange.ALL, -1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("after: must not be negative, was -1");
        assertThatThrownBy(() -> log.changesIn(ReadingRange.ALL, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit: must be at least 1, was 0");
        assertThatThrownBy(() -> log.changesIn(null, 0, 10))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("range: must not be null");
    }
}
