package io.weathersync.adapter.jdbc;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of a replica's served generation after a seq, as a page of its stream whose head is the applied seq: what
 * a master restore reads. One statement reads the state and the page together, so they agree.
 */
final class ReplicaExport {

    private ReplicaExport() {
    }

    static ChangePage page(Jdbi jdbi, long after, int limit) {
        record Row(String stream, long head, long seq, WeatherReading reading) {
        }
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT s.served_stream, s.served_seq, r.* FROM"
                        + " replica_state s LEFT JOIN (SELECT r.generation, r.seq, " + ReadingColumns.SELECT
                        + " FROM replica_readings r WHERE r.generation = (SELECT served_generation FROM replica_state"
                        + " WHERE id = 1) AND r.seq > :after ORDER BY r.seq LIMIT :limit) r ON r.seq <= s.served_seq"
                        + " WHERE s.id = 1 ORDER BY r.seq")
                .bind("after", after)
                .bind("limit", (long) limit + 1)
                .map((rs, ctx) -> new Row(rs.getString("served_stream"), rs.getLong("served_seq"), rs.getLong("seq"),
                        ReadingColumns.read(rs)))
                .list());
        Row state = rows.getFirst();
        if (state.stream() == null) {
            throw new IllegalStateException("this replica follows no stream yet: nothing to export");
        }
        StreamId stream = new StreamId(state.stream());
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            if (row.reading() != null && changes.size() < limit) {
                changes.add(new Change(stream, row.seq(), row.reading()));
            }
        }
        long through = rows.size() > limit ? changes.getLast().seq() : state.head();
        return new ChangePage(stream, state.head(), changes, through);
    }
}
