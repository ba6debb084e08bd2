package io.weathersync.runtime;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.yaml.YamlConfigParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads a node's YAML file with Helidon Config into flat {@code dotted.key → text} pairs; a list of values
 * becomes one comma-separated text. Only the file: Helidon's own environment and system-property sources are
 * off, because its automatic variable names differ from the fixed ones (see {@link Settings}).
 */
final class YamlFile {

    /**
     * The stack of the thread that reads the file. Helidon flattens a YAML list recursively, one level per
     * element: the default stack overflows near 10,000 entries, a city list an operator may well write.
     */
    static final long READER_STACK_BYTES = 512L * 1024 * 1024;

    private YamlFile() {
    }

    static Map<String, String> read(Path file) {
        FutureTask<Map<String, String>> reading = new FutureTask<>(() -> parse(file));
        new Thread(null, reading, "config-reader", READER_STACK_BYTES).start();
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while reading config file '" + file + "'", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StackOverflowError) {
                throw new ConfigException("config file '" + file + "' is nested too deeply or holds too long a "
                        + "list for the YAML reader; give a long list as one comma-separated value");
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Map<String, String> parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file '" + file + "' does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("config file '" + file + "' cannot be read");
        }
        Config config;
        try {
            config = Config.builder()
                    .disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .disableParserServices()
                    .disableValueResolving()
                    .disableKeyResolving()
                    .addParser(YamlConfigParser.create())
                    .sources(ConfigSources.file(file).parser(YamlConfigParser.create()))
                    .build();
            return flatten(config);
        } catch (io.helidon.config.ConfigException | IllegalStateException e) {
            throw new ConfigException("config file '" + file + "' is not valid YAML: " + rootMessage(e), e);
        }
    }

    private static Map<String, String> flatten(Config root) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lists = new ArrayList<>();
        root.traverse().forEach(node -> {
            String key = node.key().toString();
            if (lists.stream().anyMatch(list -> key.startsWith(list + "."))) {
                return;
            }
            switch (node.type()) {
                case LIST -> {
                    lists.add(key);
                    values.put(key, String.join(",", node.asList(String.class).orElse(List.of())));
                }
                case VALUE -> values.put(key, node.asString().orElse(""));
                default -> { }
            }
        });
        return values;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(message);
    }
}
