package io.weathersync.app.master;

import io.weathersync.adapter.http.client.HttpSlaveExport;
import io.weathersync.adapter.jdbc.Database;
import io.weathersync.adapter.jdbc.JdbiLogRestore;
import io.weathersync.application.port.in.RestoreReport;
import io.weathersync.application.port.out.SlaveExport;
import io.weathersync.application.service.RestoreMasterService;
import io.weathersync.runtime.ConfigException;
import io.weathersync.runtime.NodeConfig;
import io.weathersync.runtime.Settings;
import io.weathersync.runtime.StartFailures;
import io.weathersync.wire.ChangeJson;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar app-master.jar restore --from URL[,URL...] [--replace] [--config FILE.yaml]}: rebuilds the
 * master's store (its {@code DB_URL}, as the master would open it; the master must be stopped) from the most
 * advanced of the slaves, reading each with its own {@code ADMIN_TOKEN} from {@code RESTORE_ADMIN_TOKENS} (one
 * token for all, or one per URL in order). Exit 0 restored, 1 restore failed, 2 bad usage or configuration.
 */
final class RestoreCommand {

    static final String TOKENS = "RESTORE_ADMIN_TOKENS";
    private static final int PAGE = 2000;
    private static final String USAGE = """
            Usage: java -jar app-master.jar restore --from URL[,URL...] [--replace] [--config FILE.yaml]

            Rebuilds a lost master's store from the most advanced of the given slaves: the same stream id, every
            reading with its seq, the same head, and the node registry with every slave's credentials. Stop the
            master first; start it again afterwards, and the slaves continue on the same stream without a resync.

              --from URL[,URL...]  the slaves' base URLs (http://host:8081)
              --replace            overwrite a store that is not empty (what it holds is lost)
              --config FILE.yaml   the master's configuration: the store is its DB_URL (or the H2 file in DATA_DIR)

            Environment: RESTORE_ADMIN_TOKENS  each slave's own ADMIN_TOKEN: one for all, or one per URL in order;
            the master's settings (DB_URL, DB_USER, DB_PASSWORD, DATA_DIR) as for running it.
            """;

    private RestoreCommand() {
    }

    /** Runs the command and returns its exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        NodeConfig node;
        List<String> tokens;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.print(USAGE);
                return 0;
            }
            node = MasterSettings.read(Settings.load(options.config(), env, MasterSettings.all())).node();
            tokens = tokens(env, options.from().size());
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<HttpSlaveExport> slaves = new ArrayList<>();
        try {
            for (int i = 0; i < options.from().size(); i++) {
                slaves.add(new HttpSlaveExport(options.from().get(i), tokens.get(i), new ChangeJson()));
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try (Database database = Database.open(node.dbUrl(), node.dbUser(), node.dbPassword().orElse(""))) {
            out.println("restoring the master's store from the most advanced of " + slaves.size() + " slave(s)");
            RestoreReport report = new RestoreMasterService(new JdbiLogRestore(database), PAGE)
                    .restore(List.<SlaveExport>copyOf(slaves), options.replace());
            out.println("restored " + report.readings() + " readings of stream " + report.stream() + ", head "
                    + report.head() + ", and " + report.nodes() + " registry nodes from " + report.from());
            report.skipped().forEach(skip -> out.println("  not used: " + skip));
            out.println("start the master now: the slaves continue on stream " + report.stream()
                    + " without a resync");
            return 0;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("error: restore failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + StartFailures.explain(e, node));
            return 1;
        } finally {
            slaves.forEach(HttpSlaveExport::close);
        }
    }

    private static List<String> tokens(Map<String, String> env, int slaves) {
        String value = env.getOrDefault(TOKENS, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(TOKENS + ": required, each slave's own ADMIN_TOKEN (one for all, or "
                    + "one per --from URL in order)");
        }
        List<String> tokens = Arrays.stream(value.split(",")).map(String::strip).toList();
        if (tokens.size() == 1) {
            return Collections.nCopies(slaves, tokens.getFirst());
        }
        if (tokens.size() != slaves || tokens.contains("")) {
            throw new IllegalArgumentException(TOKENS + ": give one token for all slaves or one per --from URL ("
                    + slaves + "), was " + tokens.size());
        }
        return tokens;
    }

    /** The parsed command line. */
    private record Options(boolean help, List<String> from, boolean replace, Optional<Path> config) {

        static Options parse(String[] args) {
            List<String> from = null;
            boolean replace = false;
            Path config = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        return new Options(true, List.of(), false, Optional.empty());
                    }
                    case "--replace" -> replace = true;
                    case "--from" -> from = Arrays.stream(value(args, ++i, "--from").split(","))
                            .map(String::strip).filter(url -> !url.isEmpty()).toList();
                    case "--config" -> config = Path.of(value(args, ++i, "--config"));
                    default -> throw new ConfigException("restore: unknown option '" + args[i] + "' (see restore "
                            + "--help)");
                }
            }
            if (from == null || from.isEmpty()) {
                throw new ConfigException("restore: --from needs at least one slave URL (see restore --help)");
            }
            return new Options(false, from, replace, Optional.ofNullable(config));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].isBlank()) {
                throw new ConfigException(option + " needs a value (see restore --help)");
            }
            return args[i];
        }
    }
}
