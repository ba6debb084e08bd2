package io.weathersync.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A node's command line: {@code --help}, or {@code [--config FILE.yaml]}. Hand-parsed: two options do not
 * justify a CLI library, and none is on the parent's dependency management.
 */
public sealed interface CommandLine {

    /** Print the usage and exit 0. */
    record Help() implements CommandLine {
    }

    /**
     * Run the node.
     *
     * @param configFile the YAML file, if one was given
     */
    record Run(Optional<Path> configFile) implements CommandLine {
    }

    /**
     * Parses the arguments.
     *
     * @throws ConfigException for an unknown option, a missing file name, or a repeated {@code --config}
     */
    static CommandLine parse(String... args) {
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Help();
            }
            String file;
            if (arg.equals("--config")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new ConfigException("--config needs a file name (see --help)");
                }
                file = args[++i];
            } else if (arg.startsWith("--config=")) {
                file = arg.substring("--config=".length());
                if (file.isBlank()) {
                    throw new ConfigException("--config needs a file name (see --help)");
                }
            } else {
                throw new ConfigException("unknown option '" + arg + "' (see --help)");
            }
            if (config != null) {
                throw new ConfigException("--config given twice");
            }
            config = Path.of(file);
        }
        return new Run(Optional.ofNullable(config));
    }
}
