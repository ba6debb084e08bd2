package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void noArgumentsRunsOnDefaults() {
        assertThat(CommandLine.parse()).isEqualTo(new CommandLine.Run(Optional.empty()));
    }

    @Test
    void configFileIsTakenInBothForms() {
        assertThat(CommandLine.parse("--config", "node.yaml"))
                .isEqualTo(new CommandLine.Run(Optional.of(Path.of("node.yaml"))));
        assertThat(CommandLine.parse("--config=node.yaml"))
                .isEqualTo(new CommandLine.Run(Optional.of(Path.of("node.yaml"))));
    }

    @Test
    void helpWinsWherever() {
        assertThat(CommandLine.parse("--config", "x.yaml", "--help")).isInstanceOf(CommandLine.Help.class);
        assertThat(CommandLine.parse("-h")).isInstanceOf(CommandLine.Help.class);
    }

    @Test
    void unknownOptionMissingFileAndRepeatsAreRefused() {
        assertThatThrownBy(() -> CommandLine.parse("--port", "1")).isInstanceOf(ConfigException.class)
                .hasMessage("unknown option '--port' (see --help)");
        assertThatThrownBy(() -> CommandLine.parse("--config")).hasMessageContaining("needs a file name");
        assertThatThrownBy(() -> CommandLine.parse("--config=")).hasMessageContaining("needs a file name");
        assertThatThrownBy(() -> CommandLine.parse("--config", "a.yaml", "--config", "b.yaml"))
                .hasMessageContaining("given twice");
    }
}
