package io.weathersync.e2e;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/demo}, the README's first command, run as a newcomer runs it (from the repository root, on the
 * built jars): it converges on equal digests, and whatever way it ends, none of the processes it started is left.
 */
class DemoScriptIT {

    private static final Path MODULE = Path.of(System.getProperty("e2e.outputDir", "target")).toAbsolutePath()
            .getParent();
    private static final Path ROOT = MODULE.getParent();
    private static final Path DEMO = ROOT.resolve("bin").resolve("demo");
    private static final Path WORK = MODULE.resolve("target").resolve("demo-it");
    /** --check's own bound is 120 s; the script then stops three JVMs, each bounded at 20 s. */
    private static final Duration CHECK_BOUND = Duration.ofSeconds(200);
    private static final Duration QUICK_BOUND = Duration.ofSeconds(30);
    private static final Pattern DIGEST = Pattern.compile("(?m)^  digest (\\S+)\\s+(stream=.*)$");
    private static final Pattern PIDS = Pattern.compile("(?m)^pids:((?: \\S+=\\d+)+)$");

    /** With JSON logs, whose {@code listening on} line is a JSON object (the SIGTERM case below runs on text logs). */
    @Test
    void checkConvergesOnThreeEqualDigestsThenStopsEveryProcess() {
        Path dir = freshDir("check");
        Demo.Result result = Demo.start(List.of("--check", "--timeout", "120", "--dir", dir.toString()),
                Map.of("LOG_FORMAT", "json")).await(CHECK_BOUND);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("weather source: simulated: SIMULATED readings");
        Map<String, String> digests = new LinkedHashMap<>();
        Matcher digest = DIGEST.matcher(result.output());
        while (digest.find()) {
            digests.put(digest.group(1), digest.group(2).strip());
        }
        assertThat(digests).as(result.output()).containsOnlyKeys("master", "slave1", "slave2");
        assertThat(Set.copyOf(digests.values())).as("the three digests").hasSize(1);
        assertThat(digests.get("master")).as("the master's digest names data")
                .matches("stream=[0-9a-f-]{36} applied_seq=[1-9]\\d* rows=[1-9]\\d* hash=[0-9a-f]{64}");
        assertNothingLeft(result, dir);
    }

    @Test
    void checkWithASourceGivingNothingSaysNoReadingsYetAndWhyTheHeadStandsStill() throws IOException {
        Path dir = freshDir("no-source");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Demo.Result result = Demo.start(List.of("--check", "--timeout", "25", "--slaves", "1", "--source", "open-meteo",
                "--dir", dir.toString()), Map.of("OPEN_METEO_URL", "http://127.0.0.1:" + closed)).await(CHECK_BOUND);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("no readings yet after 25 s")
                .containsPattern("master head 0 \\(not moving: weather source open-meteo gave no reading in the last "
                        + "poll: Open-Meteo forecast: .+ \\(10 of 10 cities\\)\\)")
                .doesNotContain("the digests did not agree");
        assertNothingLeft(result, dir);
    }

    @Test
    void sigtermStopsEveryNodeCleanly() {
        Path dir = freshDir("sigterm");
        Demo demo = Demo.start(List.of("--slaves", "1", "--dir", dir.toString()), Map.of());
        String shown = demo.awaitOutput(out -> out.contains("] online 2/2 |"), CHECK_BOUND);
        Map<String, Long> pids = pids(shown);
        assertThat(pids).as(shown).containsOnlyKeys("master", "slave1");
        assertThat(pids.values()).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        // SIGTERM, as `kill PID` sends it (Process.destroy() would also close our end of the output)
        demo.process.toHandle().destroy();
        Demo.Result result = demo.await(Duration.ofSeconds(90));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SIGTERM: stopping.", "Nothing left running.");
        assertNothingLeft(result, dir);
        for (String node : pids.keySet()) {
            assertThat(dir.resolve("logs").resolve(node + ".log")).as(node + " stopped on its own SIGTERM handling")
                    .content().contains("SIGTERM received").contains("stopped");
        }
    }

