package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A slave's replica in a relational database. Readings live in generations: a full resync fills a new
 * generation while reads keep serving the old one, and {@link #finishResync} switches them in one transaction.
 */
public final class JdbiReplica implements Replica {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiReplica.class);
    /** How long the switch to a resynced generation may take (it sets the newest time of every city at once). */
    private static final Duration SWITCH_BOUND = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Database database;
    private final JdbiWeatherReadings readings;
    private final Generations generations;

    /**
     * The replica stored in {@code database}; an empty one when the store is new. Checks the store first (see
     * {@link ReplicaSelfCheck}).
     *
     * @throws IllegalStateException naming the damage, when the store is inconsistent beyond a safe repair
     */
    public JdbiReplica(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.readings = new JdbiWeatherReadings(database, ReadingTables.REPLICA);
        this.generations = new Generations(database);
        database.writeVoid(h -> h.createUpdate("INSERT INTO replica_state (id, " + ReplicaRow.COLUMNS
                + ") VALUES (1, NULL, 1, 0, NULL, NULL, 0, 1) ON DUPLICATE KEY UPDATE id = id").execute());
        ReplicaSelfCheck.run(database);
        generations.dropUnused();
    }

    @Override
    public SyncState state() {
        return row().served();
    }

    @Override
    public Optional<SyncState> pendingResync() {
        return row().pending();
    }

    private ReplicaRow row() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ReplicaRow.COLUMNS + " FROM replica_state WHERE id = 1")
                .map((rs, ctx) -> ReplicaRow.read(rs))
                .one());
    }

    private static ReplicaRow lockRow(Handle h) {
        return h.createQuery("SELECT " + ReplicaRow.COLUMNS + " FROM replica_state WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> ReplicaRow.read(rs))
                .one();
    }

    @Override
    public void apply(StreamId stream, List<Change> changes, long through) {
        Objects.requireNonNull(stream, "stream: must not be null");
        List<Change> batch = List.copyOf(Objects.requireNonNull(changes, "changes: must not be null"));
        database.writeVoid(h -> {
            ReplicaRow.Generation target = lockRow(h).target(stream);
            if (through < target.seq()) {
                throw new IllegalStateException("through " + through + " is behind the applied seq " + target.seq());
            }
            for (Change change : batch) {
                if (!change.stream().equals(target.stream())) {
                    throw new IllegalStateException("change seq " + change.seq() + " is of stream " + change.stream());
                }
            }
            if (target.served()) {
                readings.upsert(h, target.number(), batch);
            } else {
                readings.upsertReadings(h, target.number(), batch);
            }
            h.createUpdate("UPDATE replica_state SET " + (target.served() ? "served_seq" : "pending_seq")
                            + " = :through WHERE id = 1")
                    .bind("through", through)
                    .execute();
        });
    }

    /** Reads what is held and writes what differs in one transaction, holding the state row like {@link #apply}. */
    @Override
    public int repair(StreamId stream, List<Change> changes) {
        Objects.requireNonNull(stream, "stream: must not be null");
        List<Change> batch = List.copyOf(Objects.requireNonNull(changes, "changes: must not be null"));
        int written = database.write(h -> {
            ReplicaRow row = lockRow(h);
            if (!stream.equals(row.servedStream())) {
                return 0;
            }
            List<Change> candidates = batch.stream()
                    .filter(change -> change.stream().equals(stream) && change.seq() <= row.servedSeq())
                    .toList();
            List<Change> writes = ReplicaRepair.writes(h, row.servedGeneration(), candidates);
            readings.upsert(h, row.servedGeneration(), writes);
            return writes.size();
        });
        if (written > 0) {
            LOG.info("repair overwrote {} of {} re-sent readings of stream {}", written, batch.size(), stream);
        }
        return written;
    }

    @Override
    public void beginResync(StreamId stream) {
        Objects.requireNonNull(stream, "stream: must not be null");
        database.writeVoid(h -> {
            long next = lockRow(h).lastGeneration() + 1;
            h.createUpdate("UPDATE replica_state SET pending_stream = :stream, pending_generation = :generation, "
                            + "pending_seq = 0, last_generation = :generation WHERE id = 1")
                    .bind("stream", stream.value())
                    .bind("generation", next)
                    .execute();
        });
        LOG.info("resync of stream {} started", stream);
        generations.dropUnused();
    }

    @Override
    public void finishResync() {
        // One statement over the whole new generation: bounded by its size, not by the bound of a batch.
        SyncState served = database.write(h -> {
            ReplicaRow row = lockRow(h);
            if (row.pendingGeneration() == null) {
                throw new IllegalStateException("no resync in progress");
            }
            // A resync writes readings only; its cities' newest times are set here, in one statement.
            h.createUpdate("DELETE FROM replica_cities WHERE generation = :generation")
                    .bind("generation", row.pendingGeneration())
                    .execute();
            h.createUpdate("INSERT INTO replica_cities (generation, city_key, observed_at) SELECT generation,"
                            + " city_key, MAX(observed_at) FROM replica_readings WHERE generation = :generation"
                            + " GROUP BY generation, city_key")
                    .bind("generation", row.pendingGeneration())
                    .execute();
            readings.servedChanged(h);
            h.createUpdate("UPDATE replica_state SET served_stream = pending_stream, "
                    + "served_generation = pending_generation, served_seq = pending_seq, pending_stream = NULL, "
                    + "pending_generation = NULL, pending_seq = 0 WHERE id = 1").execute();
            return row.pending().orElseThrow();
        }, SWITCH_BOUND);
        LOG.info("resync finished: serving stream {} through seq {}", served.stream(), served.appliedSeq());
        generations.dropUnused();
    }

    @Override
    public Optional<WeatherReading> latest(City city) {
        return readings.latest(city);
    }

    @Override
    public List<WeatherReading> latestAll() {
        return readings.latestAll();
    }

    @Override
    public HistoryPage history(HistoryQuery query) {
        return readings.history(query);
    }

    @Override
    public ChangePage export(long after, int limit) {
        return ReplicaExport.page(jdbi, after, limit);
    }

    @Override
    public void keepRegistry(RegistryBackup registry) {
        database.writeVoid(h -> RegistryCopy.replace(h, registry));
    }

    @Override
    public RegistryBackup registry() {
        return jdbi.withHandle(RegistryCopy::read);
    }

    @Override
    public Digest digest() {
        return readings.digest();
    }
}
