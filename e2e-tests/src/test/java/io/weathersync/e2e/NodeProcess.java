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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node (an app jar) run as a real child process on a port chosen in advance (or on port 0: its URL is then
 * read from its {@code listening on} line), its stdout and stderr appended to one log file across restarts (each
 * start begins with a marker line), or to two when kept apart. It can be killed with SIGKILL, frozen with
 * SIGSTOP/SIGCONT, stopped with SIGTERM, started again with the same environment, or run with arguments until
 * it exits by itself ({@code --help}, a refused configuration).
 */
final class NodeProcess {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s\"]+)");
    /** DESIGN's run-contract variables: never inherited from the test's environment, the test sets them. */
    private static final List<String> CONTRACT = List.of("SERVER_HOST", "SERVER_PORT", "DATA_DIR", "DB_URL", "DB_USER",
            "DB_PASSWORD", "REDIS_URI", "REDIS_CHANNEL", "WEATHER_SOURCE", "WEATHER_CITIES", "WEATHER_POLL_INTERVAL",
            "OPEN_METEO_URL", "OPENWEATHERMAP_URL", "OPENWEATHERMAP_API_KEY", "ADMIN_TOKEN", "CASCADE_PARENT_URL",
            "CASCADE_API_KEY", "CASCADE_API_SECRET", "CASCADE_SYNC_INTERVAL", "CASCADE_HEARTBEAT_INTERVAL",
            "CASCADE_OFFLINE_AFTER", "CASCADE_FOLLOW_NEW_STREAM", "MASTER_LEASE_TIME", "MASTER_LEASE_RENEW", "LOG_LEVEL",
            "LOG_FORMAT", "NODE_NAME", "METRICS_ENABLED", "TRACING_ENABLED", "REDIS_METRICS_KEY", "READY_MAX_LAG");
    /**
     * Small JVMs (three nodes, Redis, MariaDB and the test share two cores): the serial collector and a bounded
     * heap. The JIT is left as it is, since the convergence times measured should be the product's.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m");

    private final String name;
    private final Path jar;
    private final int port;
    private final NodeLog log;
    /** Where stderr goes when kept apart from stdout; null when both go to {@link #log}. */
    private final NodeLog errors;
    private Map<String, String> env;
    private Process process;
    private boolean frozen;
    private int starts;
    private long lastStart;
    private long lastErrorsStart;
    private String listening;
    /** What the java command runs under (e.g. {@code ip netns exec NS}); empty = run directly. */
    private List<String> commandPrefix = List.of();

    NodeProcess(String name, Path jar, int port, Map<String, String> env, Path log) {
        this(name, jar, port, env, log, null);
    }

    /** A node whose stderr goes to {@code errors} apart from its stdout in {@code log} (when {@code errors} is set). */
    NodeProcess(String name, Path jar, int port, Map<String, String> env, Path log, Path errors) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = new LinkedHashMap<>(env);
        this.log = new NodeLog(log, name);
        this.errors = errors == null ? null : new NodeLog(errors, name);
    }

    String name() {
        return name;
    }

    /** Runs the java command of each later start under {@code prefix} (e.g. {@code ip netns exec NS}). */
    NodeProcess commandPrefix(List<String> prefix) {
        this.commandPrefix = List.copyOf(prefix);
        return this;
    }

    int port() {
        return port;
    }

    /** The base URL the node serves on: known before it starts, or on port 0 the one its last start printed. */
    String url() {
        if (port != 0) {
            return "http://127.0.0.1:" + port;
        }
        if (listening == null) {
            throw new IllegalStateException(name + " runs on port 0 and has not printed 'listening on' yet");
        }
        return listening;
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

    /**
     * Starts the jar (with {@code args}, e.g. {@code --config FILE}) and waits for its {@code listening on} line;
     * fails with the log's tail if it does not come.
     */
    synchronized void start(Duration bound, String... args) {
        awaitListening(launch(List.of(args)), bound);
    }

    /**
     * Runs the jar with {@code args} until it exits by itself; its exit code. What it printed is in {@link #stdout}
     * and {@link #stderr}. A run still going after {@code bound} is SIGKILLed and the failure reported.
     */
    synchronized int run(Duration bound, String... args) {
        launch(List.of(args));
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                awaitEnd(Duration.ofSeconds(10));
                throw new AssertionError(name + " still ran " + bound + " after its start; SIGKILLed it. " + tails());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        StartedProcesses.forget(process);
        return process.exitValue();
    }

    /** Starts {@code java -jar jar args}; the log offset where this run's output begins. */
    private long launch(List<String> args) {
        if (alive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: build the apps first "
                    + "(./mvnw -q -o -pl app-master,app-slave package -DskipTests)");
        }
        long from = log.mark("start #" + (++starts) + " with " + describeEnv());
        lastStart = from;
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(errors == null)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.path().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (errors != null) {
            lastErrorsStart = errors.mark("start #" + starts);
            builder.redirectError(ProcessBuilder.Redirect.appendTo(errors.path().toFile()));
        }
        builder.environment().keySet().removeAll(CONTRACT);
        builder.environment().putAll(env);
        try {
            process = StartedProcesses.register(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        frozen = false;
        listening = null;
        return from;
    }

    private void awaitListening(long from, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(log.since(from));
            if (matcher.find()) {
                if (port != 0 && !matcher.group(1).endsWith(":" + port)) {
                    throw new AssertionError(name + " listens on " + matcher.group(1) + ", expected port " + port);
                }
                listening = matcher.group(1);
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before 'listening on'; "
                        + tails());
            }
            sleep(50);
        }
        throw new AssertionError(name + " printed no 'listening on' within " + bound + "; " + tails());
    }

    /** The first line of the current (last) run's stdout matching {@code wanted}, waiting up to {@code bound}. */
    Optional<String> awaitLine(Predicate<String> wanted, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            boolean ended = !alive();
            Optional<String> found = stdout().stream().filter(wanted).findFirst();
            if (found.isPresent() || ended || System.nanoTime() > deadline) {
                return found;
            }
            sleep(50);
        }
    }

    /** The current (last) run's stdout lines (all of its output when stderr is not kept apart). */
    List<String> stdout() {
        return log.linesSince(lastStart);
    }

    /** The current (last) run's stderr lines; only for a node that keeps them apart. */
    List<String> stderr() {
        if (errors == null) {
            throw new IllegalStateException(name + " writes stderr into its stdout log " + log);
        }
        return errors.linesSince(lastErrorsStart);
    }

    private String tails() {
        String tails = "log " + log + ":\n" + String.join("\n", log.tail(40));
        return errors == null ? tails : tails + "\nstderr " + errors + ":\n" + String.join("\n", errors.tail(40));
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
                throw new AssertionError(name + " did not stop within " + bound + " of SIGTERM; SIGKILLed it. "
                        + tails());
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
                || key.contains("PASSWORD") ? "***" : value.replaceAll("//[^/@]+@", "//***@"))));
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
