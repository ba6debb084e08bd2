package io.weathersync.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node (an app jar) run as a real child process on a port chosen in advance, its stdout and stderr
 * appended to one log file across restarts (each start begins with a marker line). It can be killed with
 * SIGKILL, frozen with SIGSTOP/SIGCONT, stopped with SIGTERM, and started again with the same environment.
 */
final class NodeProcess {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    /** DESIGN's run-contract variables: never inherited from the test's environment, the test sets them. */
    private static final List<String> CONTRACT = List.of("SERVER_HOST", "SERVER_PORT", "DATA_DIR", "DB_URL", "DB_USER",
            "DB_PASSWORD", "REDIS_URI", "REDIS_CHANNEL", "WEATHER_SOURCE", "WEATHER_CITIES", "WEATHER_POLL_INTERVAL",
            "OPEN_METEO_URL", "OPENWEATHERMAP_URL", "OPENWEATHERMAP_API_KEY", "ADMIN_TOKEN", "CASCADE_PARENT_URL",
            "CASCADE_API_KEY", "CASCADE_API_SECRET", "CASCADE_SYNC_INTERVAL", "CASCADE_HEARTBEAT_INTERVAL",
            "CASCADE_OFFLINE_AFTER");
    /**
     * Small JVMs (three nodes, Redis, MariaDB and the test share two cores): the serial collector and a bounded
     * heap. The JIT is left as it is, since the convergence times measured should be the product's.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m");

    private final String name;
    private final Path jar;
    private final int port;
    private final NodeLog log;
    private Map<String, String> env;
    private Process process;
    private boolean frozen;
    private int starts;
    private long lastStart;

    NodeProcess(String name, Path jar, int port, Map<String, String> env, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = new LinkedHashMap<>(env);
        this.log = new NodeLog(log, name);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The base URL the node serves on, known before it starts. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    NodeLog log() {
        return log;
    }

    /** A copy of the environment the next start uses. */
    Map<String, String> env() {
        return new LinkedHashMap<>(env);
    }

    /** Replaces variables for the next start (e.g. new credentials). */
    void putEnv(Map<String, String> changes) {
        env.putAll(changes);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** Starts the jar and waits for its {@code listening on} line; fails with the log's tail if it does not come. */
    synchronized void start(Duration bound) {
        if (alive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: build the apps first "
                    + "(./mvnw -q -o -pl app-master,app-slave package -DskipTests)");
        }
        long from = log.mark("start #" + (++starts) + " with " + describeEnv());
        lastStart = from;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.path().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeAll(CONTRACT);
        builder.environment().putAll(env);
        try {
            process = StartedProcesses.register(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        frozen = false;
        awaitListening(from, bound);
    }

    private void awaitListening(long from, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(log.since(from));
            if (matcher.find()) {
                if (!matcher.group(1).endsWith(":" + port)) {
                    throw new AssertionError(name + " listens on " + matcher.group(1) + ", expected port " + port);
                }
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before 'listening on'; "
                        + "log " + log + ":\n" + String.join("\n", log.tail(40)));
            }
            sleep(50);
        }
        throw new AssertionError(name + " printed no 'listening on' within " + bound + "; log " + log + ":\n"
                + String.join("\n", log.tail(40)));
    }

    /** SIGKILL ({@code kill -9 pid}); waits until it is gone and checks it died of that signal. */
    synchronized void kill9() {
        long pid = pid();
        log.mark("kill -9 " + pid);
        Signals.send("9", pid);
        int exit = awaitEnd(Duration.ofSeconds(10));
        if (exit != 128 + 9) {
            throw new AssertionError(name + " ended with " + exit + " after kill -9, expected 137");
        }
    }

    /** SIGSTOP: the process is frozen, its sockets stay open. */
    synchronized void sigstop() {
        log.mark("kill -STOP " + pid());
        Signals.send("STOP", pid());
        frozen = true;
    }

    /** SIGCONT after {@link #sigstop}. */
    synchronized void sigcont() {
        Signals.send("CONT", pid());
        frozen = false;
        log.mark("kill -CONT " + pid());
    }

    /** The log offset where the current (last) run's output begins. */
    long lastStart() {
        return lastStart;
    }

    boolean frozen() {
        return frozen && alive();
    }

    /**
     * SIGTERM and wait for a clean exit; returns the exit code. A node that does not stop within {@code bound}
     * is SIGKILLed and the failure reported (the contract says SIGTERM stops cleanly).
     */
    synchronized int stop(Duration bound) {
        if (!alive()) {
            return process == null ? 0 : process.exitValue();
        }
        if (frozen) {
            sigcont();
        }
        log.mark("kill -TERM " + pid());
        Signals.send("TERM", pid());
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                Signals.send("9", pid());
                awaitEnd(Duration.ofSeconds(10));
                throw new AssertionError(name + " did not stop within " + bound + " of SIGTERM; SIGKILLed it. Log "
                        + log + ":\n" + String.join("\n", log.tail(40)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        StartedProcesses.forget(process);
        return process.exitValue();
    }

    /** For teardown: stops by any means and never throws. */
    synchronized void stopQuietly() {
        if (!alive()) {
            return;
        }
        try {
            stop(Duration.ofSeconds(15));
        } catch (RuntimeException | AssertionError e) {
            System.out.println("[e2e] " + e.getMessage());
            process.destroyForcibly();
        }
    }

    private int awaitEnd(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still alive " + bound + " after kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        StartedProcesses.forget(process);
        frozen = false;
        return process.exitValue();
    }

    private String describeEnv() {
        List<String> shown = new ArrayList<>();
        env.forEach((key, value) -> shown.add(key + "=" + (key.contains("SECRET") || key.contains("TOKEN")
                || key.contains("PASSWORD") ? "***" : value.replaceAll("//[^:/@]+:[^@]+@", "//***@"))));
        return String.join(" ", shown);
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
