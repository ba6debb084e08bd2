package io.weathersync.adapter.memory;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.DigestBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Readings by city and time, each with the seq of its last change: the in-memory adapters' shared table. */
final class ReadingTable {

    private record Row(WeatherReading reading, long seq) {
    }

    private final Map<City, TreeMap<Instant, Row>> byCity = new HashMap<>();
    private final TreeMap<Long, ReadingKey> bySeq = new TreeMap<>();

    WeatherReading get(ReadingKey key) {
        TreeMap<Instant, Row> rows = byCity.get(key.city());
        Row row = rows == null ? null : rows.get(key.observedAt());
        return row == null ? null : row.reading();
    }

    void upsert(WeatherReading reading, long seq) {
        Row previous = byCity.computeIfAbsent(reading.city(), city -> new TreeMap<>())
                .put(reading.observedAt(), new Row(reading, seq));
        if (previous != null) {
            bySeq.remove(previous.seq());
        }
        bySeq.put(seq, reading.key());
    }

    /** Changes with seq > {@code after}, at most {@code limit}, and whether more follow. */
    List<Change> changesAfter(StreamId stream, long after, int limit) {
        List<Change> page = new ArrayList<>();
        for (Map.Entry<Long, ReadingKey> entry : bySeq.tailMap(after, false).entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.add(new Change(stream, entry.getKey(), get(entry.getValue())));
        }
        return page;
    }

    boolean hasSeqAfter(long seq) {
        return bySeq.higherKey(seq) != null;
    }

    /** The changes in {@code range} with seq > {@code after}, at most {@code limit}, and whether more follow. */
    List<Change> changesIn(StreamId stream, ReadingRange range, long after, int limit, boolean[] more) {
        List<Change> page = new ArrayList<>();
        for (Map.Entry<Long, ReadingKey> entry : bySeq.tailMap(after, false).entrySet()) {
            WeatherReading reading = get(entry.getValue());
            if (range.contains(reading)) {
                if (page.size() == limit) {
                    more[0] = true;
                    break;
                }
                page.add(new Change(stream, entry.getKey(), reading));
            }
        }
        return page;
    }

    /** The seq of the held reading with {@code key}, or -1 when none is held. */
    long seqOf(ReadingKey key) {
        TreeMap<Instant, Row> rows = byCity.get(key.city());
        Row row = rows == null ? null : rows.get(key.observedAt());
        return row == null ? -1 : row.seq();
    }

    Optional<WeatherReading> latest(City city) {
        TreeMap<Instant, Row> rows = byCity.get(city);
        return rows == null || rows.isEmpty() ? Optional.empty() : Optional.of(rows.lastEntry().getValue().reading());
    }

    List<WeatherReading> latestAll() {
        return byCity.values().stream()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> rows.lastEntry().getValue().reading())
                .sorted(Comparator.comparing(r -> r.city().key()))
                .toList();
    }

    HistoryPage history(HistoryQuery query) {
        TreeMap<Instant, Row> rows = byCity.getOrDefault(query.city(), new TreeMap<>());
        NavigableMap<Instant, Row> range = rows.subMap(query.effectiveAfterOrAt(), query.after() == null,
                query.end(), false);
        List<WeatherReading> page = range.values().stream().limit(query.limit()).map(Row::reading).toList();
        boolean more = range.size() > page.size();
        return new HistoryPage(page, more ? Optional.of(page.getLast().observedAt()) : Optional.empty());
    }

    Digest digest(StreamId stream, long appliedSeq) {
        DigestBuilder builder = new DigestBuilder();
        byCity.values().forEach(rows -> rows.values().forEach(row -> builder.add(row.reading())));
        return builder.build(stream, appliedSeq);
    }
}
