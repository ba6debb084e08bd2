package io.weathersync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A master and N slaves as real processes on loopback, provisioned as an operator would: the master starts,
 * each slave is registered through the admin API with its {@code api_url}, gets its credentials, and starts
 * with them. Owns its private Redis and MariaDB database (per topology) and stops everything in {@link #close}.
 */
final class Cluster implements AutoCloseable {

    static final Duration START_BOUND = Duration.ofSeconds(60);
    static final Duration STOP_BOUND = Duration.ofSeconds(20);

    /** One slave: its process and its current registration on the master. */
    static final class Slave {
        private final NodeProcess process;
        private String nodeId;

        Slave(NodeProcess process, String nodeId) {
            this.process = process;
            this.nodeId = nodeId;
        }

        NodeProcess process() {
            return process;
        }

        String nodeId() {
            return nodeId;
        }
    }

    private final Topology topology;
    private final Path dataDir;
    private final Path logDir;
    private final String adminToken;
    private final String channel;
    private final List<TestDatabase> databases = new ArrayList<>();
    private PrivateRedis redis;
    private NodeProcess master;
    private final List<Slave> slaves = new ArrayList<>();
    private final List<String> issuedSecrets = new ArrayList<>();
    private int storeGeneration;

    private Cluster(Topology topology, Path dataDir, Path logDir) {
        this.topology = topology;
        this.dataDir = dataDir;
        this.logDir = logDir;
        String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        this.adminToken = "e2e-admin-" + suffix;
        this.channel = "e2e:readings:" + suffix;
    }

    /** Starts a master and {@code slaveCount} slaves of {@code topology}; on any failure stops what it started. */
    static Cluster start(Topology topology, Path outputDir, int slaveCount) {
        Path dataDir = outputDir.resolve("e2e-data").resolve(topology.dirName());
        Path logDir = outputDir.resolve("e2e-logs").resolve(topology.dirName());
        deleteTree(dataDir);
        deleteTree(logDir);
        Cluster cluster = new Cluster(topology, dataDir, logDir);
        try {
            cluster.boot(slaveCount);
            return cluster;
        } catch (RuntimeException | AssertionError e) {
            cluster.printLogTails(40);
            cluster.close();
            throw e;
        }
    }

    private void boot(int slaveCount) {
        if (topology.redis()) {
            redis = new PrivateRedis(dataDir.resolve("redis")).start();
        }
        int masterPort = FreePorts.pick();
        master = new NodeProcess("master", Jars.master(), masterPort, masterEnv(masterPort),
                logDir.resolve("master.log"));
        master.start(START_BOUND);
        for (int i = 1; i <= slaveCount; i++) {
            String name = "slave-" + i;
            int port = FreePorts.pick();
            AdminApi.Credentials credentials = provision(name, "http://127.0.0.1:" + port);
            NodeProcess process = new NodeProcess(name, Jars.slave(), port, slaveEnv(name, port, credentials),
                    logDir.resolve(name + ".log"));
            slaves.add(new Slave(process, credentials.nodeId()));
        }
        slaves.parallelStream().forEach(slave -> slave.process().start(START_BOUND));
    }

    private Map<String, String> masterEnv(int port) {
        Map<String, String> env = NodeEnvironment.master(port, dataDir.resolve("master"), adminToken, redis, channel);
        env.putAll(storeEnv());
        return env;
    }

    /** A fresh store for the master: a new MariaDB database, or a new H2 file in its data directory. */
    private Map<String, String> storeEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        storeGeneration++;
        if (topology.masterOnMariaDb()) {
            TestDatabase database = TestDatabase.create();
            databases.add(database);
            env.put("DB_URL", database.jdbcUrl());
            env.put("DB_USER", database.user());
            if (!database.password().isEmpty()) {
                env.put("DB_PASSWORD", database.password());
            }
        } else if (storeGeneration > 1) {
            env.put("DB_URL", "jdbc:h2:file:" + dataDir.resolve("master").resolve("weather-" + storeGeneration)
                    .toAbsolutePath());
        }
        return env;
    }

    private Map<String, String> slaveEnv(String name, int port, AdminApi.Credentials credentials) {
        Map<String, String> env = NodeEnvironment.slave(port, slaveDataDir(name), master.url(), credentials, redis,
                channel);
        // Each slave's own admin token (follow a new stream, the export a master restore reads).
        env.put("ADMIN_TOKEN", slaveAdminToken(name));
        return env;
    }

    /** A slave's own {@code ADMIN_TOKEN}: not the master's, so a test shows that each node checks its own. */
    String slaveAdminToken(String name) {
        return adminToken + "-" + name;
    }

    Path slaveDataDir(String name) {
        return dataDir.resolve(name);
    }

    /** Registers a child node with {@code apiUrl} and issues its credentials, through the admin API. */
    AdminApi.Credentials provision(String name, String apiUrl) {
        AdminApi.Credentials credentials = admin().provision(name, "e2e " + topology.label(), apiUrl);
        issuedSecrets.add(credentials.apiSecret());
        return credentials;
    }

    /** Every secret the master issued in this run, and the admin token: none may ever appear in a log. */
    List<String> secrets() {
        List<String> all = new ArrayList<>(issuedSecrets);
        all.add(adminToken);
        return all;
    }

    /** The log files of every node this run started. */
    List<Path> logs() {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enables or disables a slave's node on the master. */
    void setActive(Slave slave, boolean active) {
        admin().setActive(slave.nodeId(), active);
    }

    AdminApi admin() {
        return new AdminApi(master.url(), adminToken);
    }

    String adminToken() {
        return adminToken;
    }

    String channel() {
        return channel;
    }

    Topology topology() {
        return topology;
    }

    NodeProcess master() {
        return master;
    }

    List<Slave> slaves() {
        return List.copyOf(slaves);
    }

    PrivateRedis redis() {
        return Objects.requireNonNull(redis, "this topology has no Redis");
    }

    List<NodeProcess> nodes() {
        return Stream.concat(Stream.of(master), slaves.stream().map(Slave::process)).toList();
    }

    /** A node's digest. */
    static Digest digest(NodeProcess node) {
        return Convergence.digest(node);
    }

    /**
     * Polls every node's digest until all equal the master's and returns how long that took; past {@code bound}
     * fails naming each node whose digest differs, with its log.
     */
    Duration awaitConvergence(Duration bound) {
        return Convergence.await(master, nodes(), bound);
    }

    /** Starts whatever a failed earlier fault left down, and continues a frozen one. */
    void ensureRunning() {
        if (redis != null && !RespClient.pings(redis.port())) {
            redis.start();
        }
        for (NodeProcess node : nodes()) {
            if (node.frozen()) {
                node.sigcont();
            }
            if (!node.alive()) {
                node.start(START_BOUND);
            }
        }
    }

    /**
     * Re-initialises the master's store as an operator would: stop the slaves and the master, give the master a
     * new empty database, start it, register the slaves again with new credentials, and start each on its old
     * data directory with them. {@code afterMasterStopped} runs while the master is down.
     *
     * <p>The slaves are stopped first because slaves still calling with their old credentials make the master
     * throttle their address (10 failed authentications a minute), which on one host also refuses the admin
     * and the re-provisioned slaves with 429 for up to a minute.
     */
    void reinitialiseMaster(Runnable afterMasterStopped) {
        for (Slave slave : slaves) {
            slave.process().stop(STOP_BOUND);
        }
        master.stop(STOP_BOUND);
        afterMasterStopped.run();
        master.putEnv(storeEnv());
        master.start(START_BOUND);
        for (Slave slave : slaves) {
            AdminApi.Credentials credentials = provision(slave.process().name(), slave.process().url());
            slave.nodeId = credentials.nodeId();
            slave.process().putEnv(NodeEnvironment.credentials(credentials));
        }
        slaves.parallelStream().forEach(slave -> slave.process().start(START_BOUND));
    }

    /**
     * Stops the master, runs {@code app-master.jar restore --from} every slave {@code --replace} with each slave's
     * own admin token, and starts the master again; returns the restore's report line (fails on a non-zero exit).
     */
    String restoreMasterFromSlaves() {
        master.stop(STOP_BOUND);
        String from = String.join(",", slaves.stream().map(s -> s.process().url()).toList());
        master.putEnv(Map.of("RESTORE_ADMIN_TOKENS", String.join(",", slaves.stream()
                .map(s -> slaveAdminToken(s.process().name())).toList())));
        long started = System.nanoTime();
        int exit = master.run(START_BOUND, "restore", "--from", from, "--replace");
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> printed = master.stdout();
        if (exit != 0) {
            throw new AssertionError("restore exited " + exit + ": " + String.join(" | ", printed));
        }
        master.start(START_BOUND);
        return printed.stream().filter(line -> line.startsWith("restored ")).findFirst().orElse("restored ?")
                + String.format(" in %.1f s", seconds);
    }

    /** Prints the last {@code lines} lines of each node's log (and the private Redis'), to diagnose a failure. */
    void printLogTails(int lines) {
        List<NodeProcess> all = new ArrayList<>();
        if (master != null) {
            all.add(master);
        }
        slaves.forEach(s -> all.add(s.process()));
        for (NodeProcess node : all) {
            System.out.println("----- last " + lines + " lines of " + node.name() + " (" + node.log() + ") -----");
            if (node.log().exists()) {
                node.log().tail(lines).forEach(System.out::println);
            }
        }
        if (redis != null && Files.exists(redis.log())) {
            System.out.println("----- last 10 lines of private redis (" + redis.log() + ") -----");
            try {
                List<String> log = Files.readAllLines(redis.log());
                log.subList(Math.max(0, log.size() - 10), log.size()).forEach(System.out::println);
            } catch (IOException e) {
                System.out.println(e);
            }
        }
    }

    /** Stops every node (SIGTERM, then SIGKILL), the private Redis, and drops the databases; never throws. */
    @Override
    public void close() {
        for (Slave slave : slaves) {
            slave.process().stopQuietly();
        }
        if (master != null) {
            master.stopQuietly();
        }
        if (redis != null) {
            redis.stop();
        }
        for (TestDatabase database : databases) {
            try {
                database.close();
            } catch (RuntimeException | AssertionError e) {
                System.out.println("[e2e] could not drop " + database.name() + ": " + e.getMessage());
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes {@code root} and everything under it, if it exists. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Deletes a slave's data directory (it must be stopped). */
    void wipe(Path dir) {
        deleteTree(dir);
    }
}
