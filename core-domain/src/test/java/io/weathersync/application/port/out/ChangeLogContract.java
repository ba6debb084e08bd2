package io.weathersync.application.port.out;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.exactChanges;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a master's {@link ChangeLog}: dedup, seqs without holes, the compacted log's pages, and
 * (through {@link WeatherReadingsContract}) the read side. An adapter runs it by subclassing it.
 */
public abstract class ChangeLogContract extends WeatherReadingsContract {

    /** A fresh, empty store with a new stream, for one test. */
    protected abstract ChangeLog createChangeLog();

    /** The same store as a new process would see it; durable adapters reopen their database here. */
    protected ChangeLog reopen(ChangeLog log) {
        return log;
    }

    @Override
    protected final WeatherReadings holding(List<WeatherReading> readings) {
        ChangeLog log = createChangeLog();
        log.append(readings);
        return reopen(log);
    }

    private static List<Long> seqs(List<Change> changes) {
        return changes.stream().map(Change::seq).toList();
    }

    private static List<Change> all(ChangeLog log) {
        return log.changesAfter(0, 100_000).changes();
    }

    @Test
    void aNewLogHasAStreamHeadZeroAndNoChanges() {
        ChangeLog log = createChangeLog();

        ChangePage page = log.changesAfter(0, 10);

        assertThat(log.stream()).isNotNull();
        assertThat(log.head()).isZero();
        assertThat(page.stream()).isEqualTo(log.stream());
        assertThat(page.changes()).isEmpty();
        assertThat(page.head()).isZero();
        assertThat(page.completeThrough()).isZero();
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void twoNewLogsHaveDifferentStreams() {
        assertThat(createChangeLog().stream()).isNotEqualTo(createChangeLog().stream());
    }

    @Test
    void newReadingsGetTheNextSeqsInBatchOrder() {
        ChangeLog log = createChangeLog();
        List<WeatherReading> batch = List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2), reading("Oslo", 1, 3));

        List<Change> changes = log.append(batch);

