package io.weathersync.adapter.jdbc;

import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The replica's state row: the served generation, the one a resync is building (if any), and the last
 * generation number handed out (numbers are never reused, so leftovers of a dropped one cannot resurface).
 */
record ReplicaRow(StreamId servedStream, long servedGeneration, long servedSeq,
                  StreamId pendingStream, Long pendingGeneration, long pendingSeq, long lastGeneration) {

    /** The columns {@link #read} expects. */
    static final String COLUMNS = "served_stream, served_generation, served_seq, pending_stream, pending_generation, "
            + "pending_seq, last_generation";

    /** One generation of the replica: which stream it follows, where its rows are, how far it is complete. */
    record Generation(StreamId stream, long number, long seq, boolean served) {
    }

    static ReplicaRow read(ResultSet rs) throws SQLException {
        long pendingGeneration = rs.getLong("pending_generation");
        boolean pending = !rs.wasNull();
        return new ReplicaRow(stream(rs.getString("served_stream")), rs.getLong("served_generation"),
                rs.getLong("served_seq"), stream(rs.getString("pending_stream")),
                pending ? pendingGeneration : null, rs.getLong("pending_seq"), rs.getLong("last_generation"));
    }

    private static StreamId stream(String value) {
        return value == null ? null : new StreamId(value);
    }

    SyncState served() {
        return new SyncState(servedStream, servedSeq);
    }

    Optional<SyncState> pending() {
        return pendingGeneration == null ? Optional.empty() : Optional.of(new SyncState(pendingStream, pendingSeq));
    }

    /**
     * The generation that changes of {@code stream} go to: the served one first, as in the reference adapter.
     *
     * @throws IllegalStateException when {@code stream} is neither served nor being resynced
     */
    Generation target(StreamId stream) {
        if (stream.equals(servedStream)) {
            return new Generation(servedStream, servedGeneration, servedSeq, true);
        }
        if (pendingGeneration != null && stream.equals(pendingStream)) {
            return new Generation(pendingStream, pendingGeneration, pendingSeq, false);
        }
        throw new IllegalStateException("stream " + stream + " is neither served nor being resynced");
    }
}
