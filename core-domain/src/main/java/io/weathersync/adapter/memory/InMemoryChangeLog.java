package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.ChangePlanner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A master's change log in memory, for embedders and tests; lost when the process ends. */
public final class InMemoryChangeLog implements ChangeLog {

    private final StreamId stream;
    private final ReadingTable table = new ReadingTable();
    private long head;

    /** A new, empty log with a new stream id. */
    public InMemoryChangeLog() {
        this(StreamId.random());
    }

    /** A new, empty log of {@code stream}. */
    public InMemoryChangeLog(StreamId stream) {
        this.stream = stream;
    }

    @Override
    public StreamId stream() {
        return stream;
    }

    @Override
    public synchronized long head() {
        return head;
    }

    @Override
    public synchronized List<Change> append(List<WeatherReading> readings) {
        Map<ReadingKey, WeatherReading> stored = new HashMap<>();
        for (WeatherReading reading : readings) {
            WeatherReading existing = table.get(reading.key());
            if (existing != null) {
                stored.put(reading.key(), existing);
            }
        }
        List<Change> changes = ChangePlanner.plan(stream, head, readings, stored);
        for (Change change : changes) {
            table.upsert(change.reading(), change.seq());
        }
        if (!changes.isEmpty()) {
            head = changes.getLast().seq();
        }
        return changes;
    }

    @Override
    public synchronized ChangePage changesAfter(long after, int limit) {
        List<Change> changes = table.changesAfter(stream, after, limit);
        long through = changes.isEmpty() || !table.hasSeqAfter(changes.getLast().seq())
                ? head
                : changes.getLast().seq();
        return new ChangePage(stream, head, changes, through);
    }

    @Override
    public synchronized ChangePage changesIn(ReadingRange range, long after, int limit) {
        boolean[] more = new boolean[1];
        List<Change> changes = table.changesIn(stream, range, after, limit, more);
        return new ChangePage(stream, head, changes, more[0] ? changes.getLast().seq() : head);
    }

    @Override
    public synchronized Optional<WeatherReading> latest(City city) {
        return table.latest(city);
    }

    @Override
    public synchronized List<WeatherReading> latestAll() {
        return table.latestAll();
    }

    @Override
    public synchronized HistoryPage history(HistoryQuery query) {
        return table.history(query);
    }

    @Override
    public synchronized Digest digest() {
        return table.digest(stream, head);
    }
}
