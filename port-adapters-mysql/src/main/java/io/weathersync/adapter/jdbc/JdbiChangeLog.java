package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.FencedOffException;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.ChangePlanner;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The master's change log in a relational database: the compacted log in {@code log_readings}, its stream
 * id and head in {@code log_meta}. Appenders queue on the head row, so seqs stay contiguous under concurrency.
 */
public final class JdbiChangeLog implements ChangeLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiChangeLog.class);

    private final Jdbi jdbi;
    private final Database database;
    private final JdbiWeatherReadings readings;
    private final StoredReadings stored = new StoredReadings();
    private final StreamId stream;
    private final LongSupplier fence;

    /**
     * The log stored in {@code database}; creates its stream id when the store is new, then checks the store (see
     * {@link LogSelfCheck}).
     *
     * @throws IllegalStateException naming the damage, when the store is inconsistent beyond a safe repair
     */
    public JdbiChangeLog(Database database) {
        this(database, null);
    }

    /**
     * As {@link #JdbiChangeLog(Database)}, for one of several masters sharing the database: every append checks,
     * in its own transaction, that the stored lease's epoch is {@code fence}'s (0 = none held), and otherwise
     * writes nothing and throws {@link FencedOffException}.
     */
    public JdbiChangeLog(Database database, LongSupplier fence) {
        this.fence = fence;
        this.jdbi = database.jdbi();
        this.database = database;
        this.readings = new JdbiWeatherReadings(database, ReadingTables.LOG);
        this.stream = initialise();
        LogSelfCheck.run(database);
    }

    private StreamId initialise() {
        StreamId candidate = StreamId.random();
        String value = database.write(h -> {
            // Two nodes starting on one new store at once: the first insert wins, the other reads it.
            h.createUpdate("INSERT INTO log_meta (id, stream_id, head) VALUES (1, :stream, 0) "
                            + "ON DUPLICATE KEY UPDATE id = id")
                    .bind("stream", candidate.value())
                    .execute();
            return h.createQuery("SELECT stream_id FROM log_meta WHERE id = 1").mapTo(String.class).one();
        });
        if (value.equals(candidate.value())) {
            LOG.info("new change log: stream {}", value);
        }
        return new StreamId(value);
    }

    @Override
    public StreamId stream() {
        return stream;
    }

    @Override
    public long head() {
        return jdbi.withHandle(h -> h.createQuery("SELECT head FROM log_meta WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public List<Change> append(List<WeatherReading> batch) {
        Objects.requireNonNull(batch, "readings: must not be null");
        if (batch.isEmpty()) {
            return List.of();
        }
        List<WeatherReading> incoming = List.copyOf(batch);
        return database.write(h -> {
            checkFence(h);
            long head = h.createQuery("SELECT head FROM log_meta WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
            List<Change> changes = ChangePlanner.plan(stream, head, incoming, stored.load(h, incoming));
            if (!changes.isEmpty()) {
                readings.upsert(h, 0, changes);
                h.createUpdate("UPDATE log_meta SET head = :head WHERE id = 1")
                        .bind("head", changes.getLast().seq())
                        .execute();
            }
            return changes;
        });
    }

    /**
     * Locks the lease row for the rest of the transaction, so a takeover commits either before (and this append is
     * refused) or after it (and this append was made under a lease still held).
     */
    private void checkFence(Handle h) {
        if (fence == null) {
            return;
        }
        long held = fence.getAsLong();
        Long stored = h.createQuery("SELECT epoch FROM master_lease WHERE id = 1 FOR UPDATE").mapTo(Long.class)
                .findOne().orElse(null);
        if (held == 0 || stored == null || stored != held) {
            throw new FencedOffException("not the active master: this master holds lease epoch " + held
                    + ", the database's is " + stored + "; nothing written");
        }
    }

    @Override
    public ChangePage changesAfter(long after, int limit) {
        return page("", Map.of(), after, limit);
    }

    /** Like {@link #changesAfter}; the range's bounds and city key are compared as stored (millis, key). */
    @Override
    public ChangePage changesIn(ReadingRange range, long after, int limit) {
        Objects.requireNonNull(range, "range: must not be null");
        Map<String, Object> bounds = new HashMap<>();
        bounds.put("start", range.start().toEpochMilli());
        bounds.put("end", range.end().toEpochMilli());
        range.onlyCity().ifPresent(city -> bounds.put("city_key", city.key()));
        // Deliberately no index on observed_at: H2 would pick it for any wide range and sort all of it per page.
        // The seq index (the primary key for one city) keeps pages cheap; a narrow period of all cities costs one
        // scan of the seq index up to it on the first page only (about 0.7 s per million rows on H2).
        return page(" AND r.observed_at >= :start AND r.observed_at < :end"
                + (range.city() == null ? "" : " AND r.city_key = :city_key"), bounds, after, limit);
    }

    /**
     * The changes after {@code after} that also meet {@code condition}. One statement reads the head and the
     * page together, so the page never reaches past the head it reports and an append committing meanwhile
     * cannot slip between them.
     */
    private ChangePage page(String condition, Map<String, Object> parameters, long after, int limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after: must not be negative, was " + after);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
        }
        record Row(long head, Change change) {
        }
        // The page is a derived table so that it is read along an index and stops after the limit.
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT m.head, r.* FROM log_meta m LEFT JOIN"
                        + " (SELECT r.seq, " + ReadingColumns.SELECT + " FROM log_readings r WHERE r.seq > :after"
                        + condition + " ORDER BY r.seq LIMIT :limit) r ON r.seq <= m.head WHERE m.id = 1"
                        + " ORDER BY r.seq")
                .bind("after", after)
                .bind("limit", (long) limit + 1)
                .bindMap(parameters)
                .map((rs, ctx) -> {
                    WeatherReading reading = ReadingColumns.read(rs);
                    return new Row(rs.getLong("head"),
                            reading == null ? null : new Change(stream, rs.getLong("seq"), reading));
                })
                .list());
        long head = rows.getFirst().head();
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            if (row.change() != null && changes.size() < limit) {
                changes.add(row.change());
            }
        }
        long through = rows.size() > limit ? changes.getLast().seq() : head;
        return new ChangePage(stream, head, changes, through);
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
    public Digest digest() {
        return readings.digest();
    }
}