    @Test
    void javaHomeOfJdk17WithNoOtherJdkIsRefusedWithAClearMessage() throws IOException {
        Path fakeJdk = WORK.resolve("fake-jdk-17");
        Path java = fakeJdk.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\n"
                + "echo '    java.home = " + fakeJdk + "' >&2\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Path noJdks = Files.createDirectories(WORK.resolve("no-jdks"));
        Path dir = freshDir("jdk17");

        Demo.Result result = Demo.start(List.of("--check", "--dir", dir.toString()), Map.of(
                "JAVA_HOME", fakeJdk.toString(),
                "DEMO_JDK_DIRS", noJdks.toString(),
                "PATH", java.getParent() + ":/usr/bin:/bin")).await(QUICK_BOUND);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("no JDK 21 or newer found; weather-sync needs Java 21+",
                "JAVA_HOME: " + fakeJdk + " is Java 17 (too old)", "java on PATH (" + java + ")",
                "set JAVA_HOME to it").doesNotContain("Starting the master");
        assertThat(dir).as("nothing was set up").doesNotExist();
    }

    @Test
    void helpNamesEveryOptionAndABadOneIsRefusedBeforeAnythingStarts() {
        Demo.Result help = Demo.start(List.of("--help"), Map.of()).await(QUICK_BOUND);
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: bin/demo", "--source", "open-meteo", "openweathermap", "simulated",
                "--slaves", "--redis", "--db-url", "--check", "--timeout", "--dir", "--build", "JAVA_HOME");

        Path dir = freshDir("bad-option");
        Demo.Result bad = Demo.start(List.of("--slaves", "0", "--dir", dir.toString()), Map.of()).await(QUICK_BOUND);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("--slaves: must be a whole number from 1 to 9, was '0'");
        assertThat(dir).doesNotExist();
    }

    /** Every pid the demo printed is gone, and no process of the run (nodes, watchdog) is left, within a moment. */
    private static void assertNothingLeft(Demo.Result result, Path dir) {
        Map<String, Long> pids = pids(result.output());
        assertThat(pids).as(result.output()).isNotEmpty();
        pids.forEach((node, pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(true)))
                .as(node + " (pid " + pid + ") after bin/demo exited").isEmpty());
        String marker = "-Dweathersync.demo.run=" + dir;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> left;
        do {
            left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .filter(line -> line.contains(marker)).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline && pause());
        assertThat(left).as("processes of this run still running").isEmpty();
    }

    private static Map<String, Long> pids(String output) {
        Map<String, Long> pids = new LinkedHashMap<>();
        Matcher line = PIDS.matcher(output);
        if (line.find()) {
            for (String pair : line.group(1).strip().split(" ")) {
                pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
        }
        return pids;
    }

    private static Path freshDir(String name) {
        return WORK.resolve(name + "-" + System.nanoTime());
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One run of {@code bin/demo} from the repository root, its stdout and stderr collected as they come. */
    private record Demo(Process process, StringBuffer output, Thread reader) {

        record Result(int exitCode, String output) {
        }

        static Demo start(List<String> args, Map<String, String> env) {
            List<String> command = new ArrayList<>(List.of(DEMO.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
            // The JDK running this test is a JDK 21+; the demo should not go looking for another one.
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(env);
            try {
                Process process = builder.start();
                process.getOutputStream().close();
                StringBuffer output = new StringBuffer();
                Thread reader = Thread.ofVirtual().start(() -> copy(process, output));
                return new Demo(process, output, reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + DEMO, e);
            }
        }

        private static void copy(Process process, StringBuffer output) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("[reading the output failed: ").append(e).append("]\n");
            }
        }

        /** The output so far, once {@code shown} holds for it; past {@code bound}, stops the demo and fails. */
        String awaitOutput(Predicate<String> shown, Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            while (!shown.test(output.toString())) {
                if (!process.isAlive() || System.nanoTime() > deadline || !pause()) {
                    process.toHandle().destroy();
                    Result result = await(Duration.ofSeconds(60));
                    throw new AssertionError("bin/demo did not get there within " + bound + " (exit "
                            + result.exitCode() + "):\n" + result.output());
                }
            }
            return output.toString();
        }

        /** Waits for the demo to exit; past {@code bound} it is sent SIGTERM, then SIGKILL, and the run fails. */
        Result await(Duration bound) {
            try {
                if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.toHandle().destroy();
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                    reader.join(Duration.ofSeconds(5));
                    throw new AssertionError("bin/demo did not finish within " + bound + ":\n" + output);
                }
                reader.join(Duration.ofSeconds(10));
                return new Result(process.exitValue(), output.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new AssertionError("interrupted while waiting for bin/demo", e);
            }
        }
    }
}
