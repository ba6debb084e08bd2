package io.weathersync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway MariaDB server of the test's own, inside a network namespace (the shared one on 127.0.0.1 is not
 * reachable from there): a data directory made by {@code mariadb-install-db}, {@code mariadbd} listening on the
 * namespace's {@code 127.0.0.1:3306} (the hosts reach it through a {@link NetnsRelay} on the namespace's address),
 * root allowed from there, one database {@code ws_partition}. The test reads it with the {@code mariadb} client
 * through the server's Unix socket file, which works from any namespace.
 * {@link #close} stops the server and deletes its data.
 */
final class NetnsMariaDb implements AutoCloseable {

    static final String DATABASE = "ws_partition";

    private final Path dir;
    private final String address;
    private final Thread hook = new Thread(this::close, "e2e-mariadb-reaper");
    private Process server;

    private NetnsMariaDb(Path dir, String address) {
        this.dir = dir;
        this.address = address;
    }

    /** Installs and starts a server in the namespace {@code exec} runs in, which the hosts reach at {@code address}. */
    static NetnsMariaDb start(List<String> exec, String address) {
        NetnsMariaDb db;
        try {
            db = new NetnsMariaDb(Files.createTempDirectory("ws-mariadb-"), address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(db.hook);
        try {
            db.boot(exec);
            return db;
        } catch (RuntimeException | AssertionError e) {
            db.close();
            throw e;
        }
    }

    private void boot(List<String> exec) {
        Netns.run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), null);
        List<String> command = new ArrayList<>(exec);
        command.addAll(List.of("mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--socket=" + socket(), "--pid-file=" + dir.resolve("mariadbd.pid"), "--bind-address=127.0.0.1",
                "--port=3306", "--user=root", "--skip-name-resolve", "--skip-log-bin", "--innodb-buffer-pool-size=64M",
                "--max-connections=200", "--log-error=" + dir.resolve("error.log")));
        try {
            server = StartedProcesses.register(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mariadbd.out").toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                query("SELECT 1");
                break;
            } catch (AssertionError e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("mariadbd in the namespace did not answer within 60 s: " + errorLog(), e);
                }
                Cluster.sleep(Duration.ofMillis(200));
            }
        }
        String from = "'root'@'127.0.0.1'";
        query("CREATE USER IF NOT EXISTS " + from + "; GRANT ALL ON *.* TO " + from + "; CREATE DATABASE " + DATABASE
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    /** The JDBC URL the masters get as {@code DB_URL}: the server through the relay on the namespace's address. */
    String jdbcUrl() {
        return "jdbc:mysql://" + address + ":3306/" + DATABASE;
    }

    /** Runs {@code sql} with the {@code mariadb} client over the socket; the rows, tab-separated, no header. */
    String query(String sql) {
        return Netns.run(List.of("mariadb", "--no-defaults", "--socket=" + socket(), "-uroot", "-N", "-B",
                "--connect-timeout=5", "-e", sql), null);
    }

    private Path socket() {
        return dir.resolve("mysqld.sock");
    }

    private String errorLog() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error log)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Stops the server (SIGTERM, then SIGKILL after 20 s) and deletes its data directory; never throws. Also run by a
     * JVM shutdown hook, so a test JVM ended early leaves no server or data behind.
     */
    @Override
    public synchronized void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: this is the hook.
        }
        if (server != null) {
            server.destroy();
            try {
                if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                    server.waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
            StartedProcesses.forget(server);
        }
        try {
            Cluster.deleteTree(dir);
        } catch (UncheckedIOException e) {
            System.out.println("[e2e] could not delete " + dir + ": " + e.getMessage());
        }
    }
}
