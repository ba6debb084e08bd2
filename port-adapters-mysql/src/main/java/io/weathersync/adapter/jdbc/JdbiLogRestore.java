package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.LogRestore;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.RegistryEntry;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;

import java.util.List;
import java.util.Objects;

/**
 * A master's store rebuilt from a slave's export while the master is stopped: {@code log_meta} gets the slave's
 * stream and, at the end, its head; {@code log_readings} every reading with its seq; {@code cluster_nodes} and
 * {@code cluster_credentials} the slave's copy of the registry. Heartbeats and sync logs start empty.
 */
public final class JdbiLogRestore implements LogRestore {

    /** Emptied by {@link #clear}, children first. */
    private static final List<String> TABLES = List.of("cluster_sync_logs", "cluster_heartbeats",
            "cluster_credentials", "cluster_nodes", "log_cities", "log_readings", "log_meta");

    private final Database database;
    private final JdbiWeatherReadings readings;

    /** The master store in {@code database} (migrated, not opened by a running master). */
    public JdbiLogRestore(Database database) {
        this.database = database;
        this.readings = new JdbiWeatherReadings(database, ReadingTables.LOG);
    }

    @Override
    public Digest digest() {
        boolean started = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_meta")
                .mapTo(Long.class).one()) > 0;
        return started ? readings.digest() : new Digest(null, 0, 0, "");
    }

    @Override
    public long nodes() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cluster_nodes")
                .mapTo(Long.class).one());
    }

    @Override
    public void clear() {
        database.writeVoid(h -> TABLES.forEach(table -> h.createUpdate("DELETE FROM " + table).execute()));
    }

    @Override
    public void begin(StreamId stream) {
        Objects.requireNonNull(stream, "stream: must not be null");
        database.writeVoid(h -> h.createUpdate("INSERT INTO log_meta (id, stream_id, head) VALUES (1, :stream, 0)")
                .bind("stream", stream.value())
                .execute());
    }

    @Override
    public void write(List<Change> changes) {
        if (!changes.isEmpty()) {
            database.writeVoid(h -> readings.upsert(h, 0, changes));
        }
    }

    @Override
    public void finish(long head, RegistryBackup registry) {
        database.writeVoid(h -> {
            h.createUpdate("UPDATE log_meta SET head = :head WHERE id = 1").bind("head", head).execute();
            for (RegistryEntry entry : registry.entries()) {
                ClusterRows.insertNode(h, entry.node()).execute();
                if (entry.credential() != null) {
                    ClusterRows.insertCredential(h, entry.credential()).execute();
                }
            }
        });
    }
}
