package io.weathersync.adapter.jdbc;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The newest reading of the cities read lately, so that the hottest query skips the database. Every write of its
 * store forgets the cities it touched once its handle is done (committed or not), before the write returns, and a
 * read that overlapped a write never leaves its answer behind: a node always reads its own writes. A process that
 * is not this store (nothing in this system; an operator's SQL) is seen within {@link #MAX_AGE}.
 */
final class LatestReadings {

    /** Cities remembered at most; beyond that, reads just go to the database. */
    static final int MAX_CITIES = 100_000;
    /** How long an answer is remembered without a write of this store. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private record Remembered(WeatherReading reading, long readAt) {
    }

    private final ConcurrentHashMap<String, Remembered> byCity = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    /** The city's newest reading: remembered, or read with {@code read} and remembered if no write overlapped. */
    Optional<WeatherReading> get(City city, Supplier<Optional<WeatherReading>> read) {
        String key = city.key();
        long now = System.nanoTime();
        Remembered remembered = byCity.get(key);
        if (remembered != null && now - remembered.readAt() < MAX_AGE.toNanos()) {
            return Optional.of(remembered.reading());
        }
        long before = writes.get();
        Optional<WeatherReading> fresh = read.get();
        if (fresh.isPresent() && byCity.size() < MAX_CITIES) {
            Remembered answer = new Remembered(fresh.get(), now);
            byCity.put(key, answer);
            // A write that committed after the read bumps the count, then forgets the city: if the count has not
            // moved, that forgetting is still to come; if it has, this answer may predate the write.
            if (writes.get() != before) {
                byCity.remove(key, answer);
            }
        }
        return fresh;
    }

    /** Forgets these cities when {@code handle} is done, after its transaction committed or rolled back. */
    void forgetWhenDone(Handle handle, Collection<String> cityKeys) {
        Set<String> keys = Set.copyOf(cityKeys);
        handle.addCleanable(() -> {
            writes.incrementAndGet();
            byCity.keySet().removeAll(keys);
        });
    }

    /** Forgets every city when {@code handle} is done (what is served changed as a whole). */
    void forgetAllWhenDone(Handle handle) {
        handle.addCleanable(() -> {
            writes.incrementAndGet();
            byCity.clear();
        });
    }
}
