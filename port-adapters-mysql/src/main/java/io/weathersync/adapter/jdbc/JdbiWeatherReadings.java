package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.WeatherReadings;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.DigestBuilder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The reads and the upsert that the log and the replica share, over one {@link ReadingTables}. */
final class JdbiWeatherReadings implements WeatherReadings {

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ReadingTables tables;
    private final LatestReadings latest = new LatestReadings();

    JdbiWeatherReadings(Database database, ReadingTables tables) {
        this.jdbi = database.jdbi();
        this.dialect = database.dialect();
        this.tables = tables;
    }

    /** Upserts the changes, in order (a later change of a key wins), and moves each city's newest time. */
    void upsert(Handle handle, long generation, List<Change> changes) {
        Map<String, Long> newestByCity = upsertReadings(handle, generation, changes);
        if (newestByCity.isEmpty()) {
            return;
        }
        PreparedBatch cities = handle.prepareBatch(tables.upsertCity(dialect));
        newestByCity.forEach((key, observedAt) -> {
            if (tables.generational()) {
                cities.bind("generation", generation);
            }
            cities.bind("city_key", key).bind("observed_at", observedAt).add();
        });
        cities.execute();
    }

    /**
     * Upserts the changes' readings only, for a generation that is not served yet (its cities' newest times are
     * set in one statement when it is); returns each city's newest time among them.
     */
    Map<String, Long> upsertReadings(Handle handle, long generation, List<Change> changes) {
        Map<String, Long> newestByCity = new LinkedHashMap<>();
        if (changes.isEmpty()) {
            return newestByCity;
        }
        PreparedBatch rows = handle.prepareBatch(tables.upsertReading());
        for (Change change : changes) {
            WeatherReading reading = change.reading();
            ReadingColumns.bind(rows, reading).bind("seq", change.seq());
            if (tables.generational()) {
                rows.bind("generation", generation);
            }
            rows.add();
            newestByCity.merge(reading.city().key(), reading.observedAt().toEpochMilli(), Math::max);
        }
        latest.forgetWhenDone(handle, newestByCity.keySet());
        rows.execute();
        return newestByCity;
    }

    /** Marks that {@code handle} switches which generation is served, which changes every city's newest reading. */
    void servedChanged(Handle handle) {
        latest.forgetAllWhenDone(handle);
    }

    @Override
    public Optional<WeatherReading> latest(City city) {
        Objects.requireNonNull(city, "city: must not be null");
        return latest.get(city, () -> jdbi.withHandle(h -> h.createQuery(tables.latest(true))
                .bind("city_key", city.key())
                .map((rs, ctx) -> ReadingColumns.read(rs))
                .findOne()));
    }

    @Override
    public List<WeatherReading> latestAll() {
        List<WeatherReading> all = new ArrayList<>(jdbi.withHandle(h -> h.createQuery(tables.latest(false))
                .map((rs, ctx) -> ReadingColumns.read(rs))
                .list()));
        // Sorted here, not by the database: its collation must not decide the order of names.
        all.sort(Comparator.comparing(r -> r.city().key()));
        return all;
    }

    @Override
    public HistoryPage history(HistoryQuery query) {
        Objects.requireNonNull(query, "query: must not be null");
        Instant lower = query.effectiveAfterOrAt();
        List<WeatherReading> rows = jdbi.withHandle(h -> h.createQuery(tables.history(query.after() == null))
                .bind("city_key", query.city().key())
                .bind("lower", lower.toEpochMilli())
                .bind("end", query.end().toEpochMilli())
                .bind("limit", query.limit() + 1)
                .map((rs, ctx) -> ReadingColumns.read(rs))
                .list());
        if (rows.size() <= query.limit()) {
            return new HistoryPage(rows, Optional.empty());
        }
        List<WeatherReading> page = rows.subList(0, query.limit());
        return new HistoryPage(page, Optional.of(page.getLast().observedAt()));
    }

    /** Streams every served row through a {@link DigestBuilder}: one statement (one snapshot), never all in memory. */
    @Override
    public Digest digest() {
        return jdbi.withHandle(h -> h.createQuery(tables.digest())
                .setFetchSize(dialect.streamingFetchSize())
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    DigestBuilder builder = new DigestBuilder();
                    String stream = null;
                    long seq = 0;
                    while (rs.next()) {
                        stream = rs.getString("state_stream");
                        seq = rs.getLong("state_seq");
                        WeatherReading reading = ReadingColumns.read(rs);
                        if (reading != null) {
                            builder.add(reading);
                        }
                    }
                    return builder.build(stream == null ? null : new StreamId(stream), seq);
                }));
    }
}
