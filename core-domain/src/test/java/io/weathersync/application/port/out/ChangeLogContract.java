package io.weathersync.application.port.out;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.ReadingRange;
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

import static io.weathersync.testing.TestReadings.at;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.exactChanges;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a master's {@link ChangeLog}: dedup, seqs without holes, the compacted log's pages (of all of
 * it, or of the readings in a range), and (through {@link WeatherReadingsContract}) the read side. An adapter
 * runs it by subclassing it.
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

    private static List<Change> inRange(ChangeLog log, ReadingRange range) {
        return all(log).stream().filter(change -> range.contains(change.reading())).toList();
    }

    @Test
    void changesInReturnsTheCurrentChangeOfEachReadingInTheRangeBySeq() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Oslo", 10, 1), reading("Bergen", 10, 1)));
        log.append(List.of(reading("Oslo", 20, 1), reading("Oslo", 30, 1)));
        log.append(List.of(reading("Oslo", 10, 2)));

        ChangePage page = log.changesIn(new ReadingRange(new City("Oslo"), at(10), at(30)), 0, 10);

        assertThat(exactChanges(page.changes())).containsExactly(
                exact(new Change(log.stream(), 4, reading("Oslo", 20, 1))),
                exact(new Change(log.stream(), 6, reading("Oslo", 10, 2))));
        assertThat(page.stream()).isEqualTo(log.stream());
        assertThat(page.head()).isEqualTo(6);
        assertThat(page.completeThrough()).isEqualTo(6);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void changesInMatchesTheCityWhateverTheCaseOfEitherSpelling() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1), reading("SÃO PAULO", 0, 1)));

        ChangePage upper = log.changesIn(new ReadingRange(new City("OSLO"), at(0), at(1)), 0, 10);
        ChangePage lower = log.changesIn(new ReadingRange(new City("são paulo"), at(0), at(1)), 0, 10);

        assertThat(exactChanges(upper.changes())).containsExactly(
                exact(new Change(log.stream(), 1, reading("Oslo", 0, 1))));
        assertThat(exactChanges(lower.changes())).containsExactly(
                exact(new Change(log.stream(), 3, reading("SÃO PAULO", 0, 1))));
    }

    @Test
    void changesInIncludesTheStartAndExcludesTheEndToTheMillisecond() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", at(10).minusMillis(1), 1), reading("Oslo", at(10), 2),
                reading("Oslo", at(20).minusMillis(1), 3), reading("Oslo", at(20), 4)));

        ChangePage page = log.changesIn(new ReadingRange(new City("Oslo"), at(10), at(20)), 0, 10);

        assertThat(exactChanges(page.changes())).containsExactly(
                exact(new Change(log.stream(), 2, reading("Oslo", at(10), 2))),
                exact(new Change(log.stream(), 3, reading("Oslo", at(20).minusMillis(1), 3))));
        assertThat(page.completeThrough()).isEqualTo(4);
    }

    @Test
    void aRangeWithoutACityCoversEveryCity() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 5, 1), reading("Rome", 9, 1),
                reading("Oslo", 60, 1), reading("Lima", -1, 1)));

        ChangePage page = log.changesIn(new ReadingRange(null, at(0), at(10)), 0, 10);
        ChangePage everything = log.changesIn(ReadingRange.ALL, 0, 10);

        assertThat(seqs(page.changes())).containsExactly(1L, 2L, 3L);
        assertThat(page.completeThrough()).isEqualTo(5);
        assertThat(exactChanges(everything.changes())).containsExactlyElementsOf(exactChanges(all(log)));
        assertThat(everything.isLast()).isTrue();
    }

    @Test
    void changesInStartsAfterTheGivenSeq() {
        ChangeLog log = createChangeLog();
        for (int i = 0; i < 6; i++) {
            log.append(List.of(reading("Oslo", i, i), reading("Bergen", i, i)));
        }

        ChangePage page = log.changesIn(new ReadingRange(new City("Oslo"), at(0), at(100)), 5, 10);

        assertThat(seqs(page.changes())).containsExactly(7L, 9L, 11L);
        assertThat(page.completeThrough()).isEqualTo(12);
    }

    @Test
    void aFullRangePageWithMoreToFollowIsCompleteThroughItsLastChangeAndTheLastPageThroughTheHead() {
        ChangeLog log = createChangeLog();
        for (int i = 0; i < 5; i++) {
            log.append(List.of(reading("Oslo", i, i), reading("Bergen", i, i)));
        }
        ReadingRange oslo = new ReadingRange(new City("Oslo"), at(0), at(100));

        ChangePage first = log.changesIn(oslo, 0, 2);
        ChangePage second = log.changesIn(oslo, first.completeThrough(), 2);
        ChangePage third = log.changesIn(oslo, second.completeThrough(), 2);

        assertThat(seqs(first.changes())).containsExactly(1L, 3L);
        assertThat(first.completeThrough()).isEqualTo(3);
        assertThat(first.isLast()).isFalse();
        assertThat(seqs(second.changes())).containsExactly(5L, 7L);
        assertThat(second.completeThrough()).isEqualTo(7);
        assertThat(second.isLast()).isFalse();
        assertThat(seqs(third.changes())).containsExactly(9L);
        assertThat(third.completeThrough()).isEqualTo(10);
        assertThat(third.isLast()).isTrue();
    }

    @Test
    void aRangePageExactlyFullWithNothingMoreInTheRangeIsTheLast() {
        ChangeLog log = createChangeLog();
        log.append(List.of(reading("Oslo", 0, 1), reading("Oslo", 1, 1), reading("Bergen", 0, 1),
                reading("Bergen", 1, 1)));

        ChangePage page = log.changesIn(new ReadingRange(new City("Oslo"), at(0), at(100)), 0, 2);

        assertThat(seqs(page.changes())).containsExactly(1L, 2L);
        assertThat(page.completeThrough()).isEqualTo(4);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void anEmptyRangeIsAnEmptyLastPageCompleteThroughTheHead() {
        ChangeLog log = createChangeLog();
        ChangePage ofNewLog = log.changesIn(ReadingRange.ALL, 0, 10);
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));

        ChangePage otherCity = log.changesIn(new ReadingRange(new City("Rome"), at(0), at(100)), 0, 10);
        ChangePage otherPeriod = log.changesIn(new ReadingRange(null, at(1), at(100)), 0, 10);
        ChangePage afterTheHead = log.changesIn(ReadingRange.ALL, 2, 10);

        assertThat(ofNewLog.changes()).isEmpty();
        assertThat(ofNewLog.completeThrough()).isZero();
        assertThat(ofNewLog.isLast()).isTrue();
        for (ChangePage page : List.of(otherCity, otherPeriod, afterTheHead)) {
            assertThat(page.changes()).isEmpty();
            assertThat(page.head()).isEqualTo(2);
            assertThat(page.completeThrough()).isEqualTo(2);
            assertThat(page.isLast()).isTrue();
        }
    }

    @Test
    void pagingThroughARangeVisitsEachCurrentReadingInItOnceEvenAfterAReopen() {
        ChangeLog log = createChangeLog();
        for (int batch = 0; batch < 15; batch++) {
            List<WeatherReading> readings = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                int n = batch * 7 + i;
                readings.add(reading(n % 3 == 0 ? "OSLO" : n % 3 == 1 ? "oslo" : "City " + n % 5, n % 13, batch));
            }
            log.append(readings);
        }
        ChangeLog reopened = reopen(log);

        for (ReadingRange range : List.of(new ReadingRange(new City("Oslo"), at(2), at(9)),
                new ReadingRange(null, at(4), at(6)), ReadingRange.ALL)) {
            List<Change> visited = new ArrayList<>();
            long after = 0;
            int pages = 0;
            ChangePage page;
            do {
                page = reopened.changesIn(range, after, 3);
                visited.addAll(page.changes());
                assertThat(page.completeThrough()).isGreaterThanOrEqualTo(after);
                after = page.completeThrough();
                pages++;
            } while (!page.isLast() && pages < 1000);

            assertThat(after).as("%s", range).isEqualTo(reopened.head());
            assertThat(exactChanges(visited)).as("%s", range)
                    .isNotEmpty().containsExactlyElementsOf(exactChanges(inRange(reopened, range)));
        }
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
