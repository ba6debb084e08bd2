package io.weathersync.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seed 003's counters in a Redis hash, so every process counting into one key shares one count: field
 * {@code source|city} (a source name never holds {@code |}), value the readings counted, raised with
 * {@code HINCRBY} once per source and city of a batch. While Redis is away a count fails at once (the write it
 * follows does not), and the readings of that batch are not counted.
 */
public final class LettuceReadingCounts implements ReadingCounts, AutoCloseable {

    private static final String SEPARATOR = "|";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final RedisURI uri;
    private final String key;
    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    /** Counts into hash {@code key} of the Redis at {@code redisUri}; connects at first use. */
    public LettuceReadingCounts(String redisUri, String key) {
        this.uri = RedisClients.parse(redisUri);
        uri.setTimeout(COMMAND_TIMEOUT);
        Objects.requireNonNull(key, "key: must not be null");
        if (key.isBlank()) {
            throw new IllegalArgumentException("key: must not be blank");
        }
        this.key = key;
        ClientOptions options = RedisClients.baseOptions()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build();
        this.client = RedisClients.create(uri, options);
    }

    @Override
    public void count(List<WeatherReading> ingested, List<Change> changes) {
        if (ingested.isEmpty()) {
            return;
        }
        Map<String, Long> byField = new LinkedHashMap<>();
        for (WeatherReading reading : ingested) {
            byField.merge(reading.source() + SEPARATOR + reading.city().name(), 1L, Long::sum);
        }
        RedisCommands<String, String> redis = commands();
        byField.forEach((field, n) -> redis.hincrby(key, field, n));
    }

    @Override
    public List<ReadingCount> counts() {
        return commands().hgetall(key).entrySet().stream()
                .filter(e -> e.getKey().contains(SEPARATOR))
                .map(e -> {
                    int cut = e.getKey().indexOf(SEPARATOR);
                    return new ReadingCount(e.getKey().substring(0, cut), e.getKey().substring(cut + 1),
                            Long.parseLong(e.getValue()));
                })
                .sorted(Comparator.comparing(ReadingCount::source).thenComparing(ReadingCount::city))
                .toList();
    }

    /** The connection, made at first use and after a failed first attempt; Lettuce reconnects it afterwards. */
    private synchronized RedisCommands<String, String> commands() {
        if (connection == null) {
            connection = client.connect(uri);
        }
        return connection.sync();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        RedisClients.shutdown(client);
    }
}