        assertThat(seqs(changes)).containsExactly(1L, 2L, 3L);
        assertThat(changes).allSatisfy(change -> assertThat(change.stream()).isEqualTo(log.stream()));
        assertThat(changes.stream().map(c -> exact(c.reading())).toList())
                .containsExactlyElementsOf(batch.stream().map(r -> exact(r)).toList());
        assertThat(log.head()).isEqualTo(3);
    }

    @Test
    void anEmptyBatchChangesNothing() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1)));

        assertThat(log.append(List.of())).isEmpty();
        assertThat(log.head()).isEqualTo(1);
    }

    @Test
    void aReadingEqualToTheStoredOneIsNoChange() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));
        Digest before = log.digest();

        List<Change> changes = log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));

        assertThat(changes).isEmpty();
        assertThat(log.head()).isEqualTo(2);
        assertThat(log.digest()).isEqualTo(before);
    }

    @Test
    void aCorrectionIsAChangeWithTheNextSeqAndReplacesTheValue() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));

        List<Change> changes = log.append(List.of(reading("Oslo", 0, 1.25)));

        assertThat(exactChanges(changes)).containsExactly(exact(new Change(log.stream(), 3, reading("Oslo", 0, 1.25))));
        assertThat(log.head()).isEqualTo(3);
        assertThat(log.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 0, 1.25)));
        assertThat(log.digest().rows()).isEqualTo(2);
    }

    @Test
    void aCorrectionOfAnOptionalFieldAloneIsAChange() {
        ChangeLog log = createChangeLog();
        WeatherReading without = reading("Oslo", 0, 1);
        WeatherReading with = new WeatherReading(without.city(), without.observedAt(), 1, 50, 1000.0, null, null,
                null, null, "test");
        log.append(List.of(without));

        assertThat(seqs(log.append(List.of(with)))).containsExactly(2L);
        assertThat(seqs(log.append(List.of(without)))).containsExactly(3L);
    }

    @Test
    void aCityInAnotherCaseIsTheSameIdentityAndItsNewSpellingIsACorrection() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Beijing", 0, 20)));

        List<Change> respelt = log.append(List.of(reading("BEIJING", 0, 20)));
        List<Change> again = log.append(List.of(reading("BEIJING", 0, 20)));

        assertThat(seqs(respelt)).containsExactly(2L);
        assertThat(again).isEmpty();
        assertThat(log.digest().rows()).isEqualTo(1);
        assertThat(log.latest(new City("beijing")).orElseThrow().city().name()).isEqualTo("BEIJING");
        assertThat(exactChanges(all(log)))
                .containsExactly(exact(new Change(log.stream(), 2, reading("BEIJING", 0, 20))));
    }

    @Test
    void seqsStayContiguousAcrossBatchesWithUnchangedReadingsMixedIn() {
        ChangeLog log = createChangeLog();
        List<Long> seqs = new ArrayList<>();

        seqs.addAll(seqs(log.append(List.of(reading("A", 0, 1), reading("B", 0, 1)))));
        seqs.addAll(seqs(log.append(List.of(reading("A", 0, 1), reading("C", 0, 1), reading("B", 0, 1)))));
        seqs.addAll(seqs(log.append(List.of(reading("A", 0, 2), reading("A", 1, 1)))));
        seqs.addAll(seqs(log.append(List.of(reading("C", 0, 1)))));
        seqs.addAll(seqs(log.append(List.of(reading("B", 0, 5)))));

        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(log.head()).isEqualTo(6);
    }

    @Test
    void aBatchWithTheSameKeyTwiceKeepsTheLaterValueWithTheLaterSeq() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 5, 0)));

        List<Change> changes = log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2),
                reading("oslo", 0, 3)));

        assertThat(seqs(changes)).containsExactly(2L, 3L, 4L);
        assertThat(log.head()).isEqualTo(4);
        assertThat(exactChanges(log.changesAfter(1, 10).changes())).containsExactly(
                exact(new Change(log.stream(), 3, reading("Bergen", 0, 2))),
                exact(new Change(log.stream(), 4, reading("oslo", 0, 3))));
        assertThat(log.digest().rows()).isEqualTo(3);
    }

    @Test
    void aBatchWithTheSameReadingTwiceIsOneChange() {
        ChangeLog log = createChangeLog();

        List<Change> changes = log.append(List.of(reading("Oslo", 0, 1), reading("Oslo", 0, 1)));

        assertThat(seqs(changes)).containsExactly(1L);
        assertThat(log.head()).isEqualTo(1);
    }

    @Test
    void streamAndDataSurviveAReopen() {
        ChangeLog log = createChangeLog();
        StreamId stream = log.stream();
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));
        log.append(List.of(reading("Oslo", 0, 3)));
        Digest before = log.digest();

        ChangeLog reopened = reopen(log);

        assertThat(reopened.stream()).isEqualTo(stream);
        assertThat(reopened.head()).isEqualTo(3);
        assertThat(reopened.digest()).isEqualTo(before);
        assertThat(seqs(reopened.changesAfter(0, 10).changes())).containsExactly(2L, 3L);
    }

    @Test
    void appendingAfterAReopenContinuesFromTheHeadAndStillDedups() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));

        ChangeLog reopened = reopen(log);

        assertThat(reopened.append(List.of(reading("Oslo", 0, 1)))).isEmpty();
        assertThat(seqs(reopened.append(List.of(reading("Oslo", 1, 1), reading("Bergen", 0, 9)))))
                .containsExactly(3L, 4L);
        assertThat(reopened.head()).isEqualTo(4);
    }

    @Test
    void changesAfterReturnsAtMostTheLimitByRisingSeqAndSaysItIsNotTheLast() {
        ChangeLog log = createChangeLog();
        for (int i = 0; i < 10; i++) {
            log.append(List.of(reading("Oslo", i, i)));
        }

        ChangePage page = log.changesAfter(2, 3);

        assertThat(seqs(page.changes())).containsExactly(3L, 4L, 5L);
        assertThat(page.stream()).isEqualTo(log.stream());
        assertThat(page.head()).isEqualTo(10);
        assertThat(page.completeThrough()).isEqualTo(5);
        assertThat(page.isLast()).isFalse();
        assertThat(exact(page.changes().getFirst().reading())).isEqualTo(exact(reading("Oslo", 2, 2)));
    }

    @Test
    void aPageReachingTheHeadIsTheLastAndCompleteThroughTheHead() {
        ChangeLog log = createChangeLog();
        for (int i = 0; i < 5; i++) {
            log.append(List.of(reading("Oslo", i, i)));
        }

        ChangePage exactlyFull = log.changesAfter(2, 3);
        ChangePage roomy = log.changesAfter(2, 100);

        assertThat(seqs(exactlyFull.changes())).containsExactly(3L, 4L, 5L);
        assertThat(exactlyFull.completeThrough()).isEqualTo(5);
        assertThat(exactlyFull.isLast()).isTrue();
        assertThat(seqs(roomy.changes())).containsExactly(3L, 4L, 5L);
        assertThat(roomy.isLast()).isTrue();
    }

    @Test
    void changesAfterTheHeadAreAnEmptyLastPage() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Oslo", 1, 1)));

        ChangePage page = log.changesAfter(2, 10);

        assertThat(page.changes()).isEmpty();
        assertThat(page.head()).isEqualTo(2);
        assertThat(page.completeThrough()).isEqualTo(2);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void aCorrectedReadingAppearsOnceWithItsNewestSeq() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("A", 0, 1), reading("B", 0, 1), reading("C", 0, 1)));
        log.append(List.of(reading("B", 0, 2)));
        log.append(List.of(reading("B", 0, 3)));

        ChangePage page = log.changesAfter(0, 10);

        assertThat(exactChanges(page.changes())).containsExactly(
                exact(new Change(log.stream(), 1, reading("A", 0, 1))),
                exact(new Change(log.stream(), 3, reading("C", 0, 1))),
                exact(new Change(log.stream(), 5, reading("B", 0, 3))));
        assertThat(page.completeThrough()).isEqualTo(5);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void aPageEndingBeforeCompactedSeqsIsCompleteThroughItsLastChange() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("A", 0, 1), reading("B", 0, 1), reading("C", 0, 1), reading("D", 0, 1)));
        log.append(List.of(reading("B", 0, 2), reading("D", 0, 2)));

        ChangePage first = log.changesAfter(0, 2);
        ChangePage second = log.changesAfter(first.completeThrough(), 2);

        assertThat(seqs(first.changes())).containsExactly(1L, 3L);
        assertThat(first.completeThrough()).isEqualTo(3);
        assertThat(first.isLast()).isFalse();
        assertThat(seqs(second.changes())).containsExactly(5L, 6L);
        assertThat(second.completeThrough()).isEqualTo(6);
        assertThat(second.isLast()).isTrue();
    }

    @Test
    void changesAfterASupersededSeqReturnOnlyTheNewerChange() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("A", 0, 1), reading("B", 0, 1)));
        log.append(List.of(reading("B", 0, 2)));

        ChangePage page = log.changesAfter(1, 10);

        assertThat(seqs(page.changes())).containsExactly(3L);
        assertThat(page.completeThrough()).isEqualTo(3);
    }

    @Test
    void pagingThroughTheLogVisitsEveryCurrentReadingOnceAndReachesTheHead() {
        ChangeLog log = createChangeLog();
        for (int batch = 0; batch < 20; batch++) {
            List<WeatherReading> readings = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                readings.add(reading("City " + (batch * 7 + i) % 11, (batch * 7 + i) % 13, batch));
            }
            log.append(readings);
        }

        List<Change> visited = new ArrayList<>();
        long after = 0;
        int pages = 0;
        ChangePage page;
        do {
            page = log.changesAfter(after, 4);
            visited.addAll(page.changes());
            assertThat(page.completeThrough()).isGreaterThanOrEqualTo(after);
            after = page.completeThrough();
            pages++;
        } while (!page.isLast() && pages < 1000);

        assertThat(after).isEqualTo(log.head());
        assertThat(exactChanges(visited)).containsExactlyElementsOf(exactChanges(all(log)));
        assertThat(visited.stream().map(c -> c.reading().key()).distinct().count())
                .isEqualTo(visited.size()).isEqualTo(log.digest().rows());
    }

    @Test
    void digestNamesTheStreamAndTheHead() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("A", 0, 1), reading("B", 0, 1)));
        log.append(List.of(reading("A", 0, 2)));

        Digest digest = log.digest();

        assertThat(digest.stream()).isEqualTo(log.stream());
        assertThat(digest.appliedSeq()).isEqualTo(3);
        assertThat(digest.rows()).isEqualTo(2);
    }

    @Test
    void concurrentAppendsGetDistinctContiguousSeqs() throws Exception {
        ChangeLog log = createChangeLog();
        int threads = 3;
        int batches = 10;
        int perBatch = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Change>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String city = "Thread " + t;
                Callable<List<Change>> writer = () -> {
                    List<Change> mine = new ArrayList<>();
                    for (int b = 0; b < batches; b++) {
                        List<WeatherReading> readings = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            readings.add(reading(city, b * perBatch + i, i));
                        }
                        mine.addAll(log.append(readings));
                    }
                    return mine;
                };
                results.add(pool.submit(writer));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<List<Change>> result : results) {
                List<Change> mine = result.get();
                assertThat(seqs(mine)).isSorted();
                seqs.addAll(seqs(mine));
            }
            long total = (long) threads * batches * perBatch;
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(log.head()).isEqualTo(total);
            assertThat(seqs(all(log))).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
