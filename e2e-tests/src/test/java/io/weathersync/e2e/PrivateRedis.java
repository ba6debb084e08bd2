package io.weathersync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} child of the test on its own free port (never the shared one), without persistence,
 * with a low pub/sub output-buffer limit so a frozen subscriber is dropped quickly, and with an ACL user
 * {@code master} whose rights a test can revoke. It can be stopped and started again on the same port; the
 * ACL file restores the users' full rights at every start.
 */
final class PrivateRedis implements AutoCloseable {

    static final String MASTER_USER = "master";
    static final String MASTER_PASSWORD = "e2e-master-pw";
    /**
     * A subscriber whose pending output passes 64 KiB is dropped: a SIGSTOPped one goes within seconds of the
     * kernel's socket buffers filling. No soft limit: Redis counts whole 16 KiB reply blocks, so a soft limit of
     * 16 KiB over 5 s dropped healthy subscribers of a steady 200 changes/s stream every ~10 s.
     */
    static final String PUBSUB_LIMIT = "pubsub 64kb 0 0";

    private final int port;
    private final Path dir;
    private final Path log;
    private Process process;
    private volatile String lastSockets = "";

    PrivateRedis(Path dir) {
        this.port = FreePorts.pick();
        this.dir = dir;
        this.log = dir.resolve("redis.log");
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** The URI the slaves use (the default user). */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The URI the master uses: its own ACL user, so its publish right alone can be taken away. */
    String masterUri() {
        return "redis://" + MASTER_USER + ":" + MASTER_PASSWORD + "@127.0.0.1:" + port;
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    synchronized PrivateRedis start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("private redis already running on " + port);
        }
        try {
            Files.createDirectories(dir);
            Path acl = dir.resolve("users.acl");
            Files.writeString(acl, "user default on nopass ~* &* +@all\n"
                    + "user " + MASTER_USER + " on >" + MASTER_PASSWORD + " ~* &* +@all\n");
            Files.writeString(log, "[e2e] " + Instant.now() + " starting redis on " + port + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> command = Arrays.asList("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                    "--aclfile", acl.toString(), "--client-output-buffer-limit", PUBSUB_LIMIT,
                    "--daemonize", "no", "--loglevel", "notice");
            process = StartedProcesses.register(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is it installed?)", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!RespClient.pings(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("private redis on port " + port + " did not start; see " + log);
            }
            sleep(20);
        }
        return this;
    }

    /** Stops the server (SIGTERM; no persistence configured, so nothing is saved) and waits for its end. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        StartedProcesses.forget(process);
    }

    /** One command on this server. */
    Object call(String... args) {
        return RespClient.call(port, args);
    }

    /** {@code CLIENT LIST TYPE pubsub}, one line per subscribed connection. */
    List<String> pubsubClients() {
        return ((String) call("CLIENT", "LIST", "TYPE", "pubsub")).lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * The addresses ({@code ip:port}) of the pub/sub connections that process {@code pid} holds to this server,
     * matched through {@code ss -tnp} (the kernel's socket table) against {@code CLIENT LIST TYPE pubsub}.
     */
    List<String> pubsubAddressesOf(long pid) {
        List<String> local = new ArrayList<>();
        try {
            Process ss = new ProcessBuilder("ss", "-tnpH", "state", "established", "( dport = :" + port + " )")
                    .redirectErrorStream(true).start();
            String output = new String(ss.getInputStream().readAllBytes());
            ss.waitFor(10, TimeUnit.SECONDS);
            lastSockets = output;
            for (String line : output.lines().toList()) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 5 && line.contains("pid=" + pid + ",")) {
                    // Java's sockets show as IPv4-mapped IPv6 ([::ffff:127.0.0.1]:port); CLIENT LIST says 127.0.0.1:port.
                    local.add(columns[2].replace("[::ffff:", "").replace("]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ss", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return pubsubClients().stream().map(PrivateRedis::addr).filter(local::contains).toList();
    }

    /** What {@code ss} said at the last {@link #pubsubAddressesOf}, for a failure message. */
    String lastSockets() {
        return lastSockets;
    }

    /** The {@code addr=} field of a CLIENT LIST line. */
    static String addr(String clientLine) {
        for (String field : clientLine.split(" ")) {
            if (field.startsWith("addr=")) {
                return field.substring("addr=".length());
            }
        }
        return "";
    }

    /** How many PUBLISH calls this server refused (ACL), from {@code INFO commandstats}. */
    long rejectedPublishes() {
        String stats = (String) call("INFO", "commandstats");
        return stats.lines().filter(l -> l.startsWith("cmdstat_publish:")).findFirst()
                .map(l -> l.replaceAll(".*rejected_calls=(\\d+).*", "$1")).map(Long::parseLong).orElse(0L);
    }

    /** Publishes {@code message} on {@code channel}; returns how many subscribers got it. */
    long publish(String channel, String message) {
        return (Long) call("PUBLISH", channel, message);
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
