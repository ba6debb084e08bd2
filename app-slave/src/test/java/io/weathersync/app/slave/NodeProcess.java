package io.weathersync.app.slave;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built jar run as a real process, its stdout and stderr collected line by line. */
final class NodeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    /** Every variable of DESIGN's table: removed from the inherited environment so the test decides them. */
    private static final List<String> TABLE = List.of("SERVER_HOST", "SERVER_PORT", "DATA_DIR", "DB_URL", "DB_USER",
            "DB_PASSWORD", "REDIS_URI", "REDIS_CHANNEL", "WEATHER_SOURCE", "WEATHER_CITIES", "WEATHER_POLL_INTERVAL",
            "OPEN_METEO_URL", "OPENWEATHERMAP_URL", "OPENWEATHERMAP_API_KEY", "ADMIN_TOKEN", "CASCADE_PARENT_URL",
            "CASCADE_API_KEY", "CASCADE_API_SECRET", "CASCADE_SYNC_INTERVAL", "CASCADE_HEARTBEAT_INTERVAL",
            "CASCADE_OFFLINE_AFTER");

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> readers;

    private NodeProcess(Process process) {
        this.process = process;
        this.readers = List.of(collect(process.getInputStream(), out, "stdout"),
                collect(process.getErrorStream(), err, "stderr"));
    }

    /** Starts {@code java -jar jar args} with {@code env} over the inherited environment minus the table. */
    static NodeProcess start(Path jar, Map<String, String> env, String... args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(TABLE);
        builder.environment().putAll(env);
        return new NodeProcess(builder.start());
    }

    /** Waits for the {@code listening on URL} line on stdout; returns the URL. */
    String awaitListening(Duration bound) throws InterruptedException {
        String line = awaitLine(LISTENING.asPredicate(), bound)
                .orElseThrow(() -> new AssertionError("no 'listening on' within " + bound + "; stdout: " + stdout()
                        + "; stderr: " + stderr() + "; alive: " + process.isAlive()));
        Matcher matcher = LISTENING.matcher(line);
        matcher.find();
        return matcher.group(1);
    }

    /** The first stdout line matching, waiting up to {@code bound} (empty if the process ended without it). */
    Optional<String> awaitLine(Predicate<String> wanted, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (out) {
                Optional<String> found = out.stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            if (!process.isAlive()) {
                drain();
                synchronized (out) {
                    return out.stream().filter(wanted).findFirst();
                }
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** Waits for the process to end and its output to be read; its exit code. */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + bound + "; stdout: " + stdout());
        }
        drain();
        return process.exitValue();
    }

    /** Waits (bounded) until the readers have seen the end of both streams. */
    private void drain() throws InterruptedException {
        for (Thread reader : readers) {
            reader.join(5_000);
        }
    }

    /**
     * Sends SIGTERM. Through the process handle: {@code Process.destroy()} sends the same signal but also closes
     * this side's pipes, so what the node logs while stopping could no longer be read.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    List<String> stdout() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> stderr() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    /** Kills the process if still alive. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Thread collect(InputStream stream, List<String> into, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (into) {
                        into.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "node-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
