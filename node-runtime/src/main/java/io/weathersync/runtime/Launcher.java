package io.weathersync.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code main} every node shares: logging, the command line, settings, start, and a clean stop.
 *
 * <p>Exit codes: 0 after {@code --help} and after a stop on SIGTERM/SIGINT; 2 for a bad option or
 * configuration (one line {@code error: reason} on stderr); 1 when starting failed (one line {@code error: …}
 * naming the setting to fix, see {@link StartFailures}; its stack trace only with {@code LOG_LEVEL=debug}).
 * SIGTERM is handled as a
 * signal rather than only by a shutdown hook because the JVM exits 143 after a hook, and because JUL's own
 * hook may close the log handlers before ours logs {@code stopped}: here the node stops, logs, then exits 0.
 */
public final class Launcher {

    /** Exit code of a bad option or configuration. */
    public static final int EXIT_CONFIG = 2;
    /** Exit code of a failed start. */
    public static final int EXIT_START = 1;
    private static final Duration STOP_BOUND = Duration.ofSeconds(40);
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    /** Runs {@code program} as the process' main; returns only by exiting the JVM. */
    public static <C> void main(NodeProgram<C> program, String[] args) {
        boolean toStdout = NodeLogging.configure();
        Optional<C> config;
        try {
            config = configure(program, args, System.getenv(), System.out);
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        if (config.isEmpty()) {
            System.exit(0);
            return;
        }
        Lifecycle lifecycle = new Lifecycle(toStdout);
        onStopSignals(lifecycle);
        try {
            program.start(config.get(), lifecycle);
        } catch (ConfigException e) {
            // A setting only the start could check (e.g. one that depends on the weather source).
            System.err.println("error: " + e.getMessage());
            lifecycle.stop();
            System.exit(EXIT_CONFIG);
            return;
        } catch (Exception | LinkageError e) {
            LOG.debug("start failed", e);
            System.err.println("error: " + StartFailures.explain(e, program.node(config.get())));
            lifecycle.stop();
            System.exit(EXIT_START);
            return;
        }
        awaitExit();
    }

    /**
     * Parses the command line and reads the settings; empty when the usage was printed instead.
     *
     * @throws ConfigException for a bad option or setting
     */
    static <C> Optional<C> configure(NodeProgram<C> program, String[] args, Map<String, String> env,
                                     PrintStream out) {
        CommandLine command = CommandLine.parse(args);
        List<Setting> table = new ArrayList<>(program.settings());
        table.add(NodeLogging.LOG_LEVEL);
        table.add(NodeLogging.LOG_FORMAT);
        table.add(NodeLogging.NODE_NAME);
        if (command instanceof CommandLine.Run run) {
            Settings settings = Settings.load(run.configFile(), env, table);
            NodeLogging.level(settings);
            NodeLogging.format(settings, program.name());
            settings.unknownKeys().forEach(key -> LOG.warn("config file: ignoring '{}', not a setting of {}",
                    key, program.name()));
            try {
                return Optional.of(program.configure(settings));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        out.print(Usage.text(program.name(), program.description(), table));
        out.flush();
        return Optional.empty();
    }

    private static void onStopSignals(Lifecycle lifecycle) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG{} received", name);
                    watchdog();
                    lifecycle.stop();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot handle SIG{} ({}); relying on the shutdown hook", name, e.getMessage());
            }
        }
        // Any other way out of the JVM (SIGHUP, System.exit elsewhere) still closes what is open.
        Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stop, "node-shutdown"));
    }

    /** Ends the process if stopping hangs, so a stop is always bounded. */
    private static void watchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_BOUND.toMillis());
                System.err.println("error: stop did not finish within " + Durations.format(STOP_BOUND) + "; halting");
                Runtime.getRuntime().halt(EXIT_START);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void awaitExit() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
