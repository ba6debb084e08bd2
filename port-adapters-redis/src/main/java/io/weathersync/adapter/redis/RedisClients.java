package io.weathersync.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Builds this module's Lettuce clients: each with its own small resources, reconnecting by itself. */
final class RedisClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Lettuce's default backs off to 30 s; a slave should be back on the live feed within seconds.
    private static final Duration RECONNECT_MIN = Duration.ofMillis(100);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(5);

    private RedisClients() {
    }

    /** Parses the URI; the message never repeats it, since it may hold a password. */
    static RedisURI parse(String redisUri) {
        Objects.requireNonNull(redisUri, "redisUri: must not be null");
        try {
            return RedisURI.create(redisUri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("redisUri: not a Redis URI (expected redis://[user:password@]host"
                    + "[:port][/db] or redis-sentinel://[user:password@]host:port[,host:port...]/?sentinelMasterId=name)");
        }
    }

    /** Checks a channel name. */
    static String channel(String channel) {
        Objects.requireNonNull(channel, "channel: must not be null");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("channel: must not be blank");
        }
        return channel;
    }

    /** Options every connection here shares: auto-reconnect, a connect timeout, TCP keep-alive. */
    static ClientOptions.Builder baseOptions() {
        return ClientOptions.builder()
                .autoReconnect(true)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build());
    }

    /** A client with its own resources; {@link #shutdown} releases both. */
    static RedisClient create(RedisURI uri, ClientOptions options) {
        ClientResources resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(RECONNECT_MIN, RECONNECT_MAX, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(options);
        return client;
    }

    /** Shuts the client and its resources down, waiting briefly for their threads. */
    static void shutdown(RedisClient client) {
        ClientResources resources = client.getResources();
        try {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Whether the URI names Sentinels, which Lettuce asks for the primary at every (re)connect. */
    static boolean viaSentinel(RedisURI uri) {
        return uri.getSentinelMasterId() != null && !uri.getSentinels().isEmpty();
    }

    /**
     * Where a URI points, for logs: host and port only (for Sentinel the master id and the Sentinels' addresses),
     * never credentials.
     */
    static String describe(RedisURI uri) {
        if (viaSentinel(uri)) {
            return "sentinel master " + uri.getSentinelMasterId() + " via " + uri.getSentinels().stream()
                    .map(s -> s.getHost() + ":" + s.getPort()).collect(Collectors.joining(","));
        }
        return uri.getHost() + ":" + uri.getPort();
    }
}
