package io.weathersync.adapter.jdbc;

import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.WeatherReading;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Loads what the log holds for a batch's keys, in chunks of row-value IN lists that the primary key serves. */
final class StoredReadings {

    /** Keys per query: big enough to need few round trips, small enough for any server's limits. */
    static final int CHUNK = 500;

    Map<ReadingKey, WeatherReading> load(Handle handle, List<WeatherReading> batch) {
        Map<ReadingKey, WeatherReading> stored = new HashMap<>();
        for (List<ReadingKey> chunk : chunks(batch.stream().map(WeatherReading::key).toList())) {
            Query query = handle.createQuery("SELECT " + ReadingColumns.SELECT + " FROM log_readings r WHERE "
                    + keysIn(chunk.size()));
            bindKeys(query, 0, chunk);
            query.map((rs, ctx) -> ReadingColumns.read(rs)).forEach(reading -> stored.put(reading.key(), reading));
        }
        return stored;
    }

    /** The distinct keys, in chunks of at most {@link #CHUNK}. */
    static List<List<ReadingKey>> chunks(List<ReadingKey> keys) {
        List<ReadingKey> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        List<List<ReadingKey>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** The condition that a row of the table aliased {@code r} has one of {@code count} keys (positional). */
    static String keysIn(int count) {
        return "(r.city_key, r.observed_at) IN (" + String.join(", ", Collections.nCopies(count, "(?, ?)")) + ")";
    }

    /** Binds the keys to the parameters of {@link #keysIn}, from position {@code first}. */
    static void bindKeys(Query query, int first, List<ReadingKey> keys) {
        int position = first;
        for (ReadingKey key : keys) {
            query.bind(position++, key.city().key()).bind(position++, key.observedAt().toEpochMilli());
        }
    }
}
