package io.weathersync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Redis primary, one replica and three Sentinels (quorum 2), children of the test on free loopback ports, with
 * their config files in a temporary directory (Sentinel rewrites its own). The data nodes need a password, which
 * the Sentinels know. {@link #close} kills every process and deletes the directory.
 */
final class PrivateSentinels implements AutoCloseable {

    static final String MASTER_ID = "e2e-weather";
    static final String PASSWORD = "e2e-sentinel-data-pw";
    private static final Duration READY_BOUND = Duration.ofSeconds(30);

    /** One {@code redis-server} process (a data node or a Sentinel). */
    private record Server(String name, int port, Process process) {
    }

    private final Path dir;
    private final List<Server> dataNodes = new ArrayList<>();
    private final List<Server> sentinels = new ArrayList<>();

    private PrivateSentinels(Path dir) {
        this.dir = dir;
    }

    /** Starts the primary, the replica and the Sentinels, and waits until the Sentinels know all of them. */
    static PrivateSentinels start() {
        PrivateSentinels servers;
        try {
            servers = new PrivateSentinels(Files.createTempDirectory("ws-sentinel-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            servers.boot();
            return servers;
        } catch (RuntimeException | AssertionError e) {
            servers.printLogTails();
            servers.close();
            throw e;
        }
    }

    private void boot() {
        int primary = FreePorts.pick();
        dataNodes.add(launch("redis-primary", primary, dataConfig(primary, null), false));
        int replica = FreePorts.pick();
        dataNodes.add(launch("redis-replica", replica, dataConfig(replica, primary), false));
        for (int i = 1; i <= 3; i++) {
            int port = FreePorts.pick();
            sentinels.add(launch("sentinel-" + i, port, "port " + port + "\nbind 127.0.0.1\ndir " + dir + "\n"
                    + "sentinel monitor " + MASTER_ID + " 127.0.0.1 " + primary + " 2\n"
                    + "sentinel auth-pass " + MASTER_ID + " " + PASSWORD + "\n"
                    + "sentinel down-after-milliseconds " + MASTER_ID + " 1000\n"
                    + "sentinel failover-timeout " + MASTER_ID + " 3000\n"
                    + "sentinel parallel-syncs " + MASTER_ID + " 1\n", true));
        }
        awaitTrue("the Sentinels know the replica and each other", READY_BOUND, this::settled);
    }

    private String dataConfig(int port, Integer primary) {
        return "port " + port + "\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndir " + dir + "\n"
                + "dbfilename dump-" + port + ".rdb\nrequirepass " + PASSWORD + "\nmasterauth " + PASSWORD + "\n"
                + (primary == null ? "" : "replicaof 127.0.0.1 " + primary + "\n");
    }

    private Server launch(String name, int port, String config, boolean sentinel) {
        Path conf = dir.resolve(name + ".conf");
        Path log = dir.resolve(name + ".log");
        try {
            Files.writeString(conf, config);
            List<String> command = new ArrayList<>(List.of("redis-server", conf.toString()));
            if (sentinel) {
                command.add("--sentinel");
            }
            Process process = StartedProcesses.register(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start());
            Server server = new Server(name, port, process);
            awaitTrue(name + " answers PING on " + port, Duration.ofSeconds(10),
                    () -> process.isAlive() && pings(port, !sentinel));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is it installed?)", e);
        }
    }

    /** The URI the nodes get: every Sentinel and the master id, with the data nodes' password. */
    String uri() {
        StringBuilder uri = new StringBuilder("redis-sentinel://" + PASSWORD + "@");
        for (int i = 0; i < sentinels.size(); i++) {
            uri.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinels.get(i).port());
        }
        return uri.append("/?sentinelMasterId=").append(MASTER_ID).toString();
    }

    /** The port of the primary as the first Sentinel that answers names it. */
    int primaryPort() {
        RuntimeException last = null;
        for (Server sentinel : sentinels) {
            try {
                List<?> address = (List<?>) RespClient.call(sentinel.port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME",
                        MASTER_ID);
                return Integer.parseInt((String) address.get(1));
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no Sentinel answers", last);
    }

    /** Asks a Sentinel for a failover now (the primary stays up and is turned into a replica). */
    void failover() {
        RespClient.call(sentinels.getFirst().port(), "SENTINEL", "FAILOVER", MASTER_ID);
    }

    /** SIGKILLs the current primary's process and returns its port. */
    int killPrimary() {
        int port = primaryPort();
        Server primary = dataNodes.stream().filter(s -> s.port() == port).findFirst().orElseThrow();
        primary.process().destroyForcibly();
        try {
            primary.process().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        StartedProcesses.forget(primary.process());
        return port;
    }

    /** Waits until every Sentinel names a primary other than {@code oldPort} and it says it is one. */
    void awaitPrimaryOtherThan(int oldPort, Duration bound) {
        awaitTrue("a new primary instead of " + oldPort, bound, () -> {
            int port = -1;
            for (Server sentinel : sentinels) {
                List<?> address = (List<?>) RespClient.call(sentinel.port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME",
                        MASTER_ID);
                int named = Integer.parseInt((String) address.get(1));
                if (named == oldPort || (port != -1 && named != port)) {
                    return false;
                }
                port = named;
            }
            return "master".equals(((List<?>) call(port, "ROLE")).getFirst());
        });
    }

    /** Waits until the Sentinels see a replica in sync with the primary again (needed before the next failover). */
    void awaitSettled(Duration bound) {
        awaitTrue("the Sentinels see a replica in sync", bound, this::settled);
    }

    /** One command on a data node (authenticated). */
    Object call(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("AUTH", PASSWORD));
        return RespClient.callAll(port, List.of(command, List.of(args)));
    }

    /** How many subscribers {@code channel} has on the current primary. */
    long subscribers(String channel) {
        List<?> reply = (List<?>) call(primaryPort(), "PUBSUB", "NUMSUB", channel);
        return (Long) reply.get(1);
    }

    /** How many PUBLISH calls the data node on {@code port} has served since it started. */
    long publishes(int port) {
        String stats = (String) call(port, "INFO", "commandstats");
        return stats.lines().filter(l -> l.startsWith("cmdstat_publish:")).findFirst()
                .map(l -> l.replaceAll("^cmdstat_publish:calls=(\\d+).*", "$1")).map(Long::parseLong).orElse(0L);
    }

    /** The sum of hash {@code key}'s values on the data node on {@code port} (0 when there is no such key). */
    long hashTotal(int port, String key) {
        return ((List<?>) call(port, "HVALS", key)).stream().mapToLong(value -> Long.parseLong(value.toString()))
                .sum();
    }

    private boolean settled() {
        for (Server sentinel : sentinels) {
            Map<String, String> master = fields((List<?>) RespClient.call(sentinel.port(), "SENTINEL", "MASTER",
                    MASTER_ID));
            if (!"2".equals(master.get("num-other-sentinels")) || !"1".equals(master.get("num-slaves"))
                    || !"master".equals(master.get("flags"))) {
                return false;
            }
            List<?> replicas = (List<?>) RespClient.call(sentinel.port(), "SENTINEL", "REPLICAS", MASTER_ID);
            Map<String, String> replica = fields((List<?>) replicas.getFirst());
            if (!"slave".equals(replica.get("flags")) || !"ok".equals(replica.get("master-link-status"))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> fields(List<?> flat) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }

    private boolean pings(int port, boolean authenticated) {
        try {
            return authenticated ? "PONG".equals(call(port, "PING")) : RespClient.pings(port);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void awaitTrue(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet: a server still starting, or a Sentinel between two states
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + bound.toSeconds() + " s");
            }
            Cluster.sleep(Duration.ofMillis(100));
        }
    }

    /** Prints the end of every server's log, to diagnose a failure. */
    void printLogTails() {
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                System.out.println("----- last 15 lines of " + log.getFileName() + " -----");
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.out::println);
            }
        } catch (IOException e) {
            System.out.println("[e2e] cannot read the Sentinel logs: " + e);
        }
    }

    /** Kills every server and deletes the directory; never throws. */
    @Override
    public void close() {
        List<Server> all = new ArrayList<>(sentinels);
        all.addAll(dataNodes);
        for (Server server : all) {
            server.process().destroyForcibly();
        }
        for (Server server : all) {
            try {
                server.process().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StartedProcesses.forget(server.process());
        }
        try {
            Cluster.deleteTree(dir);
        } catch (RuntimeException e) {
            System.out.println("[e2e] could not delete " + dir + ": " + e.getMessage());
        }
    }
}
