package io.weathersync.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run-contract variables (DESIGN "Running a node") the tests start each node with: loopback, a port chosen
 * in advance, short intervals (sync 2 s, heartbeat 1 s, offline after 5 s), and the simulated weather source
 * polled once an hour, since the {@link Writer} provides the changes.
 */
final class NodeEnvironment {

    private NodeEnvironment() {
    }

    /** The master's variables; {@code redis} is null for HTTP push. The store's variables are added by the caller. */
    static Map<String, String> master(int port, Path dataDir, String adminToken, PrivateRedis redis, String channel) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("DATA_DIR", dataDir.toString());
        env.put("WEATHER_SOURCE", "simulated");
        env.put("WEATHER_CITIES", "Beijing,Shanghai");
        env.put("WEATHER_POLL_INTERVAL", "3600");
        env.put("ADMIN_TOKEN", adminToken);
        env.put("CASCADE_OFFLINE_AFTER", "5");
        unlimited(env);
        if (redis != null) {
            env.put("REDIS_URI", redis.masterUri());
            env.put("REDIS_CHANNEL", channel);
        }
        return env;
    }

    /** A slave's variables (its store is the default H2 file in its data directory). */
    static Map<String, String> slave(int port, Path dataDir, String masterUrl, AdminApi.Credentials credentials,
                                     PrivateRedis redis, String channel) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("DATA_DIR", dataDir.toString());
        env.put("CASCADE_PARENT_URL", masterUrl);
        env.putAll(credentials(credentials));
        env.put("CASCADE_SYNC_INTERVAL", "2");
        env.put("CASCADE_HEARTBEAT_INTERVAL", "1");
        unlimited(env);
        if (redis != null) {
            env.put("REDIS_URI", redis.uri());
            env.put("REDIS_CHANNEL", channel);
        }
        return env;
    }

    /**
     * No per-address rate limits: the harness drives every node from one loopback address, faster than one client
     * would (the crash soak writes without pause); ClientProtectionsTest covers the limits themselves.
     */
    private static void unlimited(Map<String, String> env) {
        env.put("RATE_LIMIT_READS", "0");
        env.put("RATE_LIMIT_WRITES", "0");
    }

    /** A slave's credential variables. */
    static Map<String, String> credentials(AdminApi.Credentials credentials) {
        return Map.of("CASCADE_API_KEY", credentials.apiKey(), "CASCADE_API_SECRET", credentials.apiSecret());
    }
}
