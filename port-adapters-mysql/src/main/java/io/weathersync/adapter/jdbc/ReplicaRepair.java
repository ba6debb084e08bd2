package io.weathersync.adapter.jdbc;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.ChangeKind;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which re-sent readings a repair writes into the served generation: those the replica lacks, and those that
 * differ from a held reading whose seq is no later than the change's (a newer held correction wins).
 */
final class ReplicaRepair {

    private record Held(WeatherReading reading, long seq) {
    }

    private ReplicaRepair() {
    }

    /**
     * The changes to write, in order, read against {@code generation} inside the caller's transaction (which
     * holds the replica's state row, so nothing else writes meanwhile).
     *
     * @param candidates changes already limited to the served stream and its applied seq
     */
    static List<Change> writes(Handle handle, long generation, List<Change> candidates) {
        Map<ReadingKey, Held> held = load(handle, generation, candidates);
        List<Change> writes = new ArrayList<>();
        for (Change change : candidates) {
            ReadingKey key = change.reading().key();
            Held current = held.get(key);
            boolean notNewer = current == null || current.seq() <= change.seq();
            if (notNewer && ChangeKind.of(current == null ? null : current.reading(), change.reading()).isChange()) {
                writes.add(change);
                // A later change of the same key in this batch is judged against what this one wrote.
                held.put(key, new Held(change.reading(), change.seq()));
            }
        }
        return writes;
    }

    private static Map<ReadingKey, Held> load(Handle handle, long generation, List<Change> changes) {
        Map<ReadingKey, Held> held = new HashMap<>();
        for (List<ReadingKey> chunk : StoredReadings.chunks(changes.stream().map(c -> c.reading().key()).toList())) {
            Query query = handle.createQuery("SELECT r.seq, " + ReadingColumns.SELECT + " FROM replica_readings r"
                    + " WHERE r.generation = ? AND " + StoredReadings.keysIn(chunk.size()));
            query.bind(0, generation);
            StoredReadings.bindKeys(query, 1, chunk);
            query.map((rs, ctx) -> new Held(ReadingColumns.read(rs), rs.getLong("seq")))
                    .forEach(row -> held.put(row.reading().key(), row));
        }
        return held;
    }
}
