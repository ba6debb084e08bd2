package io.weathersync.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seed 003's counters in a Redis hash, so every process counting into one key shares one count: field
 * {@code source|city} (a source name never holds {@code |}), value the readings counted, raised with
 * {@code HINCRBY} once per source and city of a batch, all of a batch in one script: one round trip however many
 * cities it holds, and no other client's command in between. While Redis is away a count fails at once (the write
 * it follows does not), and the readings of that batch are not counted. Through Sentinel the counters follow a
 * {@code +switch-master} at once, as the publisher does, rather than failing on a demoted primary (read-only)
 * until Sentinel closes its clients.
 */
public final class LettuceReadingCounts implements ReadingCounts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LettuceReadingCounts.class);
    private static final String SEPARATOR = "|";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** KEYS[1] the hash; ARGV field, increment, field, increment, …; returns how many fields it raised. */
    private static final String COUNT_SCRIPT = "for i = 1, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], "
            + "ARGV[i + 1]) end return #ARGV / 2";

    private final RedisURI uri;
    private final String key;
    private final RedisClient client;
    private final SentinelWatch sentinels;
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
        String target = "reading counters on " + RedisClients.describe(uri);
        this.sentinels = RedisClients.viaSentinel(uri)
                ? new SentinelWatch(target, client, uri, () -> client.getResources().eventExecutorGroup()
                        .execute(() -> forgetConnection(target)))
                : null;
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
        String[] increments = new String[byField.size() * 2];
        int i = 0;
        for (Map.Entry<String, Long> field : byField.entrySet()) {
            increments[i++] = field.getKey();
            increments[i++] = Long.toString(field.getValue());
        }
        commands().<Long>eval(COUNT_SCRIPT, ScriptOutputType.INTEGER, new String[] {key}, increments);
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

    /** A new primary: the next count connects anew, and the Sentinels name the new one. */
    private synchronized void forgetConnection(String target) {
        if (connection != null) {
            connection.closeAsync();
            connection = null;
            LOG.info("{}: the next count goes to the new primary", target);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (sentinels != null) {
                sentinels.close();
            }
            if (connection != null) {
                connection.close();
            }
        } finally {
            RedisClients.shutdown(client);
        }
    }
}
