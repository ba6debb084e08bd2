package io.weathersync.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts masters, slaves and bare servers with the run contract's environment variables. */
final class Nodes {

    static final String[] JVM = {"-Xmx1g", "-XX:+UseSerialGC"};
    /** Seed 003's shared counters of the masters on Redis: one key for every bench run, not the default one. */
    static final String REDIS_METRICS_KEY = "weather-sync-bench:metrics";
    private final Settings settings;

    Nodes(Settings settings) {
        this.settings = settings;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    NodeProcess master(String name, String dbUrl, Map<String, String> extra) throws Exception {
        return master(name, dbUrl, extra, null);
    }

    /** A master; with a {@code config} file (--config), its cities come from that file, not the idle default. */
    NodeProcess master(String name, String dbUrl, Map<String, String> extra, Path config) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("SERVER_PORT", "0");
        env.put("DATA_DIR", settings.work().resolve(name).toString());
        if (dbUrl != null) {
            env.put("DB_URL", dbUrl);
            env.put("DB_USER", "root");
            env.put("DB_PASSWORD", "");
        }
        env.put("ADMIN_TOKEN", Api.ADMIN);
        env.put("WEATHER_SOURCE", "simulated");
        if (config == null) {
            env.put("WEATHER_CITIES", "bench-idle@1,1");
        }
        env.put("WEATHER_POLL_INTERVAL", "86400");
        env.putAll(extra);
        List<String> command = NodeProcess.jar(settings.master(), JVM);
        if (config != null) {
            command.addAll(List.of("--config", config.toString()));
        }
        return NodeProcess.start(command, env, log(name)).waitReady(120, "master " + name);
    }

    NodeProcess slave(String name, int port, String master, String[] creds, Map<String, String> extra)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("DATA_DIR", settings.work().resolve(name).toString());
        env.put("CASCADE_PARENT_URL", master);
        env.put("CASCADE_API_KEY", creds[0]);
        env.put("CASCADE_API_SECRET", creds[1]);
        env.put("CASCADE_SYNC_INTERVAL", "5");
        env.putAll(extra);
        return NodeProcess.start(NodeProcess.jar(settings.slave(), JVM), env, log(name));
    }

    /** A bare Helidon server (hello, echo, H2 primary-key read) in its own JVM with the nodes' flags. */
    NodeProcess bare(String name, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(JVM));
        cmd.addAll(List.of("-cp", settings.classpath(), BareServer.class.getName()));
        cmd.addAll(List.of(args));
        return NodeProcess.start(cmd, Map.of(), log(name)).waitReady(120, "bare server " + name);
    }

    Path log(String name) {
        return settings.work().resolve("logs").resolve(name + ".log");
    }
}
