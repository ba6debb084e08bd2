package io.weathersync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real node (or bare server) JVM started from a jar or class, its log copied to a file, stopped by SIGTERM. */
final class NodeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+?):(\\d+)");

    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final long launchedNanos;
    private volatile long readyNanos;
    private volatile int port = -1;

    private NodeProcess(Process process, long launchedNanos, Path log) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        Thread.ofPlatform().daemon().start(() -> copy(log));
    }

    /** Starts {@code java [jvmArgs] -jar jar} (or {@code -cp cp main}) with the environment added. */
    static NodeProcess start(List<String> javaArgs, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Benchmarks measure capacity from one loopback client: the per-address rate limits would measure 429s.
        builder.environment().put("RATE_LIMIT_READS", "0");
        builder.environment().put("RATE_LIMIT_WRITES", "0");
        builder.environment().putAll(env);
        Files.createDirectories(log.getParent());
        long launched = System.nanoTime();
        return new NodeProcess(builder.start(), launched, log);
    }

    static List<String> jar(Path jar, String... jvmArgs) {
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.add("-jar");
        args.add(jar.toString());
        return args;
    }

    private void copy(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                out.flush();
                Matcher m = LISTENING.matcher(line);
                if (port < 0 && m.find()) {
                    readyNanos = System.nanoTime();
                    port = Integer.parseInt(m.group(2));
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; waitReady reports it
        }
    }

    /** Waits for the {@code listening on} line; fails with the log's name when the node exits or is slow. */
    NodeProcess waitReady(long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!ready.await(50, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(what + " did not log 'listening on' (exit/timeout); see its log");
            }
        }
        return this;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Freezes the JVM (SIGSTOP) so that none of its threads (GC, JIT, the store's writer, periodic tasks) takes a
     * core from a node measured beside it; {@link #resume()} undoes it, and {@link #close()} resumes first.
     */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (process.isAlive() && new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /** Milliseconds from launch to the {@code listening on} line. */
    double startMillis() {
        return (readyNanos - launchedNanos) / 1e6;
    }

    /** CPU time the JVM used so far (user + system, all threads), in milliseconds, from /proc (10 ms ticks). */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;   // utime, stime (fields 14, 15)
    }

    /** Resident set size in MiB, from /proc. */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            resume();   // a stopped JVM would hold SIGTERM until it is continued
        } catch (IOException e) {
            // destroyForcibly below still ends it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
