package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherTest {

    private static final Setting PORT = Setting.of("server.port", "SERVER_PORT", "8080", "port");
    private static final Setting TOKEN = Setting.secret("admin.token", "ADMIN_TOKEN", "admin token");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void helpPrintsEveryVariableWithItsDefaultAndStartsNothing() {
        Optional<Integer> config = Launcher.configure(program(), new String[] {"--help"}, Map.of(), print());

        assertThat(config).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: java -jar test-node.jar [--config FILE.yaml]")
                .contains("SERVER_PORT", "server.port", "[default: 8080]")
                .containsPattern("ADMIN_TOKEN +- +admin token \\[secret, environment only\\]")
                .containsPattern("LOG_LEVEL +log.level +info, or debug.*\\[default: info\\]");
    }

    @Test
    void settingsReachTheProgramFromTheEnvironment() {
        assertThat(Launcher.configure(program(), new String[0], Map.of("SERVER_PORT", "9"), print())).contains(9);
    }

    @Test
    void aRecordRefusingItsValuesIsAConfigError() {
        assertThatThrownBy(() -> Launcher.configure(program(), new String[0], Map.of("SERVER_PORT", "1"), print()))
                .isInstanceOf(ConfigException.class).hasMessage("port: 1 is reserved");
        assertThatThrownBy(() -> Launcher.configure(program(), new String[] {"--verbose"}, Map.of(), print()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option '--verbose'");
    }

    @Test
    void logLevelIsInfoOrDebugAndAnythingElseIsAConfigError() {
        assertThat(Launcher.configure(program(), new String[0], Map.of("LOG_LEVEL", "debug"), print())).contains(8080);
        assertThat(Launcher.configure(program(), new String[0], Map.of("LOG_LEVEL", "INFO"), print())).contains(8080);
        assertThatThrownBy(() -> Launcher.configure(program(), new String[0], Map.of("LOG_LEVEL", "trace"), print()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("LOG_LEVEL (log.level)='trace' (from the environment): must be info or debug");
    }

    private PrintStream print() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** A node whose config is its port, refusing port 1 the way a validating record would. */
    private static NodeProgram<Integer> program() {
        return new NodeProgram<>() {
            @Override
            public String name() {
                return "test-node";
            }

            @Override
            public String description() {
                return "A node for tests.";
            }

            @Override
            public List<Setting> settings() {
                return List.of(PORT, TOKEN);
            }

            @Override
            public Integer configure(Settings settings) {
                int port = settings.port(PORT);
                if (port == 1) {
                    throw new IllegalArgumentException("port: 1 is reserved");
                }
                return port;
            }

            @Override
            public NodeConfig node(Integer config) {
                return new NodeConfig("127.0.0.1", config, Path.of("data"), "jdbc:h2:mem:test", "", Optional.empty(),
                        Optional.empty(), "weather:readings");
            }

            @Override
            public void start(Integer config, Lifecycle lifecycle) {
                throw new AssertionError("not started by configure");
            }
        };
    }
}
