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
        List<ReadingKey> keys = new ArrayList<>(new LinkedHashSet<>(batch.stream().map(WeatherReading::key).toList()));
        Map<ReadingKey, WeatherReading> stored = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<ReadingKey> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            Query query = handle.createQuery("SELECT " + ReadingColumns.SELECT + " FROM log_readings r"
                    + " WHERE (r.city_key, r.observed_at) IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")");
            int position = 0;
            for (ReadingKey key : chunk) {
                query.bind(position++, key.city().key()).bind(position++, key.observedAt().toEpochMilli());
            }
            query.map((rs, ctx) -> ReadingColumns.read(rs)).forEach(reading -> stored.put(reading.key(), reading));
        }
        return stored;
    }
}
